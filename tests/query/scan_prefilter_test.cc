// A scan of every node with `var.key = constant` or `var.key IN [constants]`
// skips the nodes whose value cannot pass (query/plan/plan_match.cc,
// query/exec/ops_read.cc). Every answer is checked against the same
// predicate written as NOT (NOT ...): the same three-valued result, but not
// recognised, so every node reaches the Filter (the row-by-row reference).
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;

constexpr int kNodes = 6000;  // Past the 4,096 reads that start a column.

// Node i has i, and k of a kind chosen by i % 7: an integer, a string, a
// double equal to an integer, absent, a list, a boolean, a large integer.
// Every third node is :L, every fifth :M, the rest have no label; node i
// points at node (i * 7 + 1) % kNodes.
void BuildGraph(TestDb& db, int n = kNodes) {
  db.Run(
      "UNWIND range(0, $n - 1) AS i CREATE (a {i: i}) "
      "SET a.k = CASE i % 7 WHEN 0 THEN i % 50 "
      "WHEN 1 THEN 's' + toString(i % 9) WHEN 2 THEN toFloat(i % 50) "
      "WHEN 3 THEN null WHEN 4 THEN [i % 5] WHEN 5 THEN i % 2 = 0 "
      "ELSE 9007199254740993 + i % 3 END",
      {{"n", Value::Int(n)}});
  db.Run("MATCH (a) WHERE a.i % 3 = 0 SET a:L");
  db.Run("MATCH (a) WHERE a.i % 5 = 0 SET a:M");
  db.Run(
      "MATCH (a) WITH a ORDER BY a.i WITH collect(a) AS ns "
      "UNWIND range(0, size(ns) - 1) AS i "
      "WITH ns[i] AS a, ns[(i * 7 + 1) % size(ns)] AS b CREATE (a)-[:E]->(b)");
}

// `q` holds "{P}" where the predicate goes: the plan of the plain form
// skips nodes (`skips`), and both forms give the same rows or the same
// error.
void Same(TestDb& db, const std::string& q, const std::string& pred,
          bool skips = true, const graph::ValueMap& params = {}) {
  CAPTURE(q);
  CAPTURE(pred);
  std::string fast = q, slow = q;
  fast.replace(fast.find("{P}"), 3, pred);
  slow.replace(slow.find("{P}"), 3, "NOT (NOT (" + pred + "))");
  CHECK(PlanHas(db.Run("EXPLAIN " + fast, params), "skipping nodes") == skips);
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN " + slow, params), "skipping nodes"));
  auto f = query::ExecuteQuery(*db.store, fast, params, {});
  auto s = query::ExecuteQuery(*db.store, slow, params, {});
  REQUIRE(f.ok() == s.ok());
  if (!f.ok()) {
    CHECK(f.status().code() == s.status().code());
    CHECK(f.status().message() == s.status().message());
    return;
  }
  CHECK(Rows(*f) == Rows(*s));
}

TEST_CASE("a scan of every node skips nodes whose value cannot pass") {
  TestDb db("scan-prefilter");
  BuildGraph(db);
  const std::string rows = "MATCH (a) WHERE {P} RETURN a.i ORDER BY a.i";
  const std::string count = "MATCH (a)-[:E]->(b) WHERE {P} RETURN count(*)";
  const std::string keyed =
      "MATCH (a)-[:E]->(b) WHERE {P} RETURN a.k AS k, count(*) ORDER BY k";
  for (const std::string& q : {rows, count, keyed}) {
    Same(db, q, "a.k IN [1, 2, 3, 49]");
    // Null and list literals are not planned as constants (plan_match.cc):
    // the scan hands out every node; parameters below carry them.
    Same(db, q, "a.k IN [1, 's3', null, 's8']", false);
    Same(db, q, "a.k IN [null]", false);
    Same(db, q, "a.k IN []");
    // Integers equal doubles: `2 IN [2.0]`, `2.0 IN [2]` hold.
    Same(db, q, "a.k IN [2.0, 3, 's1']");
    Same(db, q, "a.k IN [[1], 2, [3]]", false);
    Same(db, q, "a.k IN [true, 4]");
    Same(db, q, "a.k IN [9007199254740993, 9007199254740994]");
    Same(db, q, "a.k = 7");
    Same(db, q, "7 = a.k");
    Same(db, q, "a.k = 's2'");
    Same(db, q, "a.k = 2.0");
    Same(db, q, "a.k = null", false);
    Same(db, q, "a.k = false");
    Same(db, q, "a.k = [3]", false);
    Same(db, q, "a.missing IN [1, 2]");
    Same(db, q, "a.k IN [1, 2, 3] AND a.i > 100");
    // Only the first conjunct that reads `a` is used (it is the first the
    // Filter evaluates).
    Same(db, q, "a.i > 100 AND a.k = 5", false);
    Same(db, q, "a.k IN [5, 6] OR a.i = 3", false);
    Same(db, q, "a.k <> 5", false);
  }
  // Parameters: a list, a string, null, a non-list (the same error).
  Same(db, rows, "a.k IN $p", true, {{"p", Value::List({Value::Int(4)})}});
  Same(db, rows, "a.k = $p", true, {{"p", Value::String("s4")}});
  Same(db, rows, "a.k IN $p", true, {{"p", Value::Null()}});
  Same(db, count, "a.k IN $p", true,
       {{"p",
         Value::List({Value::Int(1), Value::Null(), Value::String("s3")})}});
  Same(db, count, "a.k IN $p", true, {{"p", Value::List({Value::Null()})}});
  Same(db, count, "a.k IN $p", true,
       {{"p", Value::List({Value::Int(2), Value::List({Value::Int(3)})})}});
  Same(db, count, "a.k = $p", true, {{"p", Value::List({Value::Int(3)})}});
  Same(db, count, "a.k IN $p", true,
       {{"p", Value::List({Value::Double(4.0), Value::Int(5)})}});
  Same(db, rows, "a.k IN $p", true, {{"p", Value::Int(4)}});
  Same(db, rows, "a.k = $p", true, {{"p", Value::Null()}});
  // An inline map of the pattern.
  auto plan = db.Run("EXPLAIN MATCH (a {k: 3}) RETURN a.i");
  CHECK(PlanHas(plan, "NodeScan (a) skipping nodes whose k is not 3"));
  CHECK(Rows(db.Run("MATCH (a {k: 3}) RETURN a.i ORDER BY a.i")) ==
        Rows(db.Run("MATCH (a) WHERE NOT (NOT a.k = 3) RETURN a.i "
                    "ORDER BY a.i")));
  CHECK(Rows(db.Run("MATCH (a {k: 3})-[:E]->(b) RETURN count(*)")) ==
        Rows(db.Run("MATCH (a)-[:E]->(b) WHERE NOT (NOT a.k = 3) "
                    "RETURN count(*)")));
  // Something the Filter evaluates before the condition may fail: every
  // node goes on, and the error is raised as without the prefilter (node
  // 1's k is a string; node 7's k is 7).
  Same(db, rows, "a.k - 1 = 0 AND a.i = 7", false);
  CHECK_FALSE(db.Fail("MATCH (a) WHERE a.k - 1 = 0 AND a.i = 7 RETURN a.i").ok());
  // The Filter stops at the first conjunct that is not true: nodes other
  // than 7 never evaluate `a.k - 1`, with or without the prefilter.
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a) WHERE a.i = 7 AND a.k - 1 = 6 "
                       "RETURN a.i"),
                "skipping nodes whose i is not 7"));
  CHECK(Rows(db.Run("MATCH (a) WHERE a.i = 7 AND a.k - 1 = 6 RETURN a.i")) ==
        std::vector<std::string>{"7"});
  // An inline map: only when every entry is a constant (its first entry
  // is used), since the map is checked before any WHERE conjunct.
  plan = db.Run("EXPLAIN MATCH (a {i: 7, k: 7}) WHERE a.k - 1 = 6 RETURN a.i");
  CHECK(PlanHas(plan, "skipping nodes whose i is not 7"));
  CHECK(Rows(db.Run("MATCH (a {i: 7, k: 7}) WHERE a.k - 1 = 6 RETURN a.i")) ==
        std::vector<std::string>{"7"});
  const graph::ValueMap s = {{"s", Value::String("x")}};
  CHECK_FALSE(PlanHas(
      db.Run("EXPLAIN MATCH (a {i: 7, k: $s - 1}) RETURN a.i", s),
      "skipping nodes"));
  CHECK_FALSE(db.Fail("MATCH (a {i: 7, k: $s - 1}) RETURN a.i", s).ok());
  CHECK_FALSE(PlanHas(
      db.Run("EXPLAIN MATCH (a {k: $s - 1}) WHERE a.i = 7 RETURN a.i", s),
      "skipping nodes"));
  // A labelled node seeks its index instead.
  plan = db.Run("EXPLAIN MATCH (a:L) WHERE a.k IN [1, 2] RETURN a.i");
  CHECK(PlanHas(plan, "PropertyIndexSeek"));
  CHECK_FALSE(PlanHas(plan, "skipping nodes"));
  // Not every node: the ExpandCount that counts the whole adjacency at
  // once must not take a prefiltered scan for all nodes.
  CHECK(Rows(db.Run("MATCH (a {k: 3})-[r]->() RETURN type(r), count(*)")) ==
        Rows(db.Run("MATCH (a)-[r]->() WHERE NOT (NOT a.k = 3) "
                    "RETURN type(r), count(*)")));
}

// Writes of the same query: values set before the scan, and nodes the
// query deletes while the scan still holds them, read as the Filter reads
// them.
TEST_CASE("a prefiltered scan sees the query's own writes as the Filter does") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"MATCH (x) WHERE x.i < 40 SET x.k = 1000 WITH count(*) AS c "
       "MATCH (a) WHERE {P} RETURN a.i ORDER BY a.i",
       "a.k IN [1000, 3]"},
      {"MATCH (x) WHERE x.i < 40 SET x.fresh = x.i WITH count(*) AS c "
       "MATCH (a) WHERE {P} RETURN a.i ORDER BY a.i",
       "a.fresh = 7"},
      {"MATCH (a) WHERE {P} DETACH DELETE a RETURN count(*)",
       "a.k IN [1, 2, 's3']"},
      {"MATCH (a) WHERE {P} SET a.k = 's3' RETURN count(*)",
       "a.k IN [1, 2, 's3']"},
      {"MATCH (a) WHERE {P} CREATE (:N {k: 1}) RETURN count(*)", "a.k = 1"},
      // The scan meets nodes an earlier row deleted: reading one is an
      // error, raised by the Filter as without the prefilter.
      {"MATCH (a) WHERE {P} MATCH (a)-[:E]->(b) DETACH DELETE b "
       "RETURN count(*)",
       "a.k IN [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"},
      {"MATCH (a) WHERE {P} MATCH (a)-[:E]->(b) DETACH DELETE b "
       "RETURN count(*)",
       "a.k IN [44, 45, 46, 47, 48]"},
  };
  for (const auto& [q, pred] : cases) {
    CAPTURE(q);
    TestDb fast_db("scan-prefilter-fast");
    TestDb slow_db("scan-prefilter-slow");
    BuildGraph(fast_db, 1500);
    BuildGraph(slow_db, 1500);
    std::string fast = q, slow = q;
    fast.replace(fast.find("{P}"), 3, pred);
    slow.replace(slow.find("{P}"), 3, "NOT (NOT (" + pred + "))");
    CHECK(PlanHas(fast_db.Run("EXPLAIN " + fast), "skipping nodes"));
    auto f = query::ExecuteQuery(*fast_db.store, fast, {}, {});
    auto s = query::ExecuteQuery(*slow_db.store, slow, {}, {});
    REQUIRE(f.ok() == s.ok());
    if (f.ok()) {
      CHECK(Rows(*f) == Rows(*s));
    } else {
      MESSAGE("both fail: " << f.status().message());
      CHECK(f.status().code() == s.status().code());
      CHECK(f.status().message() == s.status().message());
    }
    const std::string after =
        "MATCH (a) RETURN a.i, a.k, labels(a) ORDER BY a.i, a.k";
    CHECK(Rows(fast_db.Run(after)) == Rows(slow_db.Run(after)));
  }
}

}  // namespace
}  // namespace dossier::testing
