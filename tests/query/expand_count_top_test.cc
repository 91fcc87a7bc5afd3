// An ExpandCount under a TopK outputs only the groups the TopK keeps
// (query/plan/rule_count_top_k.cc, query/exec/ops_count.cc), and integer
// keys are grouped through a dense array while they are dense, a map
// after. Every answer is checked against the row-by-row Aggregate of the
// same query (a `WHERE true` keeps both rules off), rows in order: ties of
// the ORDER BY keys must come out as the TopK over all groups orders them.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;

constexpr int kNodes = 4000;

// Node i is :Node {i: i, id: i % 1500} with (i % 4) + 1 :E relationships
// and i % 3 :F relationships to :T nodes, none when i % 11 == 0: counts
// tie heavily.
void BuildGraph(TestDb& db) {
  db.Run(
      "UNWIND range(0, $n - 1) AS i CREATE (a:Node {i: i, id: i % 1500}) "
      "WITH a, i WHERE i % 11 <> 0 "
      "UNWIND range(0, i % 4) AS j CREATE (a)-[:E]->(:T)",
      {{"n", Value::Int(kNodes)}});
  db.Run(
      "MATCH (a:Node) WHERE a.i % 11 <> 0 AND a.i % 3 > 0 "
      "UNWIND range(1, a.i % 3) AS j CREATE (a)-[:F]->(:T)");
}

// Checks that `q` is planned with a top on the ExpandCount (`told`) and
// answers as the Aggregate does.
void Same(TestDb& db, const std::string& q, bool told = true,
          const graph::ValueMap& params = {}) {
  CAPTURE(q);
  auto plan = db.Run("EXPLAIN " + FastForm(q), params);
  CHECK(PlanHas(plan, "ExpandCount"));
  CHECK(PlanHas(plan, "] top ") == told);
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN " + SlowForm(q), params), "ExpandCount"));
  auto fast = Rows(db.Run(FastForm(q), params));
  auto slow = Rows(db.Run(SlowForm(q), params));
  CHECK(fast == slow);
}

TEST_CASE("ExpandCount under a TopK keeps the TopK's rows, ties included") {
  TestDb db("expand-count-top");
  BuildGraph(db);
  auto plan = db.Run(
      "EXPLAIN MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d "
      "ORDER BY d DESC, id ASC LIMIT 10");
  CHECK(PlanHas(plan, "top 10 by count(*) DESC, id"));
  for (const char* limit : {"0", "1", "7", "100", "1499", "1500", "5000"}) {
    const std::string l = limit;
    // Ties on d are broken by first-seen order only.
    Same(db,
         "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
         "ORDER BY d DESC LIMIT " +
             l);
    Same(db,
         "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
         "ORDER BY d DESC, id ASC LIMIT " +
             l);
    Same(db,
         "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
         "ORDER BY d, id DESC SKIP 3 LIMIT " +
             l);
  }
  // The aggregate named in ORDER BY, a key alone, a parameter bound.
  Same(db,
       "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
       "ORDER BY count(*) DESC LIMIT 25");
  Same(db,
       "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) "
       "ORDER BY id DESC LIMIT 12");
  Same(db,
       "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
       "ORDER BY d DESC SKIP $s LIMIT $k",
       true, {{"k", Value::Int(9)}, {"s", Value::Int(4)}});
  // Several keys, and the relationship type among them (a Row per group).
  Same(db,
       "MATCH (a:Node)-[r]->() {W} RETURN a.id % 7 AS m, type(r) AS t, "
       "count(*) AS c ORDER BY c DESC, t LIMIT 5");
  Same(db,
       "MATCH (a:Node)-[r]->() {W} RETURN a.id % 7 AS m, type(r) AS t, "
       "count(*) AS c ORDER BY c LIMIT 4");
  // A computed sort key is not an output: the TopK alone decides.
  Same(db,
       "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
       "ORDER BY d * -1, id LIMIT 6",
       false);
  // Mixed key kinds: strings and floats among integers.
  Same(db,
       "MATCH (a:Node)-[:E]->() {W} RETURN CASE a.i % 5 WHEN 0 THEN "
       "toString(a.id % 40) WHEN 1 THEN toFloat(a.id % 40) WHEN 2 THEN "
       "a.id % 40 + 0.5 ELSE a.id % 40 END AS k, count(*) AS d "
       "ORDER BY d DESC, k LIMIT 15");
  // Errors of LIMIT stay the Limit's.
  CHECK_FALSE(
      db.Fail("MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d "
              "ORDER BY d DESC LIMIT -1")
          .ok());
}

TEST_CASE("Integer keys group alike, dense or sparse, in order") {
  TestDb db("expand-count-int-index");
  BuildGraph(db);
  // Each key expression over a.i (0..3999): ascending, descending, sparse
  // from the start, dense then sparse, around the int64 limits, negative.
  for (const char* key :
       {"a.i", "-a.i", "4000 - a.i", "a.i * 1099511627776",
        "CASE WHEN a.i < 2500 THEN a.i ELSE a.i * 1000000007 END",
        "CASE WHEN a.i % 2 = 0 THEN 9223372036854775807 - a.i "
        "ELSE -9223372036854775807 + a.i END",
        "(a.i % 200) * 1000 - 100000", "a.i % 3 - 1 + 0.0"}) {
    const std::string k = key;
    const std::string q =
        "MATCH (a:Node)-[:E]->() {W} RETURN " + k + " AS k, count(*) AS d";
    CAPTURE(q);
    REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(q)), "ExpandCount"));
    auto fast = Rows(db.Run(FastForm(q)));
    CHECK(fast == Rows(db.Run(SlowForm(q))));
    CHECK(fast.size() > 2);
    Same(db, q + " ORDER BY d DESC LIMIT 20");
    Same(db, q + " ORDER BY k DESC LIMIT 20");
  }
}

TEST_CASE("ExpandCount over a scan keys by a node property like the rows") {
  TestDb db("expand-count-scan");
  BuildGraph(db);
  db.Run("CREATE (:Node {i: -1})-[:E]->(:T)");  // A node without an id.
  db.Run("MATCH (a:Node) WHERE a.i % 5 = 0 SET a.id = toString(a.id)");
  for (const char* q :
       {"MATCH (a:Node)-[:E]->() {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:Node)<-[:E]-() {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a)-[:E]->() {W} RETURN a.i AS k, count(*) AS d",
        "MATCH (a)--() {W} RETURN a.i AS k, count(*) AS d",
        "MATCH (a:Node)-[:E|F]->() {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:Node)-[]->() {W} RETURN a.nokey AS k, count(*) AS d",
        "MATCH (a:Nolabel)-[:E]->() {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:Node)-[:NOPE]->() {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:T)-[:E]->() {W} RETURN a.id AS k, count(*) AS d"}) {
    const std::string text = q;
    CAPTURE(text);
    REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(text)), "ExpandCount"));
    CHECK(Rows(db.Run(FastForm(text))) == Rows(db.Run(SlowForm(text))));
    Same(db, text + " ORDER BY d DESC LIMIT 9");
  }
}

TEST_CASE("ExpandCount folds label checks of the other end") {
  TestDb db("expand-count-target-labels");
  BuildGraph(db);
  db.Run("MATCH (t:T) WHERE id(t) % 3 = 0 SET t:Node");
  db.Run("CREATE (n:Node:T {i: -5, id: 7})-[:E]->(n)");  // A self-loop.
  db.Run("MATCH (a:Node) WHERE a.i % 50 = 1 CREATE (a)-[:F]->(:Node {i: a.i})");
  auto plan = db.Run(
      "EXPLAIN MATCH (a:Node)-[:E]->(b:T) RETURN a.id AS k, count(*) AS d");
  CHECK(PlanHas(plan, "ExpandCount (a)-[_:E]->(:T)"));
  for (const char* q :
       {"MATCH (a:Node)-[:E]->(b:T) {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:Node)-[:E]->(:Node) {W} RETURN a.id AS k, count(*) AS d",
        "MATCH (a:Node)-[:E]->(b:T:Node) {W} RETURN count(*) AS d",
        "MATCH (a:Node)<-[r]-(b:Node) {W} RETURN type(r) AS t, count(*) AS d",
        "MATCH (a:Node)-[r]-(b:Node) {W} RETURN a.i % 3 AS k, count(*) AS d",
        "MATCH (a)-[r]-(b:T) {W} RETURN type(r) AS t, count(*) AS d",
        "MATCH (a:Node)-[:E|F]->(b:Missing) {W} RETURN count(*) AS d",
        "MATCH (a:Node)-[:E]->(b:T) {W} RETURN a.id AS k, count(*) AS d "
        "ORDER BY d DESC LIMIT 5"}) {
    const std::string text = q;
    CAPTURE(text);
    REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(text)), "ExpandCount"));
    CHECK(Rows(db.Run(FastForm(text))) == Rows(db.Run(SlowForm(text))));
  }
  // The WHERE form folds too; anything else in the Filter keeps it.
  const std::string where =
      "MATCH (a:Node)-[:E]->(b) WHERE b:T RETURN a.id AS k, count(*) AS d";
  CHECK(PlanHas(db.Run("EXPLAIN " + where), "ExpandCount (a)-[_:E]->(:T)"));
  CHECK(Rows(db.Run(where)) ==
        Rows(db.Run("MATCH (a:Node)-[:E]->(b) WHERE b:T AND true "
                    "RETURN a.id AS k, count(*) AS d")));
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[:E]->(b:T) WHERE b.i > 3 "
                             "RETURN count(*)"),
                      "ExpandCount"));
}

TEST_CASE("A label scan keeps the nodes it started with across writes") {
  TestDb db("node-scan-writes");
  db.Run("UNWIND range(1, 300) AS i CREATE (:L {i: i})");
  // The nodes created during the scan are not scanned.
  CHECK(Scalar(db.Run("MATCH (n:L) CREATE (:L {i: -1}) RETURN count(*)")) ==
        Value::Int(300));
  CHECK(Scalar(db.Run("MATCH (n:L) RETURN count(*)")) == Value::Int(600));
  // Nor do deleted ones disappear from a scan already begun; a later scan
  // of the same query no longer sees them.
  CHECK(Scalar(db.Run("MATCH (n:L) WHERE n.i = -1 DELETE n "
                      "WITH count(*) AS gone MATCH (m:L) RETURN count(*)")) ==
        Value::Int(300));
}

}  // namespace
}  // namespace dossier::testing
