// Writing queries end to end: CREATE, MERGE, SET, REMOVE, DELETE, stats.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using graph::Value;
using V = std::vector<std::string>;

TEST_CASE("CREATE then MATCH, with stats") {
  TestDb db("engine-create");
  auto r = db.Run("CREATE (a:A:B {x: 1, y: null})-[:T {w: 2}]->(b:C) RETURN a.x, labels(a)");
  CHECK(Rows(r) == V{"1 | ['A', 'B']"});
  CHECK(r.stats.nodes_created == 2);
  CHECK(r.stats.relationships_created == 1);
  CHECK(r.stats.properties_set == 2);
  CHECK(r.stats.labels_added == 3);
  CHECK(Rows(db.Run("MATCH (a:A)-[t:T]->(b) RETURN t.w, labels(b)")) == V{"2 | ['C']"});
  // Clauses after a write see its effects; the entity data is reported.
  auto r2 = db.Run("MATCH (a:A) CREATE (a)-[:T]->(n:New {k: 'v'}) WITH a "
                   "MATCH (a)-[:T]->(m) RETURN count(m) AS c");
  CHECK(Scalar(r2) == Value::Int(2));
  auto r3 = db.Run("MATCH (n:New) RETURN n");
  REQUIRE(r3.rows.size() == 1);
  const auto& data = r3.nodes.at(r3.rows[0][0].AsNode());
  CHECK(data.labels == std::vector<std::string>{"New"});
  CHECK(data.properties.at("k") == Value::String("v"));
}

TEST_CASE("MERGE is idempotent and runs ON CREATE / ON MATCH") {
  TestDb db("engine-merge");
  auto first = db.Run("MERGE (n:P {name: 'x'}) ON CREATE SET n.created = true "
                      "ON MATCH SET n.matched = true RETURN n.created, n.matched");
  CHECK(Rows(first) == V{"true | null"});
  CHECK(first.stats.nodes_created == 1);
  auto second = db.Run("MERGE (n:P {name: 'x'}) ON CREATE SET n.created = true "
                       "ON MATCH SET n.matched = true RETURN n.created, n.matched");
  CHECK(Rows(second) == V{"true | true"});
  CHECK(second.stats.nodes_created == 0);
  CHECK(Scalar(db.Run("MATCH (n:P) RETURN count(n)")) == Value::Int(1));
  db.Run("MATCH (a:P {name: 'x'}) MERGE (a)-[:R]->(b:Q {name: 'y'})");
  auto again = db.Run("MATCH (a:P {name: 'x'}) MERGE (a)-[:R]->(b:Q {name: 'y'}) RETURN b.name");
  CHECK(again.stats.relationships_created == 0);
  CHECK(Scalar(db.Run("MATCH ()-[r:R]->() RETURN count(r)")) == Value::Int(1));
  CHECK(Rows(db.Run("UNWIND [1, 1, 2] AS i MERGE (k:K {i: i}) RETURN count(*)")) == V{"3"});
  CHECK(Scalar(db.Run("MATCH (k:K) RETURN count(k)")) == Value::Int(2));
}

TEST_CASE("SET, REMOVE, DELETE and DETACH DELETE count their effects") {
  TestDb db("engine-update");
  db.Run("CREATE (:A {name: 'a', n: 1})-[:T]->(:B {name: 'b'})");
  auto set = db.Run("MATCH (a:A) SET a.name = 'z', a.extra = 5, a:L RETURN a.name");
  CHECK(Rows(set) == V{"'z'"});
  CHECK(set.stats.properties_set == 2);
  CHECK(set.stats.properties_removed == 1);
  CHECK(set.stats.labels_added == 1);
  auto merge = db.Run("MATCH (a:A) SET a += {n: null, m: 2} RETURN a.n, a.m");
  CHECK(Rows(merge) == V{"null | 2"});
  auto replace = db.Run("MATCH (a:A) SET a = {only: 1} RETURN keys(a)");
  CHECK(Rows(replace) == V{"['only']"});
  auto rm = db.Run("MATCH (a:A) REMOVE a.only, a:L RETURN a.only, labels(a)");
  CHECK(Rows(rm) == V{"null | ['A']"});
  CHECK(rm.stats.properties_removed == 1);
  CHECK(rm.stats.labels_removed == 1);

  // A node with relationships cannot be deleted without DETACH...
  auto err = db.Fail("MATCH (a:A) DELETE a");
  CHECK(err.code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(err.message()).find("DeleteConnectedNode") != std::string::npos);
  CHECK(Scalar(db.Run("MATCH (n) RETURN count(n)")) == Value::Int(2));
  // ... unless its relationships go in the same query.
  auto del = db.Run("MATCH (a:A)-[r]->() DELETE r, a");
  CHECK(del.stats.nodes_deleted == 1);
  CHECK(del.stats.relationships_deleted == 1);
  db.Run("MATCH (b:B) CREATE (b)-[:T]->(:C)");
  auto detach = db.Run("MATCH (b:B) DETACH DELETE b");
  CHECK(detach.stats.nodes_deleted == 1);
  CHECK(detach.stats.relationships_deleted == 1);
  CHECK(Scalar(db.Run("MATCH (n) RETURN count(n)")) == Value::Int(1));
  // Reading a deleted entity is an error.
  auto gone = db.Fail("MATCH (n) DELETE n RETURN n.name");
  CHECK(std::string(gone.message()).find("DeletedEntityAccess") != std::string::npos);
}

TEST_CASE("read_only rejects writes; a failed query leaves nothing") {
  TestDb db("engine-rollback");
  query::QueryOptions ro;
  ro.read_only = true;
  CHECK(!db.Fail("CREATE (n)", {}, ro).ok());
  CHECK(!db.Fail("CREATE (n:X) WITH n RETURN 1 / 0").ok());
  CHECK(Scalar(db.Run("MATCH (n) RETURN count(n)")) == Value::Int(0));
}

}  // namespace
}  // namespace dossier::testing
