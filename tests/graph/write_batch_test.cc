// A write transaction keeps its writes in a plain batch and builds the index
// that merges them into reads only when a read may see them
// (graph/transaction.h); the Store reuses the batch between transactions.
// These tests pin that every read still sees the transaction's own writes,
// and that rolled-back or failed writes never reach a later commit.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "graph/ingest.h"
#include "graph/store.h"
#include "graph/transaction.h"
#include "rocksdb/perf_level.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::Id;
using testing::OpenOrDie;
using testing::RawDump;
using testing::Scan;
using testing::Seek;
using testing::TempDir;
using testing::Write;

PropertyList Named(PropKeyId key, const char* name) {
  PropertyList p;
  SetProperty(&p, key, Value::String(name));
  return p;
}

// The node's `key` property as a string; "" when the node or property is
// missing.
std::string NameOf(const Transaction& t, NodeId id, PropKeyId key) {
  absl::StatusOr<std::optional<NodeRecord>> n = t.GetNode(id);
  REQUIRE(n.ok());
  if (!*n) return "";
  const Value* v = FindProperty((*n)->props, key);
  return v == nullptr ? "" : v->AsString();
}

// The `l` nodes whose property `k` equals the string `value`.
std::vector<NodeId> SeekString(const Transaction& t, LabelId l, PropKeyId k,
                               const char* value) {
  return Seek(t, l, k, PropertyRange::Equal(Value::String(value)));
}

std::optional<NodeId> Alias(const Transaction& t, LabelId l, const char* a) {
  absl::StatusOr<std::optional<NodeId>> found = t.LookupAlias(l, a);
  REQUIRE(found.ok());
  return *found;
}

TEST_CASE(
    "a write transaction reads its own writes, before and after the "
    "first read") {
  TempDir dir("wbread");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  PropKeyId name = Id(*store, CatalogKind::kPropKey, "name");

  auto t = Write(*store);
  absl::StatusOr<NodeId> a = t->CreateNode({&person, 1}, Named(name, "ann"));
  REQUIRE(a.ok());
  REQUIRE(t->PutAlias(person, "ann", *a).ok());
  // A read of keys never written goes to the snapshot.
  CHECK(Alias(*t, person, "bob") == std::nullopt);
  CHECK(NameOf(*t, *a + 1, name).empty());
  // Reads of keys written before any index existed.
  CHECK(Alias(*t, person, "ann") == *a);
  CHECK(NameOf(*t, *a, name) == "ann");
  // Writes after the index exists, read back.
  REQUIRE(t->SetNodeProperty(*a, name, Value::String("anna")).ok());
  CHECK(NameOf(*t, *a, name) == "anna");
  CHECK(SeekString(*t, person, name, "anna") == std::vector<NodeId>{*a});
  CHECK(SeekString(*t, person, name, "ann").empty());
  REQUIRE(t->Commit().ok());

  auto r = store->BeginRead();
  CHECK(NameOf(*r, *a, name) == "anna");
  CHECK(Alias(*r, person, "ann") == *a);
  CHECK(SeekString(*r, person, name, "ann").empty());
}

TEST_CASE("a scan merges writes made before any read") {
  TempDir dir("wbscan");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  TypeId knows = Id(*store, CatalogKind::kType, "KNOWS");

  auto t = Write(*store);
  std::vector<NodeId> ids;
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<NodeId> n = t->CreateNode({&person, 1}, {});
    REQUIRE(n.ok());
    ids.push_back(*n);
  }
  REQUIRE(t->CreateEdgeKnownEndpoints(ids[0], ids[1], knows, {}).ok());
  // The first read of the transaction is a scan of written families.
  CHECK(Scan(*t, person) == ids);
  CHECK(Scan(*t, std::nullopt) == ids);
  int records = 0;
  REQUIRE(t->ScanNodeRecords([&](const NodeRecord&) {
             ++records;
             return true;
           }).ok());
  CHECK(records == 3);
  std::vector<EdgeId> edges;
  REQUIRE(t->ScanEdges([&](const EdgeRef& e) {
             edges.push_back(e.id);
             return true;
           }).ok());
  CHECK(edges.size() == 1);
}

TEST_CASE("a write transaction sees its deletes of committed keys") {
  TempDir dir("wbdelete");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  PropKeyId name = Id(*store, CatalogKind::kPropKey, "name");
  NodeId x;
  {
    auto t = Write(*store);
    absl::StatusOr<NodeId> n = t->CreateNode({&person, 1}, Named(name, "x"));
    REQUIRE(n.ok());
    x = *n;
    REQUIRE(t->Commit().ok());
  }
  auto t = Write(*store);
  absl::StatusOr<NodeId> y = t->CreateNode({&person, 1}, Named(name, "y"));
  REQUIRE(y.ok());
  CHECK(NameOf(*t, x, name) == "x");  // Not written here: the snapshot.
  REQUIRE(t->DeleteNode(x, /*detach=*/true).ok());
  CHECK(NameOf(*t, x, name).empty());
  CHECK(Scan(*t, person) == std::vector<NodeId>{*y});
  CHECK(SeekString(*t, person, name, "x").empty());
  REQUIRE(t->Commit().ok());

  auto r = store->BeginRead();
  CHECK(NameOf(*r, x, name).empty());
  CHECK(NameOf(*r, *y, name) == "y");
}

TEST_CASE("rolled-back writes never reach a later commit") {
  TempDir dir("wbrollback");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  PropKeyId name = Id(*store, CatalogKind::kPropKey, "name");
  {
    // Rolled back without any read (writes only in the plain batch).
    auto t = Write(*store);
    absl::StatusOr<NodeId> n = t->CreateNode({&person, 1}, Named(name, "a"));
    REQUIRE(n.ok());
    REQUIRE(t->PutAlias(person, "a", *n).ok());
  }
  {
    // Rolled back after a read built the index.
    auto t = Write(*store);
    absl::StatusOr<NodeId> n = t->CreateNode({&person, 1}, Named(name, "b"));
    REQUIRE(n.ok());
    CHECK(NameOf(*t, *n, name) == "b");
    REQUIRE(t->PutAlias(person, "b", *n).ok());
  }
  NodeId c;
  {
    auto t = Write(*store);
    absl::StatusOr<NodeId> n = t->CreateNode({&person, 1}, Named(name, "c"));
    REQUIRE(n.ok());
    c = *n;
    REQUIRE(t->Commit().ok());
  }
  auto r = store->BeginRead();
  CHECK(Scan(*r, person) == std::vector<NodeId>{c});
  CHECK(NameOf(*r, c, name) == "c");
  CHECK(Alias(*r, person, "a") == std::nullopt);
  CHECK(Alias(*r, person, "b") == std::nullopt);
  CHECK(SeekString(*r, person, name, "a").empty());
  CHECK(SeekString(*r, person, name, "b").empty());
}

TEST_CASE("an article that fails mid-way leaves nothing in the next commit") {
  FactEntity us;
  us.key = "wd:Q30";
  us.label = "State";
  us.name = "United States";
  FactEntity hw;
  hw.key = "Organisation:huawei";
  hw.label = "Organisation";
  hw.name = "Huawei";
  FactRelation sues;
  sues.type = "SUES";
  sues.source = "Organisation:huawei";
  sues.target = "wd:Q30";
  sues.evidence = "Huawei sues";

  Facts bad;
  bad.article.id = "bad1";
  bad.entities = {us, hw};
  bad.relations = {sues};
  FactRelation unknown = sues;
  unknown.target = "wd:Q999";
  bad.relations.push_back(unknown);  // Fails after the first relation.
  Facts good;
  good.article.id = "good";
  good.entities = {us, hw};  // The same catalog requests as `bad`.
  good.relations = {sues};

  TempDir a("wbfail");
  auto failed_first = OpenOrDie(a.path());
  {
    Ingester ingester(*failed_first);
    CHECK(absl::IsInvalidArgument(ingester.Ingest(bad).status()));
    CHECK(RawDump(*failed_first).empty());
    REQUIRE(ingester.Ingest(good).ok());
  }
  TempDir b("wbclean");
  auto clean = OpenOrDie(b.path());
  REQUIRE(IngestFacts(*clean, good).ok());
  CHECK(RawDump(*failed_first) == RawDump(*clean));
  auto r = failed_first->BeginRead();
  absl::StatusOr<std::optional<NodeId>> gone = r->LookupArticle("bad1");
  REQUIRE(gone.ok());
  CHECK(*gone == std::nullopt);
}

TEST_CASE("a commit keeps the caller's RocksDB perf level") {
  TempDir dir("wbperf");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableTime);
  auto t = Write(*store);
  REQUIRE(t->CreateNode({&person, 1}, {}).ok());
  REQUIRE(t->Commit().ok());
  CHECK(rocksdb::GetPerfLevel() == rocksdb::PerfLevel::kEnableTime);
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
}

TEST_CASE("property index entries written out of order read back in order") {
  // The prop family's memtable inserts go through per-prefix hints; the
  // index must still come back in value order, within and across commits.
  TempDir dir("wbpropord");
  auto store = OpenOrDie(dir.path());
  LabelId person = Id(*store, CatalogKind::kLabel, "Person");
  PropKeyId name = Id(*store, CatalogKind::kPropKey, "name");
  std::vector<std::string> names;
  for (int commit = 0; commit < 5; ++commit) {
    auto t = Write(*store);
    for (int i = 0; i < 40; ++i) {
      // A scrambled walk over two-letter names and numbers.
      int v = (commit * 40 + i) * 37 % 200;
      std::string n = std::string(1, char('a' + v % 7)) +
                      std::string(1, char('a' + v % 5)) + std::to_string(v);
      names.push_back(n);
      REQUIRE(t->CreateNode({&person, 1}, Named(name, n.c_str())).ok());
    }
    REQUIRE(t->Commit().ok());
  }
  std::sort(names.begin(), names.end());
  auto r = store->BeginRead();
  std::vector<std::string> seen;
  REQUIRE(r->SeekProperty(person, name, PropertyRange{}, [&](NodeId id) {
             seen.push_back(NameOf(*r, id, name));
             return true;
           }).ok());
  CHECK(seen == names);
}

}  // namespace
}  // namespace dossier::graph
