// `dossier check` (graph/check.h): a clean database checks clean; a deleted
// index entry, a dangling adjacency key, an alias at a missing node and a
// record with an unknown catalog id are each reported.
#include <string>

#include "doctest/doctest.h"
#include "graph/check.h"
#include "graph/key_codec.h"
#include "graph/records.h"
#include "tests/graph/test_util.h"
#include "tests/hardening/store_fixture.h"

namespace dossier::testing {
namespace {

using graph::Cf;

struct CheckDb {
  explicit CheckDb(const std::string& name) : dir(name) {
    auto s = graph::Store::Open(dir.path());
    REQUIRE(s.ok());
    store = std::move(*s);
    REQUIRE(WriteBatches(*store, 0, 50).ok());
    REQUIRE(store->Flush().ok());
    REQUIRE(WriteBatches(*store, 50, 60).ok());
  }
  graph::CheckReport Check() {
    auto r = graph::CheckStore(*store);
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    for (const std::string& p : r->problems) MESSAGE(p);
    return *r;
  }
  bool Reports(const graph::CheckReport& r, const std::string& text) {
    for (const std::string& p : r.problems) {
      if (p.find(text) != std::string::npos) return true;
    }
    return false;
  }
  void Put(Cf cf, const std::string& k, const std::string& v) {
    REQUIRE(store->db()->Put({}, store->cf(cf), k, v).ok());
  }
  void Delete(Cf cf, const std::string& k) {
    REQUIRE(store->db()->Delete({}, store->cf(cf), k).ok());
  }
  uint32_t Label() {
    return *store->catalog().Find(graph::CatalogKind::kLabel, "Batch");
  }
  uint32_t Type() {
    return *store->catalog().Find(graph::CatalogKind::kType, "NEXT");
  }
  TempDir dir;
  std::unique_ptr<graph::Store> store;
};

TEST_CASE("a clean database checks clean") {
  CheckDb db("check-clean");
  graph::CheckReport r = db.Check();
  CHECK(r.ok());
  CHECK(r.nodes == 60);
  CHECK(r.edges == 59);
  CHECK(r.label_entries == 60);
  CHECK(r.adjacency_entries == 118);
  CHECK(r.alias_entries == 60);
  CHECK(r.docs_entries == 60);
}

TEST_CASE("a deleted label index entry is reported") {
  CheckDb db("check-label");
  db.Delete(Cf::kLabel, graph::LabelKey(db.Label(), 7));
  graph::CheckReport r = db.Check();
  CHECK(!r.ok());
  CHECK(db.Reports(r, "label entry (label 0, node 7) is missing"));
}

TEST_CASE("a deleted property index entry is reported") {
  CheckDb db("check-prop");
  auto key = db.store->catalog().Find(graph::CatalogKind::kPropKey, "batch");
  std::string k = graph::PropPrefix(db.Label(), *key);
  REQUIRE(graph::AppendOrderedValue(graph::Value::Int(55), &k));
  graph::AppendU64(55, &k);
  db.Delete(Cf::kProp, k);
  graph::CheckReport r = db.Check();
  CHECK(r.problem_count == 1);
  CHECK(db.Reports(r, "prop entry"));
  CHECK(db.Reports(r, "node 55) is missing"));
}

TEST_CASE("a stale property index entry is reported") {
  CheckDb db("check-prop-stale");
  auto key = db.store->catalog().Find(graph::CatalogKind::kPropKey, "batch");
  std::string k = graph::PropPrefix(db.Label(), *key);
  REQUIRE(graph::AppendOrderedValue(graph::Value::Int(999), &k));
  graph::AppendU64(3, &k);
  db.Put(Cf::kProp, k, "");
  graph::CheckReport r = db.Check();
  CHECK(r.problem_count == 1);
  CHECK(db.Reports(r, "has no matching record"));
}

TEST_CASE("a dangling adjacency key is reported") {
  CheckDb db("check-dangling");
  // An out entry for a relationship that does not exist.
  db.Put(Cf::kOut, graph::AdjKey(3, db.Type(), 40, 5000), "");
  graph::CheckReport r = db.Check();
  CHECK(!r.ok());
  CHECK(db.Reports(r, "out entry (node 3, type 0, node 40, relationship "
                      "5000) has no matching record"));
  // Its CSR view disagrees with the stored relationships as well.
  CHECK(db.Reports(r, "adjacency:"));
}

TEST_CASE("a deleted in entry and a relationship at a missing node are reported") {
  CheckDb db("check-in");
  db.Delete(Cf::kIn, graph::AdjKey(10, db.Type(), 9, 9));
  db.Delete(Cf::kNodes, graph::NodeKey(20));
  graph::CheckReport r = db.Check();
  CHECK(db.Reports(r, "in entry (node 10, type 0, node 9, relationship 9) is missing"));
  CHECK(db.Reports(r, "points at node 20, which does not exist"));
  CHECK(db.Reports(r, "alias 'batch 20' points at node 20"));
  CHECK(db.Reports(r, "article article-20 points at node 20"));
}

TEST_CASE("an id missing from the catalog is reported") {
  CheckDb db("check-catalog");
  graph::NodeRecord node;
  node.id = 3;
  node.labels = {db.Label(), 77};
  std::string bytes = *graph::EncodeNodeRecord(node);
  db.Put(Cf::kNodes, graph::NodeKey(3), bytes);
  graph::CheckReport r = db.Check();
  CHECK(db.Reports(r, "catalog: node 3 has label id 77"));
}

TEST_CASE("a malformed record is reported") {
  CheckDb db("check-record");
  db.Put(Cf::kEdges, graph::EdgeKey(4), "\xff\xff");
  graph::CheckReport r = db.Check();
  CHECK(db.Reports(r, "records: relationship 4"));
}

}  // namespace
}  // namespace dossier::testing
