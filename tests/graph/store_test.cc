#include "graph/store.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "graph/text_fold.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::Id;
using testing::OpenOrDie;
using testing::Scan;
using testing::Seek;
using testing::TempDir;
using testing::Write;

std::vector<EdgeId> Neighbours(Transaction& t, NodeId n, Direction d,
                               std::vector<TypeId> types = {}) {
  std::vector<EdgeId> ids;
  REQUIRE(t.Expand(n, d, types, [&](const EdgeRef& e) {
             ids.push_back(e.id);
             return true;
           }).ok());
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_CASE("create, read, update and delete nodes and relationships") {
  TempDir dir("crud");
  auto store = OpenOrDie(dir.path());
  LabelId state = Id(*store, CatalogKind::kLabel, "State");
  LabelId org = Id(*store, CatalogKind::kLabel, "Organisation");
  TypeId accuses = Id(*store, CatalogKind::kType, "ACCUSES");
  PropKeyId name = Id(*store, CatalogKind::kPropKey, "name");
  PropKeyId kind = Id(*store, CatalogKind::kPropKey, "kind");

  auto t = Write(*store);
  auto us = t->CreateNode(std::vector<LabelId>{state},
                          {{name, Value::String("United States")}});
  auto hw =
      t->CreateNode(std::vector<LabelId>{org, org},
                    {{name, Value::String("Huawei")}, {kind, Value::Null()}});
  REQUIRE(us.ok());
  REQUIRE(hw.ok());
  auto e =
      t->CreateEdge(*us, *hw, accuses, {{kind, Value::String("espionage")}});
  REQUIRE(e.ok());
  // The writer sees its own writes, in records, scans and expansion.
  auto rec = t->GetNode(*hw);
  REQUIRE(rec.ok());
  REQUIRE(rec->has_value());
  CHECK((*rec)->labels == std::vector<LabelId>{org});
  CHECK((*rec)->props.size() == 1);
  CHECK(Scan(*t, org) == std::vector<NodeId>{*hw});
  CHECK(Neighbours(*t, *us, Direction::kOut) == std::vector<EdgeId>{*e});
  CHECK(Neighbours(*t, *hw, Direction::kIn) == std::vector<EdgeId>{*e});
  CHECK(Neighbours(*t, *hw, Direction::kOut).empty());
  REQUIRE(t->Commit().ok());

  auto r = store->BeginRead();
  auto edge = r->GetEdge(*e);
  REQUIRE(edge.ok());
  REQUIRE(edge->has_value());
  CHECK((*edge)->src == *us);
  CHECK((*edge)->dst == *hw);
  CHECK(FindProperty((*edge)->props, kind)->AsString() == "espionage");
  CHECK(Neighbours(*r, *us, Direction::kBoth) == std::vector<EdgeId>{*e});
  CHECK(Neighbours(*r, *us, Direction::kOut, {accuses + 1}).empty());

  // Update: property, label.
  t = Write(*store);
  REQUIRE(
      t->SetNodeProperty(*hw, name, Value::String("Huawei Technologies")).ok());
  REQUIRE(t->AddLabel(*hw, state).ok());
  REQUIRE(t->SetEdgeProperty(*e, kind, Value::String("fraud")).ok());
  REQUIRE(t->Commit().ok());
  r = store->BeginRead();
  CHECK(Scan(*r, state) == std::vector<NodeId>{*us, *hw});
  CHECK(Seek(*r, org, name, PropertyRange::Equal(Value::String("Huawei")))
            .empty());
  CHECK(Seek(*r, state, name,
             PropertyRange::Equal(Value::String("Huawei Technologies"))) ==
        std::vector<NodeId>{*hw});

  // Delete without detach is refused while relationships remain.
  t = Write(*store);
  absl::Status refused = t->DeleteNode(*hw, /*detach=*/false);
  CHECK(absl::IsFailedPrecondition(refused));
  REQUIRE(t->DeleteNode(*hw, /*detach=*/true).ok());
  CHECK(Neighbours(*t, *us, Direction::kOut).empty());
  REQUIRE(t->Commit().ok());
  r = store->BeginRead();
  CHECK(Scan(*r, std::nullopt) == std::vector<NodeId>{*us});
  CHECK(Scan(*r, org).empty());
  auto gone = r->GetEdge(*e);
  REQUIRE(gone.ok());
  CHECK_FALSE(gone->has_value());
  CHECK(Neighbours(*r, *us, Direction::kBoth).empty());
  CHECK(Seek(*r, state, name, PropertyRange{}).size() == 1);
}

TEST_CASE("a read transaction keeps its snapshot while a writer commits") {
  TempDir dir("snapshot");
  auto store = OpenOrDie(dir.path());
  LabelId l = Id(*store, CatalogKind::kLabel, "L");
  TypeId ty = Id(*store, CatalogKind::kType, "T");
  auto t = Write(*store);
  auto a = t->CreateNode(std::vector<LabelId>{l}, {});
  REQUIRE(a.ok());
  REQUIRE(t->Commit().ok());
  auto before = store->BeginRead();
  t = Write(*store);
  auto b = t->CreateNode(std::vector<LabelId>{l}, {});
  REQUIRE(t->CreateEdge(*a, *b, ty, {}).ok());
  REQUIRE(t->Commit().ok());
  CHECK(Scan(*before, l).size() == 1);
  CHECK(Neighbours(*before, *a, Direction::kOut).empty());
  auto after = store->BeginRead();
  CHECK(Scan(*after, l).size() == 2);
  CHECK(Neighbours(*after, *a, Direction::kOut).size() == 1);
}

TEST_CASE("node records in one pass: committed, pending and snapshot") {
  TempDir dir("records_pass");
  auto store = OpenOrDie(dir.path());
  LabelId l = Id(*store, CatalogKind::kLabel, "L");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "k");
  auto t = Write(*store);
  std::vector<NodeId> ids;
  for (int i = 0; i < 5; ++i) {
    auto id = t->CreateNode(std::vector<LabelId>{l},
                            PropertyList{{k, Value::Int(i * 10)}});
    REQUIRE(id.ok());
    ids.push_back(*id);
  }
  REQUIRE(t->Commit().ok());
  auto before = store->BeginRead();
  t = Write(*store);
  REQUIRE(t->SetNodeProperty(ids[1], k, Value::String("changed")).ok());
  REQUIRE(t->DeleteNode(ids[3], false).ok());
  auto extra = t->CreateNode(std::vector<LabelId>{}, {});
  REQUIRE(extra.ok());
  auto collect = [](Transaction& tx) {
    std::vector<std::pair<NodeId, std::string>> seen;
    REQUIRE(tx.ScanNodeRecords([&](const NodeRecord& r) {
                seen.emplace_back(r.id, r.props.empty()
                                            ? std::string("-")
                                            : r.props[0].second.DebugString());
                return true;
              }).ok());
    return seen;
  };
  // The writer sees its own pending changes, in id order.
  std::vector<std::pair<NodeId, std::string>> pending = collect(*t);
  REQUIRE(pending.size() == 5);
  CHECK(pending[1].second == "'changed'");
  CHECK(pending[3].first == ids[4]);
  CHECK(pending[4].first == *extra);
  CHECK(pending[4].second == "-");
  CHECK(t->node_id_bound() > *extra);
  // The reader keeps its snapshot.
  std::vector<std::pair<NodeId, std::string>> old = collect(*before);
  REQUIRE(old.size() == 5);
  CHECK(old[1].second == "10");
  CHECK(old[3].first == ids[3]);
  CHECK(before->node_id_bound() > ids[4]);
  // A callback returning false stops the pass.
  int calls = 0;
  REQUIRE(
      t->ScanNodeRecords([&](const NodeRecord&) { return ++calls < 2; }).ok());
  CHECK(calls == 2);
}

TEST_CASE("an uncommitted write transaction leaves nothing behind") {
  TempDir dir("rollback");
  auto store = OpenOrDie(dir.path());
  LabelId l = Id(*store, CatalogKind::kLabel, "L");
  {
    auto t = Write(*store);
    REQUIRE(t->CreateNode(std::vector<LabelId>{l}, {}).ok());
  }
  auto r = store->BeginRead();
  CHECK(Scan(*r, std::nullopt).empty());
  // The writer lock was released: a new writer can start.
  auto t = Write(*store);
  REQUIRE(t->CreateNode(std::vector<LabelId>{l}, {}).ok());
  REQUIRE(t->Commit().ok());
  CHECK_FALSE(t->Commit().ok());  // Ended.
}

TEST_CASE("data, counters and catalog persist across reopen") {
  TempDir dir("reopen");
  NodeId first = 0;
  {
    auto store = OpenOrDie(dir.path());
    LabelId l = Id(*store, CatalogKind::kLabel, "Person");
    PropKeyId k = Id(*store, CatalogKind::kPropKey, "name");
    auto t = Write(*store);
    auto n =
        t->CreateNode(std::vector<LabelId>{l}, {{k, Value::String("Ken Hu")}});
    REQUIRE(n.ok());
    first = *n;
    REQUIRE(t->PutAlias(l, FoldKey("Ken Hu"), *n).ok());
    REQUIRE(t->PutArticle("abc", *n).ok());
    REQUIRE(t->Commit().ok());
  }
  auto store = OpenOrDie(dir.path());
  auto l = store->catalog().Find(CatalogKind::kLabel, "Person");
  REQUIRE(l.has_value());
  CHECK(store->catalog().Name(CatalogKind::kPropKey, 0) == "name");
  auto r = store->BeginRead();
  CHECK(Scan(*r, *l) == std::vector<NodeId>{first});
  auto alias = r->LookupAlias(*l, "ken hu");
  REQUIRE(alias.ok());
  CHECK(*alias == std::optional<NodeId>(first));
  auto art = r->LookupArticle("abc");
  REQUIRE(art.ok());
  CHECK(*art == std::optional<NodeId>(first));
  // New ids never reuse old ones.
  auto t = Write(*store);
  auto n2 = t->CreateNode(std::vector<LabelId>{*l}, {});
  REQUIRE(n2.ok());
  CHECK(*n2 > first);
}

TEST_CASE("property index: equality and range seeks, mixed numbers") {
  TempDir dir("propindex");
  auto store = OpenOrDie(dir.path());
  LabelId l = Id(*store, CatalogKind::kLabel, "N");
  LabelId other = Id(*store, CatalogKind::kLabel, "M");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "v");
  auto t = Write(*store);
  std::vector<Value> values = {
      Value::Int(1),      Value::Double(1.5), Value::Int(2),
      Value::Double(2.0), Value::Int(10),     Value::String("a"),
      Value::String("b"), Value::Bool(true),  Value::List({Value::Int(1)})};
  std::vector<NodeId> ids;
  for (const Value& v : values) {
    auto n = t->CreateNode(std::vector<LabelId>{l}, {{k, v}});
    REQUIRE(n.ok());
    ids.push_back(*n);
  }
  REQUIRE(
      t->CreateNode(std::vector<LabelId>{other}, {{k, Value::Int(2)}}).ok());
  REQUIRE(t->Commit().ok());
  auto r = store->BeginRead();
  // 2 = 2.0
  CHECK(Seek(*r, l, k, PropertyRange::Equal(Value::Int(2))) ==
        std::vector<NodeId>{ids[2], ids[3]});
  PropertyRange gt1;
  gt1.lower = Value::Int(1);
  gt1.lower_inclusive = false;
  CHECK(Seek(*r, l, k, gt1) ==
        std::vector<NodeId>{ids[1], ids[2], ids[3], ids[4]});
  PropertyRange below2;
  below2.upper = Value::Double(2.0);
  below2.upper_inclusive = false;
  CHECK(Seek(*r, l, k, below2) == std::vector<NodeId>{ids[0], ids[1]});
  PropertyRange strings;
  strings.lower = Value::String("");
  CHECK(Seek(*r, l, k, strings) == std::vector<NodeId>{ids[5], ids[6]});
  CHECK(Seek(*r, l, k, PropertyRange::Equal(Value::Bool(true))) ==
        std::vector<NodeId>{ids[7]});
  PropertyRange mixed;
  mixed.lower = Value::Int(1);
  mixed.upper = Value::String("z");
  CHECK(Seek(*r, l, k, mixed).empty());
}

TEST_CASE("property index is exact for strings longer than the key limit") {
  TempDir dir("longstrings");
  auto store = OpenOrDie(dir.path());
  LabelId l = Id(*store, CatalogKind::kLabel, "Article");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "evidence");
  std::string base(300, 'e');
  auto t = Write(*store);
  auto a =
      t->CreateNode(std::vector<LabelId>{l}, {{k, Value::String(base + "a")}});
  auto b =
      t->CreateNode(std::vector<LabelId>{l}, {{k, Value::String(base + "b")}});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(t->Commit().ok());
  auto r = store->BeginRead();
  CHECK(Seek(*r, l, k, PropertyRange::Equal(Value::String(base + "b"))) ==
        std::vector<NodeId>{*b});
  PropertyRange after_a;
  after_a.lower = Value::String(base + "a");
  after_a.lower_inclusive = false;
  CHECK(Seek(*r, l, k, after_a) == std::vector<NodeId>{*b});
}

TEST_CASE("a format version mismatch is a clear error") {
  TempDir dir("format");
  {
    auto store = OpenOrDie(dir.path());
    REQUIRE(store->db()
                ->Put(rocksdb::WriteOptions(), store->cf(Cf::kMeta),
                      "format_version", "999")
                .ok());
  }
  absl::StatusOr<std::unique_ptr<Store>> s = Store::Open(dir.path());
  REQUIRE_FALSE(s.ok());
  CHECK(absl::IsFailedPrecondition(s.status()));
  CHECK(s.status().message().find("format version 999") != std::string::npos);
}

TEST_CASE("opening a missing database read-only is NotFound") {
  TempDir dir("missing");
  StoreOptions ro;
  ro.read_only = true;
  auto s = Store::Open(dir.Sub("nothing"), ro);
  CHECK(absl::IsNotFound(s.status()));
}

TEST_CASE("read-only open beside a writer sees committed data") {
  TempDir dir("readonly");
  auto writer = OpenOrDie(dir.path());
  LabelId l = Id(*writer, CatalogKind::kLabel, "L");
  for (int i = 0; i < 3; ++i) {
    auto t = Write(*writer);
    REQUIRE(t->CreateNode(std::vector<LabelId>{l}, {}).ok());
    REQUIRE(t->Commit().ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenOrDie(dir.path(), ro);
  auto r = reader->BeginRead();
  CHECK(Scan(*r, std::nullopt).size() == 3);
  CHECK(absl::IsFailedPrecondition(reader->BeginWrite().status()));
  // The writer keeps writing while the reader is open.
  auto t = Write(*writer);
  REQUIRE(t->CreateNode(std::vector<LabelId>{l}, {}).ok());
  REQUIRE(t->Commit().ok());
}

TEST_CASE("a RocksDB directory that is not Dossier's is refused") {
  TempDir dir("foreign");
  rocksdb::Options o;
  o.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(o, dir.path(), &raw).ok());
  delete raw;
  auto s = Store::Open(dir.path());
  CHECK(absl::IsFailedPrecondition(s.status()));
}

TEST_CASE("values that are not storable are refused") {
  TempDir dir("notstorable");
  auto store = OpenOrDie(dir.path());
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "p");
  auto t = Write(*store);
  auto n = t->CreateNode({}, {{k, Value::Node(1)}});
  CHECK(absl::IsInvalidArgument(n.status()));
}

}  // namespace
}  // namespace dossier::graph
