// ExpandCount's groups for one key that is not the relationship type
// (query/exec/ops_count.cc): integer keys in a map of int64_t, the others
// under GroupHash/GroupEquals. Each answer is checked against the
// row-by-row Aggregate of the same query (a `WHERE true` keeps the rule
// off), in order where the query has no ORDER BY: groups keep their
// first-seen order.
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "query/values/compare.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;

constexpr int kNodes = 5000;
constexpr int kIds = 3000;

// Node i (0 <= i < kNodes) is :Node {i: i, id: i % kIds}, without an id
// when i % 97 == 0, with (i % 4) + 1 :E relationships to :T nodes except
// none when i % 13 == 0.
void BuildGraph(TestDb& db) {
  db.Run(
      "UNWIND range(0, $n - 1) AS i CREATE (a:Node {i: i}) "
      "SET a.id = CASE WHEN i % 97 = 0 THEN null ELSE i % $ids END "
      "WITH a, i WHERE i % 13 <> 0 "
      "UNWIND range(0, i % 4) AS j CREATE (a)-[:E]->(:T)",
      {{"n", Value::Int(kNodes)}, {"ids", Value::Int(kIds)}});
}

// The count per id the graph was built with (null for the nodes without
// one), in the order ids first occur over the nodes.
std::vector<std::string> ExpectedCounts() {
  std::map<int64_t, int64_t> counts;  // id -> count; -1 for null
  std::vector<int64_t> order;
  for (int i = 0; i < kNodes; ++i) {
    if (i % 13 == 0) continue;
    int64_t id = i % 97 == 0 ? -1 : i % kIds;
    if (counts.find(id) == counts.end()) order.push_back(id);
    counts[id] += i % 4 + 1;
  }
  std::vector<std::string> rows;
  for (int64_t id : order) {
    rows.push_back((id < 0 ? std::string("null") : std::to_string(id)) + " | " +
                   std::to_string(counts[id]));
  }
  return rows;
}

TEST_CASE("ExpandCount groups integer keys like the Aggregate, in order") {
  TestDb db("expand-count-groups-int");
  BuildGraph(db);
  const std::string q =
      "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(q)),
                  "ExpandCount (a)-[_:E]->() keys [a.id AS id]"));
  REQUIRE_FALSE(PlanHas(db.Run("EXPLAIN " + SlowForm(q)), "ExpandCount"));
  auto fast = Rows(db.Run(FastForm(q)));
  CHECK(fast.size() == ExpectedCounts().size());
  CHECK(fast == ExpectedCounts());
  CHECK(fast == Rows(db.Run(SlowForm(q))));

  // The benchmark's top10, and a second count column.
  const std::string top =
      "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d "
      "ORDER BY d DESC, id ASC LIMIT 10";
  auto top_fast = db.Run(FastForm(top));
  CHECK(top_fast.rows.size() == 10);
  CHECK(Rows(top_fast) == Rows(db.Run(SlowForm(top))));
  const std::string two =
      "MATCH (a:Node)-[:E]->() {W} RETURN a.id % 7 AS m, count(*) AS c, "
      "count(*) AS c2";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(two)), "ExpandCount"));
  CHECK(Rows(db.Run(FastForm(two))) == Rows(db.Run(SlowForm(two))));
}

TEST_CASE("ExpandCount groups mixed key kinds like the Aggregate") {
  TestDb db("expand-count-groups-mixed");
  BuildGraph(db);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const int64_t min = std::numeric_limits<int64_t>::min();
  const int64_t max = std::numeric_limits<int64_t>::max();
  graph::ValueList keys = {
      Value::Int(1),
      Value::String("a"),
      Value::Double(1.0),  // groups with 1
      Value::Null(),
      Value::Double(2.5),
      Value::Double(-0.0),  // first: the group of -0.0 and 0
      Value::Int(0),
      Value::Double(nan),
      Value::List({Value::Int(1), Value::Int(2)}),
      Value::List({Value::Double(1.0), Value::Int(2)}),
      Value::Bool(true),
      Value::Int(9007199254740993),       // 2^53 + 1
      Value::Double(9007199254740992.0),  // 2^53: another group
      Value::Double(1e300),
      Value::Int(min),
      Value::Double(static_cast<double>(min)),  // -2^63: groups with min
      Value::Int(max),
      Value::Double(9223372036854775808.0),  // 2^63: beyond int64
      Value::Double(std::numeric_limits<double>::infinity()),
      Value::String("1"),
      Value::Map({{"m", Value::Int(1)}}),
      Value::Double(3.0),  // first: the group of 3.0 and 3
      Value::Double(nan),
      Value::Int(3),
      Value::Double(-7.5),
      Value::Null(),
      Value::Int(-1),  // 27 keys: every key has nodes with relationships
  };
  const int64_t n = static_cast<int64_t>(keys.size());
  graph::ValueMap params = {{"keys", Value::List(keys)}};
  const std::string q =
      "MATCH (a:Node)-[:E]->() {W} RETURN $keys[a.i % size($keys)] AS k, "
      "count(*) AS c";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(q), params), "ExpandCount"));
  REQUIRE_FALSE(
      PlanHas(db.Run("EXPLAIN " + SlowForm(q), params), "ExpandCount"));
  auto fast = db.Run(FastForm(q), params);
  auto slow = db.Run(SlowForm(q), params);
  CHECK(Rows(fast) == Rows(slow));

  // The groups themselves, from the node counts: key index -> count.
  std::vector<int64_t> per_key(n, 0);
  for (int i = 0; i < kNodes; ++i) {
    if (i % 13 != 0) per_key[i % n] += i % 4 + 1;
  }
  auto count_of = [&](const Value& key) -> int64_t {
    for (const auto& row : fast.rows) {
      if (query::GroupEquals(row[0], key)) return row[1].AsInt();
    }
    return -1;
  };
  // 1 ~ 1.0, -0.0 ~ 0, -2^63 ~ -2^63 as a float, 3.0 ~ 3, NaN ~ NaN, null
  // ~ null; [1, 2] ~ [1.0, 2].
  CHECK(count_of(Value::Int(1)) == per_key[0] + per_key[2]);
  CHECK(count_of(Value::Int(0)) == per_key[5] + per_key[6]);
  CHECK(count_of(Value::Int(min)) == per_key[14] + per_key[15]);
  CHECK(count_of(Value::Int(3)) == per_key[21] + per_key[23]);
  CHECK(count_of(Value::Double(nan)) == per_key[7] + per_key[22]);
  CHECK(count_of(Value::Null()) == per_key[3] + per_key[25]);
  CHECK(count_of(keys[8]) == per_key[8] + per_key[9]);
  // Equal neither to an integer nor to each other.
  CHECK(count_of(Value::Int(9007199254740993)) == per_key[11]);
  CHECK(count_of(Value::Double(9007199254740992.0)) == per_key[12]);
  CHECK(count_of(Value::Int(max)) == per_key[16]);
  CHECK(count_of(keys[17]) == per_key[17]);
  CHECK(count_of(Value::String("1")) == per_key[19]);
  CHECK(count_of(Value::Double(2.5)) == per_key[4]);
  CHECK(count_of(Value::Double(1e300)) == per_key[13]);
  CHECK(count_of(Value::Int(-1)) == per_key[26]);
  CHECK(fast.rows.size() == 20);
  // A group shows its first-seen key (node 0 has no relationship: 'a',
  // then 1.0 before 1, -0.0 before 0).
  REQUIRE(fast.rows.size() >= 6);
  CHECK(fast.rows[0][0].kind() == graph::ValueKind::kString);
  CHECK(fast.rows[1][0].kind() == graph::ValueKind::kDouble);
  CHECK(fast.rows[4][0].kind() == graph::ValueKind::kDouble);
  CHECK(std::signbit(fast.rows[4][0].AsDouble()));  // -0.0

  // Floats first, then the integers equal to them.
  const std::string floats =
      "MATCH (a:Node)-[:E]->() {W} RETURN "
      "CASE WHEN a.i < 2500 THEN toFloat(a.i % 50) ELSE a.i % 60 END AS k, "
      "count(*) AS c";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(floats)), "ExpandCount"));
  auto ffast = db.Run(FastForm(floats));
  CHECK(ffast.rows.size() == 60);
  CHECK(Rows(ffast) == Rows(db.Run(SlowForm(floats))));
}

TEST_CASE("ExpandCount groups from a label-less start, not variable length") {
  TestDb db("expand-count-groups-nolabel");
  BuildGraph(db);
  const std::string q =
      "MATCH (a)-[:E]->() {W} RETURN a.id AS id, count(*) AS d";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(q)), "ExpandCount"));
  auto fast = Rows(db.Run(FastForm(q)));
  CHECK(fast == ExpectedCounts());
  CHECK(fast == Rows(db.Run(SlowForm(q))));
  // Both directions: the :T targets make one group (null) too.
  const std::string both =
      "MATCH (a)-[:E]-() {W} RETURN a.id AS id, count(*) AS d";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + FastForm(both)), "ExpandCount"));
  auto both_fast = Rows(db.Run(FastForm(both)));
  CHECK(both_fast.size() == ExpectedCounts().size());
  CHECK(both_fast == Rows(db.Run(SlowForm(both))));
  // A variable-length pattern is no single expansion: the plain Aggregate.
  const std::string var =
      "MATCH (a:Node)-[:E*1..1]->() RETURN a.id AS id, count(*) AS d";
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN " + var), "ExpandCount"));
  CHECK(Rows(db.Run(var)) == fast);
}

TEST_CASE("ExpandCount groups are charged to the memory budget") {
  TestDb db("expand-count-groups-memory");
  BuildGraph(db);
  const std::string q =
      "MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d";
  REQUIRE(PlanHas(db.Run("EXPLAIN " + q), "ExpandCount"));
  query::QueryOptions small;
  // Above the rest of the query (under 384 KiB), under it with 2,911
  // groups (about 570 KB more).
  small.max_memory_bytes = 640 << 10;
  absl::Status s = db.Fail(q, {}, small);
  CHECK_MESSAGE(s.code() == absl::StatusCode::kResourceExhausted, s.ToString());
  CHECK(std::string(s.message()).find("memory limit") != std::string::npos);
  // String keys too.
  s = db.Fail(
      "MATCH (a:Node)-[:E]->() RETURN toString(a.id) AS id, count(*) AS d", {},
      small);
  CHECK_MESSAGE(s.code() == absl::StatusCode::kResourceExhausted, s.ToString());
  // Few groups fit.
  CHECK(db.Run("MATCH (a:Node)-[:E]->() RETURN a.id % 10 AS m, count(*)", {},
               small)
            .rows.size() == 11);
  query::QueryOptions large;
  large.max_memory_bytes = 64 << 20;
  CHECK(Rows(db.Run(q, {}, large)) == ExpectedCounts());
}

}  // namespace
}  // namespace dossier::testing
