// The planner's rewrites for speed: `IN list` as index seeks, WHERE
// conjuncts pushed below expansions, DISTINCT endpoints of a
// variable-length pattern by BFS, counts from degrees, ORDER BY under
// LIMIT as a bounded top-k, label checks from the label index. Each
// is checked in EXPLAIN and against a form of the same query that the
// rewrite does not apply to (the unoptimised semantics) on a generated
// graph.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "query/plan/layout.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;

// A deterministic pseudo-random graph: `nodes` nodes (:V {id: i}, also
// :Node except every eleventh; every seventh :Node also :Hub; one :Loner
// without relationships), `edges` :E relationships and a few :F ones, with
// self-loops and parallel edges.
void BuildRandomGraph(TestDb& db, int nodes, int edges, uint64_t seed) {
  db.Run("UNWIND range(0, $n - 1) AS i WITH i WHERE i % 11 <> 10 "
         "CREATE (:V:Node {id: i})",
         {{"n", Value::Int(nodes)}});
  db.Run("UNWIND range(0, $n - 1) AS i WITH i WHERE i % 11 = 10 CREATE (:V {id: i})",
         {{"n", Value::Int(nodes)}});
  db.Run("MATCH (n:Node) WHERE n.id % 7 = 0 SET n:Hub");
  db.Run("CREATE (:Loner {id: -1})");
  uint64_t x = seed;
  auto next = [&x](int bound) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int64_t>((x >> 33) % static_cast<uint64_t>(bound));
  };
  graph::ValueList list;
  for (int i = 0; i < edges; ++i) {
    int64_t a = next(nodes), b = next(nodes);
    if (i % 50 == 0) b = a;  // A self-loop now and then.
    list.push_back(Value::List({Value::Int(a), Value::Int(b),
                                Value::String(i % 9 == 0 ? "F" : "E")}));
    if (i % 40 == 0) list.push_back(list.back());  // A parallel edge.
  }
  for (const char* type : {"E", "F"}) {
    db.Run(std::string("UNWIND $edges AS e WITH e WHERE e[2] = '") + type +
               "' MATCH (a:V {id: e[0]}), (b:V {id: e[1]}) CREATE (a)-[:" + type + "]->(b)",
           {{"edges", Value::List(list)}});
  }
}

// The line of the plan holding `what`, or -1.
int LineOf(const std::string& plan, const std::string& what) {
  size_t at = plan.find(what);
  if (at == std::string::npos) return -1;
  int line = 0;
  for (size_t i = 0; i < at; ++i) line += plan[i] == '\n';
  return line;
}

std::vector<std::string> Sorted(const query::QueryResult& r) {
  std::vector<std::string> rows = Rows(r);
  std::sort(rows.begin(), rows.end());
  return rows;
}

const char* kSeeds = "[0, 3, 5, 10, 14, 21, 22, 40, 77, 78, 1000, 5, 3.0]";

TEST_CASE("IN list on an indexed key is a seek per element") {
  TestDb db("rewrite-in-seek");
  BuildRandomGraph(db, 120, 500, 7);
  auto explain = db.Run("EXPLAIN MATCH (a:Node) WHERE a.id IN [1, 2, 3] RETURN a.id");
  CHECK(PlanHas(explain, "PropertyIndexSeek (a:Node) Node.id IN [1, 2, 3]"));
  CHECK_FALSE(PlanHas(explain, "NodeScan"));

  // Against the same predicate without the label in the pattern (a scan).
  for (std::string list :
       {std::string(kSeeds), std::string("[]"), std::string("[null, 4, null]"),
        std::string("[2, 2.0, '2', true]"), std::string("[[1, 2], 5]"),
        std::string("[5.5, 6]")}) {
    CAPTURE(list);
    auto fast = db.Run("MATCH (a:Node) WHERE a.id IN " + list + " RETURN a.id");
    auto slow = db.Run("MATCH (a) WHERE a:Node AND a.id IN " + list + " RETURN a.id");
    CHECK(Sorted(fast) == Sorted(slow));
  }
  CHECK(Sorted(db.Run("MATCH (a:Node) WHERE a.id IN [3, 3, 3.0] RETURN a.id")) ==
        std::vector<std::string>{"3"});
  CHECK(db.Run("MATCH (a:Node) WHERE a.id IN null RETURN a").rows.empty());
  // A parameter list, and one that is not a list (the filter decides).
  CHECK(Sorted(db.Run("MATCH (a:Node) WHERE a.id IN $ids RETURN a.id",
                      {{"ids", Value::List({Value::Int(8), Value::Int(9)})}})) ==
        std::vector<std::string>{"8", "9"});
  CHECK_FALSE(db.Fail("MATCH (a:Node) WHERE a.id IN $ids RETURN a.id",
                      {{"ids", Value::Int(8)}}).ok());
}

TEST_CASE("WHERE conjuncts are pushed below later expansions") {
  TestDb db("rewrite-pushdown");
  BuildRandomGraph(db, 120, 500, 11);
  std::string q = std::string("MATCH (a:Node)-[:E]->(b:Node)-[:E]->(c) WHERE a.id IN ") +
                  kSeeds + " AND b.id <> a.id AND c.id > b.id AND (a)-->(c) ";
  auto explain = db.Run("EXPLAIN " + q + "RETURN count(*)");
  INFO(explain.plan);
  // Deeper operators print later: each filter sits right above the operator
  // binding its last variable, the pattern predicate stays on top.
  int seek = LineOf(explain.plan, "PropertyIndexSeek (a:Node)");
  int first = LineOf(explain.plan, "Expand (a)-[_:E]->(b)");
  int second = LineOf(explain.plan, "Expand (b)-[_:E]->(c)");
  int ab = LineOf(explain.plan, "b.id <> a.id");
  int bc = LineOf(explain.plan, "c.id > b.id");
  int pat = LineOf(explain.plan, "(a)-->(c)");
  REQUIRE(seek >= 0);
  CHECK(ab < first);
  CHECK(ab > second);
  CHECK(bc < second);
  CHECK(pat < bc);
  // The same WHERE after `WITH *` is not pushed: the unoptimised answer.
  std::string ref = std::string("MATCH (a:Node)-[:E]->(b:Node)-[:E]->(c) WITH * WHERE a.id IN ") +
                    kSeeds + " AND b.id <> a.id AND c.id > b.id AND (a)-->(c) ";
  CHECK(Scalar(db.Run(q + "RETURN count(*)")) == Scalar(db.Run(ref + "RETURN count(*)")));
  CHECK(Sorted(db.Run(q + "RETURN a.id, b.id, c.id")) ==
        Sorted(db.Run(ref + "RETURN a.id, b.id, c.id")));
  // OPTIONAL MATCH keeps its rows when the pushed filter fails.
  std::string opt = "MATCH (a:Node) WHERE a.id < 20 OPTIONAL MATCH (a)-[:E]->(b) WHERE b.id > 100 ";
  CHECK(Sorted(db.Run(opt + "RETURN a.id, b.id")) ==
        Sorted(db.Run("MATCH (a:Node) WHERE a.id < 20 OPTIONAL MATCH (a)-[:E]->(b) "
                      "WITH a, [x IN collect(b) WHERE x.id > 100 | x.id] AS bs "
                      "UNWIND CASE WHEN bs = [] THEN [null] ELSE bs END AS bid "
                      "RETURN a.id, bid")));
}

TEST_CASE("DISTINCT endpoints of a variable-length pattern run as BFS") {
  TestDb db("rewrite-bfs");
  BuildRandomGraph(db, 150, 420, 3);
  auto reach = [](const std::string& rel, const std::string& tail) {
    return std::string("MATCH (a:Node)") + rel + "(b:Node) WHERE a.id IN " + kSeeds +
           " AND b.id <> a.id " + tail;
  };
  auto explain = db.Run("EXPLAIN " + reach("-[:E*1..3]->", "WITH DISTINCT a, b RETURN count(*)"));
  INFO(explain.plan);
  CHECK(PlanHas(explain, "BfsExpand (a)-[_:E*1..3]->(b)"));
  CHECK(PlanHas(explain, "PropertyIndexSeek (a:Node) Node.id IN"));
  CHECK_FALSE(PlanHas(explain, "VarLengthExpand"));
  // One row per seed and end node already: the Distinct is dropped; it
  // stays on other items, or when the seeds come from an expansion.
  CHECK_FALSE(PlanHas(explain, "Distinct"));
  CHECK(PlanHas(db.Run("EXPLAIN " + reach("-[:E*1..3]->", "WITH DISTINCT b RETURN count(*)")),
            "Distinct"));
  std::string two = "MATCH (x:Node)-[:F]->(a) MATCH (a)-[:E*1..3]->(b) ";
  auto two_plan = db.Run("EXPLAIN " + two + "WITH DISTINCT a, b RETURN count(*)");
  CHECK(PlanHas(two_plan, "BfsExpand"));
  CHECK(PlanHas(two_plan, "Distinct"));
  CHECK(Scalar(db.Run(two + "WITH DISTINCT a, b RETURN count(*)")) ==
        Scalar(db.Run("MATCH (x:Node)-[:F]->(a) MATCH p = (a)-[:E*1..3]->(b) "
                      "WITH DISTINCT a, b RETURN count(*)")));

  // Not rewritten: a path variable, an undirected pattern, a lower bound of
  // 2, no DISTINCT, a relationship variable read later.
  CHECK(PlanHas(db.Run("EXPLAIN MATCH p = (a:Node)-[:E*1..3]->(b) WITH DISTINCT a, b RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[:E*1..3]-(b) WITH DISTINCT a, b RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[:E*2..3]->(b) WITH DISTINCT a, b RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[:E*1..3]->(b) RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[r:E*1..3]->(b) WHERE size(r) > 1 "
                   "WITH DISTINCT a, b RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[r:E*1..3]->(b) WITH DISTINCT a, b, r "
                   "RETURN count(*)"),
            "VarLengthExpand"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[:E*1..3]->(b)-[:E]->(c) "
                   "WITH DISTINCT a, c RETURN count(*)"),
            "VarLengthExpand"));
  // A named relationship list that nothing reads is fine.
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[r:E*1..3]->(b) WITH DISTINCT a, b RETURN count(*)"),
            "BfsExpand"));

  // Answers equal those of the trail enumeration (a path variable keeps
  // the rule off), for several bounds, directions, types and ends.
  for (std::string rel : {"-[:E*1..3]->", "-[:E*1..1]->", "-[:E*0..2]->", "-[:E*..4]->",
                          "<-[:E*1..3]-", "-[:E|F*1..3]->", "-[*1..2]->", "-[:Nope*1..3]->"}) {
    for (std::string tail : {"WITH DISTINCT a, b RETURN a.id, b.id",
                             "RETURN DISTINCT b.id % 5 AS k"}) {
      CAPTURE(rel);
      CAPTURE(tail);
      std::string fast = reach(rel, tail);
      std::string slow = std::string("MATCH p = (a:Node)") + rel + "(b:Node) WHERE a.id IN " +
                         kSeeds + " AND b.id <> a.id " + tail;
      REQUIRE(PlanHas(db.Run("EXPLAIN " + fast), "BfsExpand"));
      CHECK(Sorted(db.Run(fast)) == Sorted(db.Run(slow)));
    }
  }
  // The start node itself: reached back through a cycle (or a self-loop),
  // or at depth 0.
  for (std::string rel : {"-[:E*1..3]->", "-[:E*0..1]->", "-[:E*1..1]->"}) {
    CAPTURE(rel);
    std::string fast = std::string("MATCH (a:Node)") + rel + "(b) WHERE a.id < 60 "
                       "AND a = b WITH DISTINCT a, b RETURN a.id";
    std::string slow = std::string("MATCH p = (a:Node)") + rel + "(b) WHERE a.id < 60 "
                       "AND a = b WITH DISTINCT a, b RETURN a.id";
    CHECK(Sorted(db.Run(fast)) == Sorted(db.Run(slow)));
  }
  // Both ends bound (Into).
  std::string into = "MATCH (a:Node), (b:Hub) WHERE a.id < 30 MATCH (a)-[:E*1..3]->(b) ";
  CHECK(PlanHas(db.Run("EXPLAIN " + into + "WITH DISTINCT a, b RETURN count(*)"), "BfsExpandInto"));
  CHECK(Sorted(db.Run(into + "WITH DISTINCT a, b RETURN a.id, b.id")) ==
        Sorted(db.Run("MATCH (a:Node), (b:Hub) WHERE a.id < 30 MATCH p = (a)-[:E*1..3]->(b) "
                      "WITH DISTINCT a, b RETURN a.id, b.id")));
}

TEST_CASE("BFS sees the statement's own relationship changes") {
  TestDb db("rewrite-bfs-write");
  BuildRandomGraph(db, 80, 160, 5);
  // The new relationship is only in the write transaction's overlay when
  // the BFS runs; the reference reads the committed graph afterwards.
  auto fast = db.Run(
      "MATCH (x:Node {id: 0}), (y:Node {id: 79}) CREATE (x)-[:E]->(y) "
      "WITH count(*) AS ignored "
      "MATCH (a:Node)-[:E*1..3]->(b) WHERE a.id IN [0, 1, 2, 79] "
      "WITH DISTINCT a, b RETURN a.id, b.id");
  auto slow = db.Run(
      "MATCH p = (a:Node)-[:E*1..3]->(b) WHERE a.id IN [0, 1, 2, 79] "
      "WITH DISTINCT a, b RETURN a.id, b.id");
  CHECK(Sorted(fast) == Sorted(slow));
  CHECK_FALSE(fast.rows.empty());
  // Deleted in the same statement: no longer reached.
  auto del = db.Run(
      "MATCH (:Node {id: 0})-[r:E]->(:Node {id: 79}) DELETE r "
      "WITH count(*) AS ignored "
      "MATCH (a:Node)-[:E*1..3]->(b) WHERE a.id IN [0, 1, 2, 79] "
      "WITH DISTINCT a, b RETURN a.id, b.id");
  auto after = db.Run(
      "MATCH p = (a:Node)-[:E*1..3]->(b) WHERE a.id IN [0, 1, 2, 79] "
      "WITH DISTINCT a, b RETURN a.id, b.id");
  CHECK(Sorted(del) == Sorted(after));
}

TEST_CASE("count(*) over one expansion reads degrees") {
  TestDb db("rewrite-count");
  BuildRandomGraph(db, 150, 700, 13);
  auto top = db.Run("EXPLAIN MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d "
                    "ORDER BY d DESC, id ASC LIMIT 10");
  INFO(top.plan);
  CHECK(PlanHas(top, "ExpandCount (a)-[_:E]->() keys [a.id AS id] aggregates [count(*)]"));
  CHECK_FALSE(PlanHas(top, "+Expand ("));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t"),
            "ExpandCount (_)-[r]->() keys [type(r) AS t]"));
  // A target checked for labels only counts its relationships to them.
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a)-[:E]->(b:Hub) RETURN a.id, count(*)"),
            "ExpandCount (a)-[_:E]->(:Hub)"));
  // Not rewritten: a target checked otherwise, another aggregate, a key on
  // the target.
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a)-[:E]->(b:Hub) WHERE b.id > 3 "
                         "RETURN a.id, count(*)"),
                  "ExpandCount"));
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a)-[:E]->(b) RETURN a.id, count(b.id)"),
                  "ExpandCount"));
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (a)-[:E]->(b) RETURN b.id, count(*)"),
                  "ExpandCount"));

  // Answers equal the row-by-row Aggregate (a `WHERE true` on top keeps
  // the rule off).
  for (std::string q : {"MATCH ()-[r]->() {W} RETURN type(r) AS t, count(*) AS c",
                        "MATCH (a:Node)-[:E]->() {W} RETURN a.id AS id, count(*) AS d",
                        "MATCH (a:Node)-[r]-() {W} RETURN a.id, type(r), count(*)",
                        "MATCH (a:Node)-[]-() {W} RETURN a.id, count(*), count(*) AS c2",
                        "MATCH (a:Node)<-[:E|F]-() {W} RETURN a.id % 3, count(*)",
                        "MATCH (a:Node)<-[r:E|F|E]-() {W} RETURN type(r), count(*)",
                        "MATCH (a:Hub)-[:E]->() {W} RETURN count(*)",
                        "MATCH (a)-[:E]->(:Hub) {W} RETURN a.id, count(*)",
                        "MATCH (a:Loner)-[:E]->() {W} RETURN count(*)",
                        "MATCH (a)-[:Nope]->() {W} RETURN count(*)",
                        "MATCH (a)-[:Nope]->() {W} RETURN a, count(*)",
                        "MATCH (a:Node)-[:E]->() {W} RETURN a, count(*)",
                        "MATCH (x:Hub) WITH x MATCH (a:Node {id: x.id})-[:E]-() {W} "
                        "RETURN x.id, a.id, count(*)"}) {
    CAPTURE(q);
    std::string fast = q, slow = q;
    fast.replace(fast.find("{W}"), 3, "");
    slow.replace(slow.find("{W}"), 3, "WHERE true");
    REQUIRE(PlanHas(db.Run("EXPLAIN " + fast), "ExpandCount"));
    REQUIRE_FALSE(PlanHas(db.Run("EXPLAIN " + slow), "ExpandCount"));
    CHECK(Sorted(db.Run(fast)) == Sorted(db.Run(slow)));
  }
  // In a statement that changed relationships, counts come from Expand.
  auto written = db.Run(
      "MATCH (x:Node {id: 1}) CREATE (x)-[:E]->(x), (x)-[:G]->(x) "
      "WITH count(*) AS ignored MATCH (a:Node)-[r]-() RETURN a.id, type(r), count(*)");
  CHECK(Sorted(written) ==
        Sorted(db.Run("MATCH (a:Node)-[r]-() WHERE true RETURN a.id, type(r), count(*)")));
}

// The first `limit` rows from `skip` on of an ordered result.
std::vector<std::string> Slice(const query::QueryResult& r, size_t skip,
                               size_t limit) {
  std::vector<std::string> rows = Rows(r);
  std::vector<std::string> out;
  for (size_t i = skip; i < rows.size() && i < skip + limit; ++i)
    out.push_back(rows[i]);
  return out;
}

TEST_CASE("ORDER BY under LIMIT keeps a bounded top-k") {
  TestDb db("rewrite-top-k");
  BuildRandomGraph(db, 200, 900, 21);
  // Mixed types and nulls in a sort key: strings, integers, missing.
  db.Run("MATCH (n:V) WHERE n.id % 13 = 0 SET n.k = toString(n.id % 5)");
  db.Run(
      "MATCH (n:V) WHERE n.id % 13 <> 0 AND n.id % 3 <> 0 SET n.k = n.id % 6");
  db.Run("MATCH (n:V) WHERE n.id % 17 = 0 SET n.k = 2.5");

  auto top = db.Run(
      "EXPLAIN MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d "
      "ORDER BY d DESC, id ASC LIMIT 10");
  INFO(top.plan);
  CHECK(PlanHas(top, "TopK d DESC, id limit 10"));
  CHECK_FALSE(PlanHas(top, "+Sort"));
  CHECK(LineOf(top.plan, "Limit 10") < LineOf(top.plan, "TopK"));
  auto skip =
      db.Run("EXPLAIN MATCH (a:V) RETURN a.id ORDER BY a.id SKIP 3 LIMIT 4");
  CHECK(PlanHas(skip, "TopK a.id skip 3 limit 4"));
  CHECK(LineOf(skip.plan, "Skip 3") < LineOf(skip.plan, "TopK"));
  // Not rewritten: ORDER BY without LIMIT, SKIP alone.
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:V) RETURN a.id ORDER BY a.id"), "+Sort"));
  CHECK(PlanHas(db.Run("EXPLAIN MATCH (a:V) RETURN a.id ORDER BY a.id SKIP 3"),
            "+Sort"));

  // Answers equal the first rows of the full sort (the same query without
  // SKIP/LIMIT keeps the Sort), ties in the same order, for several keys.
  std::vector<std::string> queries = {
      "MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d ORDER BY d "
      "DESC, id ASC",
      "MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d ORDER BY d "
      "DESC",
      "MATCH (a:V) RETURN a.id % 5 AS g, a.id AS id ORDER BY g",
      "MATCH (a:V) RETURN a.k AS k, a.id AS id ORDER BY k",
      "MATCH (a:V) RETURN a.k AS k, a.id AS id ORDER BY k DESC",
      "MATCH (a:V) RETURN a.id AS id ORDER BY a.k DESC, a.id % 7, -a.id",
      "MATCH (a:V)-[r]->(b) RETURN a.id, type(r), b.id ORDER BY b.k, a.id",
      "MATCH (a:V) RETURN DISTINCT a.k AS k ORDER BY k",
      "MATCH (a:V) RETURN DISTINCT a.id % 9 AS m ORDER BY m DESC",
      "MATCH (a:V) RETURN a.k AS k, count(*) AS c ORDER BY c DESC, k",
      "MATCH (a:V) RETURN a.id AS id ORDER BY a.k, id DESC",
      "UNWIND [3, null, 1, 'x', 2, null, [1], 1.5, true] AS x RETURN x ORDER "
      "BY x",
      "UNWIND [3, null, 1, 'x', 2, null, [1], 1.5, true] AS x RETURN x ORDER "
      "BY x DESC",
  };
  for (const std::string& q : queries) {
    auto full = db.Run(q);
    for (auto [s, l] : std::vector<std::pair<int, int>>{{0, 10},
                                                        {0, 0},
                                                        {0, 1},
                                                        {3, 4},
                                                        {0, 100000},
                                                        {5, 0},
                                                        {100000, 5},
                                                        {1, 2}}) {
      std::string text =
          q + (s > 0 ? " SKIP " + std::to_string(s) : std::string()) +
          " LIMIT " + std::to_string(l);
      CAPTURE(text);
      REQUIRE(PlanHas(db.Run("EXPLAIN " + text), "TopK"));
      CHECK(Rows(db.Run(text)) == Slice(full, s, l));
    }
  }
  // Counts as parameters, and a top-k inside WITH feeding a later MATCH.
  CHECK(
      Rows(db.Run("MATCH (a:V) RETURN a.id ORDER BY a.k, a.id SKIP $s LIMIT $l",
                  {{"s", Value::Int(2)}, {"l", Value::Int(5)}})) ==
      Slice(db.Run("MATCH (a:V) RETURN a.id ORDER BY a.k, a.id"), 2, 5));
  CHECK(Sorted(db.Run("MATCH (a:V) WITH a ORDER BY a.id DESC LIMIT 5 "
                      "MATCH (a)-[:E]->(b) RETURN a.id, b.id")) ==
        Sorted(db.Run("MATCH (a:V) WHERE a.id >= 195 MATCH (a)-[:E]->(b) "
                      "RETURN a.id, b.id")));
  // Invalid counts still fail as before.
  CHECK_FALSE(db.Fail("MATCH (a:V) RETURN a.id ORDER BY a.id LIMIT -1").ok());
  CHECK_FALSE(
      db.Fail("MATCH (a:V) RETURN a.id ORDER BY a.id SKIP -1 LIMIT 2").ok());
  CHECK_FALSE(db.Fail("MATCH (a:V) RETURN a.id ORDER BY a.id LIMIT $l",
                      {{"l", Value::String("x")}})
                  .ok());
  // A sort key that fails on a row that the top-k would not keep still fails.
  CHECK_FALSE(
      db.Fail("UNWIND [1, 2, 'x'] AS x RETURN x ORDER BY x - 1 LIMIT 1").ok());

  // Writes below the top-k all happen (LIMIT drains its input).
  auto set = db.Run(
      "MATCH (n:V) SET n.seen = true RETURN n.id ORDER BY n.id DESC LIMIT 3");
  CHECK(Rows(set) == std::vector<std::string>{"199", "198", "197"});
  CHECK(Scalar(db.Run("MATCH (n:V) WHERE n.seen RETURN count(*)")).AsInt() ==
        200);
  CHECK(set.stats.properties_set == 200);
  // Relationships created and deleted earlier in the statement: the top-k
  // sees the transaction's overlay, like the reference read afterwards.
  auto written = db.Run(
      "MATCH (x:Node {id: 1}), (y:Node {id: 2}) CREATE (x)-[:E]->(y), "
      "(x)-[:E]->(x) "
      "WITH count(*) AS ignored MATCH (:Node {id: 3})-[r:E]->() DELETE r "
      "WITH count(*) AS ignored2 "
      "MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d ORDER BY d "
      "DESC, id LIMIT 5");
  auto after = db.Run(
      "MATCH (a:Node)-[:E]->() RETURN a.id AS id, count(*) AS d "
      "ORDER BY d DESC, id");
  CHECK(Rows(written) == Slice(after, 0, 5));
}

TEST_CASE("count(*) per type over every node reads the whole adjacency") {
  TestDb db("rewrite-count-all");
  BuildRandomGraph(db, 150, 700, 23);
  auto plan = db.Run(
      "EXPLAIN MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t");
  INFO(plan.plan);
  CHECK(PlanHas(plan,
            "ExpandCount (_)-[r]->() keys [type(r) AS t] aggregates [count(*)] "
            "over all nodes"));
  CHECK_FALSE(PlanHas(plan, "NodeScan"));
  // Not over all nodes: a label, a key on the start node, a start node
  // bound before.
  CHECK_FALSE(
      PlanHas(db.Run("EXPLAIN MATCH (a:Node)-[r]->() RETURN type(r), count(*)"),
          "over all nodes"));
  CHECK_FALSE(
      PlanHas(db.Run("EXPLAIN MATCH (a)-[r]->() RETURN a.id, type(r), count(*)"),
          "over all nodes"));
  CHECK_FALSE(PlanHas(db.Run("EXPLAIN MATCH (x:Hub) WITH x MATCH (a)-[r]->() "
                         "RETURN type(r), count(*)"),
                  "over all nodes"));

  std::vector<std::string> queries = {
      "MATCH ()-[r]->() {W} RETURN type(r) AS t, count(*) AS c",
      "MATCH ()<-[r]-() {W} RETURN type(r) AS t, count(*) AS c",
      "MATCH ()-[r]-() {W} RETURN type(r) AS t, count(*) AS c",
      "MATCH (a)-[r:E]-() {W} RETURN type(r) AS t, count(*) AS c, count(*) AS "
      "c2",
      "MATCH ()-[r:F|E|F]->() {W} RETURN type(r), count(*)",
      "MATCH ()-[:E|F]-() {W} RETURN count(*)",
      "MATCH ()-[]->() {W} RETURN count(*)",
      "MATCH ()-[r:Nope]->() {W} RETURN type(r), count(*)",
      "MATCH ()-[:Nope]->() {W} RETURN count(*)",
  };
  auto check_all = [&](const std::string& prefix,
                       const std::string& prefix_slow) {
    for (const std::string& q : queries) {
      std::string fast = prefix + q, slow = prefix_slow + q;
      fast.replace(fast.find("{W}"), 3, "");
      slow.replace(slow.find("{W}"), 3, "WHERE true");
      CAPTURE(fast);
      REQUIRE(PlanHas(db.Run("EXPLAIN " + fast), "over all nodes"));
      REQUIRE_FALSE(PlanHas(db.Run("EXPLAIN " + slow), "ExpandCount"));
      CHECK(Sorted(db.Run(fast)) == Sorted(db.Run(slow)));
    }
  };
  check_all("", "");
  // An empty graph: one row of 0 without keys, no rows with them.
  TestDb empty("rewrite-count-all-empty");
  CHECK(Scalar(empty.Run("MATCH ()-[]->() RETURN count(*)")).AsInt() == 0);
  CHECK(empty.Run("MATCH ()-[r]->() RETURN type(r), count(*)").rows.empty());

  // In statements that wrote (nodes deleted, relationships created or
  // deleted first), the counts follow the transaction; the reference reads
  // the committed result afterwards.
  for (std::string write :
       {std::string(
            "MATCH (x:Node {id: 1}) CREATE (x)-[:E]->(x), (x)-[:G]->(:V) "),
        std::string("MATCH (:Node {id: 2})-[r]-() DELETE r "),
        std::string("MATCH (n:Node {id: 4}) DETACH DELETE n "),
        std::string("CREATE (:V {id: 1000}) ")}) {
    for (std::string q :
         {std::string("MATCH ()-[r]-() RETURN type(r) AS t, count(*) AS c"),
          std::string("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")}) {
      CAPTURE(write);
      CAPTURE(q);
      auto fast = db.Run(write + "WITH count(*) AS ignored " + q);
      auto ref = db.Run(q.substr(0, q.find(" RETURN")) + " WHERE true" +
                        q.substr(q.find(" RETURN")));
      CHECK(Sorted(fast) == Sorted(ref));
    }
  }
  // A count over all nodes that runs after writes of the same statement
  // (the first part of a UNION): node by node through the overlay.
  std::string counted = "MATCH ()-[r]-() RETURN type(r) AS t, count(*) AS c";
  REQUIRE(PlanHas(
      db.Run(
          "EXPLAIN CREATE (a:V {id: 2000})-[:G]->(a) RETURN 'x' AS t, 0 AS c "
          "UNION ALL " +
          counted),
      "over all nodes"));
  auto unioned = db.Run(
      "MATCH (n:Node {id: 5}) DETACH DELETE n "
      "CREATE (a:V {id: 2000})-[:G]->(a), (a)-[:E]->(:V) "
      "RETURN 'x' AS t, 0 AS c UNION ALL " +
      counted);
  std::vector<std::string> expected = Rows(
      db.Run("MATCH ()-[r]-() WHERE true RETURN type(r) AS t, count(*) AS c"));
  expected.push_back(Rows(db.Run("RETURN 'x' AS t, 0 AS c"))[0]);
  std::sort(expected.begin(), expected.end());
  CHECK(Sorted(unioned) == expected);
}

TEST_CASE("label checks from the label index agree with records") {
  TestDb db("rewrite-labels");
  BuildRandomGraph(db, 300, 3000, 9);
  // More checks than ExecContext::kLabelChecksFromRecords, so that the
  // label set takes over part way.
  auto fast = db.Run("MATCH (a)-[:E]->(b:Hub) RETURN a.id, b.id");
  auto slow = db.Run("MATCH (a)-[:E]->(b) WHERE 'Hub' IN labels(b) RETURN a.id, b.id");
  CHECK(Sorted(fast) == Sorted(slow));
  CHECK(Scalar(db.Run("MATCH (a)-[:E|F]->(b) WHERE b:Node AND NOT b:Hub RETURN count(*)")) ==
        Scalar(db.Run("MATCH (a)-[:E|F]->(b) WHERE 'Node' IN labels(b) AND "
                      "NOT 'Hub' IN labels(b) RETURN count(*)")));
  // After a write in the same statement, checks read records again.
  auto written = db.Run(
      "MATCH (n:Node) WHERE n.id % 7 = 1 SET n:Hub WITH count(*) AS ignored "
      "MATCH (a)-[:E]->(b:Hub) RETURN a.id, b.id");
  auto reread = db.Run("MATCH (a)-[:E]->(b) WHERE 'Hub' IN labels(b) RETURN a.id, b.id");
  CHECK(Sorted(written) == Sorted(reread));
}

TEST_CASE("node property reads memoised per key agree with records") {
  TestDb db("rewrite-property-memo");
  BuildRandomGraph(db, 300, 3000, 17);
  db.Run("MATCH (n:V) WHERE n.id % 13 = 0 SET n.id = toString(n.id)");
  db.Run("MATCH (n:Hub) REMOVE n.id");
  // More reads than the memo waits for; integers, strings and nulls mixed.
  auto fast = db.Run("MATCH (a:V)-[:E|F]-(b:V) RETURN a.id, b.id");
  auto slow = db.Run("MATCH (a:V)-[:E|F]-(b:V) RETURN properties(a)['id'], properties(b)['id']");
  CHECK(fast.rows.size() > 4096);
  CHECK(Sorted(fast) == Sorted(slow));
  // After a write in the same statement, reads go to the records again.
  auto written = db.Run(
      "MATCH (a:V)-[:E|F]-(b:V) WITH sum(size(toString(a.id))) AS warm "
      "MATCH (n:Node) WHERE n.id = 1 SET n.id = 100001 WITH count(*) AS c "
      "MATCH (a:V)-[:E|F]-(b:V) RETURN a.id, b.id");
  auto after = db.Run("MATCH (a:V)-[:E|F]-(b:V) RETURN properties(a)['id'], properties(b)['id']");
  CHECK(Sorted(written) == Sorted(after));
}

TEST_CASE("layout lookup by name: first slot of a name, small and large") {
  for (int extra : {0, 3, 12}) {
    CAPTURE(extra);
    query::Layout layout;
    CHECK(layout.Add("a") == 0);
    CHECK(layout.Add("b") == 1);
    CHECK(layout.Add("a") == 2);  // A repeated name: Find gives the first.
    for (int i = 0; i < extra; ++i) layout.Add("v" + std::to_string(i));
    CHECK(layout.Find("a") == 0);
    CHECK(layout.Find("b") == 1);
    CHECK(layout.Find("") == -1);
    CHECK(layout.Find("ab") == -1);
    if (extra > 0) CHECK(layout.Find("v" + std::to_string(extra - 1)) == 2 + extra);
  }
}

TEST_CASE("a property column filled in one pass agrees with records") {
  TestDb db("rewrite-property-column");
  // Ids of every kind, absent ones, a gap left by a deleted node, nodes
  // without labels.
  db.Run("UNWIND range(0, 299) AS i CREATE (:V {id: CASE i % 6 "
         "WHEN 0 THEN i WHEN 1 THEN toString(i) WHEN 2 THEN i + 0.5 "
         "WHEN 3 THEN [i, i] WHEN 4 THEN null ELSE i % 2 = 0 END})");
  db.Run("UNWIND range(0, 19) AS i CREATE ({id: -i})");
  db.Run("MATCH (n:V) WHERE n.id = 42 DETACH DELETE n");
  // 40 x 319 reads of one key: far past the point where the column is
  // filled from one pass over the records.
  const std::string q =
      "UNWIND range(1, 40) AS r MATCH (a) RETURN r, id(a), a.id AS v";
  auto fast = db.Run(q);
  auto slow = db.Run(
      "UNWIND range(1, 40) AS r MATCH (a) RETURN r, id(a), "
      "properties(a)['id'] AS v");
  CHECK(fast.rows.size() == 40 * 319);
  CHECK(Sorted(fast) == Sorted(slow));
  // Written in the same statement after the column was filled: the
  // records decide again.
  auto written = db.Run(
      "UNWIND range(1, 40) AS r MATCH (a) WITH count(a.id) AS warm "
      "MATCH (n:V) WHERE n.id = 0 SET n.id = 'zero' WITH count(*) AS c "
      "MATCH (a:V) RETURN id(a), a.id AS v");
  auto after = db.Run("MATCH (a:V) RETURN id(a), properties(a)['id'] AS v");
  CHECK(Sorted(written) == Sorted(after));
  CHECK(db.Run("MATCH (a:V) WHERE a.id = 'zero' RETURN a").rows.size() == 1);
}

TEST_CASE("IN over a constant list is hashed once and agrees element-wise") {
  TestDb db("rewrite-in-set");
  db.Run("UNWIND range(0, 99) AS i CREATE (:V {id: CASE i % 4 "
         "WHEN 0 THEN i WHEN 1 THEN toString(i) WHEN 2 THEN i + 0.0 "
         "ELSE null END})");
  for (std::string list :
       {std::string("[0, 4, '5', 8, '9', 99]"), std::string("[]"),
        std::string("[null, 4, '13']"), std::string("[2, 2.0, '2', true]"),
        std::string("[[1, 2], 5]"), std::string("[6.0, 10, '17']"),
        std::string("$ids"), std::string("[$one, 12, null]")}) {
    CAPTURE(list);
    graph::ValueMap params = {
        {"ids", Value::List({Value::Int(16), Value::String("21"),
                             Value::Null()})},
        {"one", Value::String("1")}};
    auto fast = db.Run(
        "MATCH (a:V) RETURN id(a), a.id IN " + list + " AS hit", params);
    // A list built per row is not constant: compared element by element.
    auto slow = db.Run("MATCH (a:V) RETURN id(a), a.id IN [x IN " + list +
                           " | x] AS hit",
                       params);
    CHECK(fast.rows.size() == 100);
    CHECK(Sorted(fast) == Sorted(slow));
  }
  CHECK(db.Run("RETURN 4 IN [null, 4] AS a, 5 IN [null, 4] AS b, "
               "'x' IN ['x'] AS c, 3 IN ['3'] AS d")
            .rows[0][0]
            .AsBool());
  auto r = db.Run("RETURN 5 IN [null, 4] AS b, 3 IN ['3'] AS d");
  CHECK(r.rows[0][0].is_null());
  CHECK_FALSE(r.rows[0][1].AsBool());
}

}  // namespace
}  // namespace dossier::testing
