// BfsCount (query/plan/rule_bfs_count.cc, query/exec/ops_bfs_count.cc):
// the count of distinct (start, reached) pairs found for 64 start rows at
// once, with the WHERE conditions split by what they read. Every answer is
// checked against the row-by-row plan of the same query — `WITH DISTINCT
// a, b, 1 AS one` keeps a Distinct, so the rule does not apply and the
// BfsExpand's rows pass the Filter one by one — errors included.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;

// 400 :V nodes {id: i} (some without an id, some with a string one), :E
// relationships i -> 7i+3 and i -> i+1 (mod 400), :F relationships
// i -> 3i (mod 400) for even i, and 5 :V nodes without relationships.
void BuildGraph(TestDb& db) {
  db.Run(
      "UNWIND range(0, 399) AS i CREATE (:V {id: CASE WHEN i % 50 = 7 THEN "
      "null WHEN i % 50 = 9 THEN toString(i) ELSE i END, i: i})");
  db.Run(
      "MATCH (a:V), (b:V) WHERE b.i = (a.i * 7 + 3) % 400 OR "
      "b.i = (a.i + 1) % 400 CREATE (a)-[:E]->(b)");
  db.Run(
      "MATCH (a:V), (b:V) WHERE a.i % 2 = 0 AND b.i = (a.i * 3) % 400 "
      "CREATE (a)-[:F]->(b)");
  db.Run("UNWIND range(400, 404) AS i CREATE (:V {id: i, i: i})");
}

// `match` + " WITH DISTINCT a, b RETURN count(*)": planned as a BfsCount,
// and the same count as the row-by-row plan (or the same error).
void Same(TestDb& db, const std::string& match,
          const graph::ValueMap& params = {}) {
  const std::string fast = match + " WITH DISTINCT a, b RETURN count(*)";
  const std::string slow =
      match + " WITH DISTINCT a, b, 1 AS one RETURN count(*)";
  CAPTURE(fast);
  CHECK(PlanHas(db.Run("EXPLAIN " + fast, params), "BfsCount"));
  auto slow_plan = db.Run("EXPLAIN " + slow, params);
  CHECK_FALSE(PlanHas(slow_plan, "BfsCount"));
  auto f = query::ExecuteQuery(*db.store, fast, params);
  auto s = query::ExecuteQuery(*db.store, slow, params);
  REQUIRE(f.ok() == s.ok());
  if (!f.ok()) {
    CHECK(f.status().message() == s.status().message());
    return;
  }
  CHECK(Rows(*f) == Rows(*s));
}

TEST_CASE("BfsCount counts the pairs the row-by-row plan counts") {
  TestDb db("bfs-count");
  BuildGraph(db);
  // Start rows: 405 (seven batches of 64), a few, one, none.
  for (const char* where : {"", "WHERE a.i < 3", "WHERE a.i = 11",
                            "WHERE a.i IN [402, 17]", "WHERE a.i < 0"}) {
    const std::string w = where;
    for (const char* rel :
         {"[:E*1..3]", "[:E*0..2]", "[:E*1..1]", "[:E*]", "[:E|F*1..2]",
          "[*1..2]", "[:NOPE*0..2]", "[:F*0..]"}) {
      Same(db, "MATCH (a:V)-" + std::string(rel) + "->(b) " + w);
      Same(db, "MATCH (a:V)<-" + std::string(rel) + "-(b:V) " + w);
    }
  }
  // Conditions on the reached node only, on both sides as a comparison
  // (either operand first), on the pair otherwise.
  for (const char* cond :
       {"b:V AND b.id <> a.id", "b.id > a.id", "a.id >= b.id", "b.i % 7 = 0",
        "a.i + b.i > 300", "b.id = a.id", "b.id STARTS WITH '1'",
        "(b)-[:F]->()", "b.i % 3 = 0 AND a.i < b.i",
        "NOT b.i IN [1, 2, 3] AND b.i <> a.i"}) {
    const std::string c = cond;
    Same(db, "MATCH (a:V)-[:E*1..3]->(b) WHERE " + c);
    Same(db, "MATCH (a:V)-[:E|F*0..2]->(b:V) WHERE a.i < 150 AND " + c);
  }
  // Parameters.
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE a.i IN $s AND b.i > $m",
       {{"s", Value::List({Value::Int(1), Value::Int(2), Value::Int(300)})},
        {"m", Value::Int(100)}});
}

TEST_CASE("BfsCount raises the row-by-row plan's errors, and only those") {
  TestDb db("bfs-count-errors");
  BuildGraph(db);
  // Reached for some pairs: the error. Behind a condition that is false for
  // every pair: none. A start-side error for a start that reaches nothing:
  // none.
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE b.i / (b.i - 5) > 0");
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE b.i < 0 AND b.i / 0 > 1");
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE b.i > a.i / (a.i - 400)");
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE a.i / (a.i - 402) < b.i");
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE b.i <> 1 / 0 OR b.i = 1");
  // Both operands fail: the left one's error, whichever side it reads.
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE b.i / 0 > a.i + true");
  Same(db, "MATCH (a:V)-[:E*1..2]->(b) WHERE a.i + true > b.i / 0");
  CHECK(db.Fail("MATCH (a:V)-[:E*1..2]->(b) WHERE a.i + true > b.i / 0 "
                "WITH DISTINCT a, b RETURN count(*)")
            .message()
            .find("TypeError") != std::string_view::npos);
  CHECK_FALSE(db.Fail("MATCH (a:V)-[:E*1..2]->(b) WHERE b.i / (b.i - 5) > 0 "
                      "WITH DISTINCT a, b RETURN count(*)")
                  .ok());
}

TEST_CASE("BfsCount stays out where it would not count the same") {
  TestDb db("bfs-count-not");
  BuildGraph(db);
  // Writes below the start rows would land during the count.
  auto w = db.Run(
      "EXPLAIN MATCH (x:V {i: 1}) CREATE (x)-[:E]->(:V {i: -1}) WITH x "
      "MATCH (a:V)-[:E*1..2]->(b) WITH DISTINCT a, b RETURN count(*)");
  CHECK_FALSE(PlanHas(w, "BfsCount"));
  // A count with keys, or of something else than rows.
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a:V)-[:E*1..2]->(b) WITH DISTINCT "
                             "a, b RETURN a.i, count(*)"),
                      "BfsCount"));
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a:V)-[:E*1..2]->(b) WITH DISTINCT "
                             "a, b RETURN count(b.id)"),
                      "BfsCount"));
  // The write below still counts what the plan counts.
  const std::string q =
      "MATCH (x:V {i: 1}) CREATE (x)-[:E]->(:V {i: -1}) WITH x "
      "MATCH (a:V)-[:E*1..2]->(b) WHERE a.i < 3 WITH DISTINCT a, b "
      "RETURN count(*)";
  CHECK(Scalar(db.Run(q)).AsInt() > 0);
}

}  // namespace
}  // namespace dossier::testing
