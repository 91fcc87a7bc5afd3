// count(*) without keys over a Projection of plain variables counts the
// Projection's input (query/plan/rule_count_rows.cc): the plan loses the
// Projection, the counts stay those of the plain form.
#include <string>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier {
namespace {

using graph::Value;
using testing::PlanHas;
using testing::Scalar;
using testing::TestDb;

TEST_CASE("count(*) over variables passed through skips their projection") {
  TestDb db("count-rows");
  db.Run("UNWIND range(0, 299) AS i CREATE (:V {id: i})");
  db.Run(
      "MATCH (a:V), (b:V) WHERE b.id = (a.id * 7 + 3) % 300 OR "
      "b.id = (a.id + 1) % 300 CREATE (a)-[:E]->(b)");
  // The distinct reach: the BFS drops the Distinct, this rule the
  // Projection of (a, b).
  const std::string reach =
      "MATCH (a:V)-[:E*1..3]->(b:V) WHERE a.id IN [0, 5, 17, 150] AND "
      "b.id <> a.id WITH DISTINCT a, b RETURN count(*)";
  auto explain = db.Run("EXPLAIN " + reach);
  CHECK(PlanHas(explain, "BfsExpand"));
  CHECK_FALSE(PlanHas(explain, "Projection a, b"));
  // The same pairs counted through a grouping (no rewrite applies).
  const Value pairs = Scalar(db.Run(
      "MATCH (a:V)-[:E*1..3]->(b:V) WHERE a.id IN [0, 5, 17, 150] AND "
      "b.id <> a.id WITH DISTINCT a.id AS x, b.id AS y RETURN count(*)"));
  CHECK(Scalar(db.Run(reach)) == pairs);
  CHECK(pairs.AsInt() > 4);

  // Renamed variables pass through too; the count is the rows'.
  auto renamed = db.Run(
      "EXPLAIN MATCH (a:V)-[r:E]->(b) WITH a AS x, r, b RETURN count(*)");
  CHECK_FALSE(PlanHas(renamed, "Projection x"));
  // The Expand it uncovers then counts degrees (rule order).
  CHECK(PlanHas(renamed, "ExpandCount"));
  CHECK(Scalar(db.Run(
            "MATCH (a:V)-[r:E]->(b) WITH a AS x, r, b RETURN count(*)")) ==
        Value::Int(600));
  // Over no rows: one row of 0.
  CHECK(Scalar(db.Run("MATCH (a:V) WHERE a.id < 0 WITH a RETURN count(*)")) ==
        Value::Int(0));

  // Not rewritten: a computed item (it may fail: the error stays), a key,
  // another aggregate than count(*).
  CHECK(
      PlanHas(db.Run("EXPLAIN MATCH (a:V) WITH a.id + 1 AS x RETURN count(*)"),
              "Projection"));
  CHECK_FALSE(
      db.Fail("MATCH (a:V) WITH a.id + 'x' AS s, a.id / 0 AS z RETURN count(*)")
          .ok());
  CHECK(Scalar(db.Run("MATCH (a:V) WITH a, a.id AS k RETURN count(*)")) ==
        Value::Int(300));
  CHECK(Scalar(db.Run("MATCH (a:V) WITH a RETURN count(a)")) ==
        Value::Int(300));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:V) WITH a RETURN count(a)"),
                "Projection a"));
}

}  // namespace
}  // namespace dossier
