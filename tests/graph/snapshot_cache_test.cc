// Label members and property columns shared by the transactions of one
// committed state (graph/snapshot_cache.h, Transaction::Shared*).
#include "graph/snapshot_cache.h"

#include <doctest/doctest.h>

#include <map>

#include "graph/store.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::Id;
using testing::OpenOrDie;
using testing::Scan;
using testing::TempDir;
using testing::Write;

absl::Status Ok(int64_t) { return absl::OkStatus(); }

std::shared_ptr<const LabelMembers> Members(Transaction& t,
                                            std::optional<LabelId> label) {
  auto m = t.SharedLabelMembers(label, Ok);
  REQUIRE(m.ok());
  return *m;
}

std::shared_ptr<const PropertyColumn> Column(Transaction& t, PropKeyId key) {
  auto c = t.SharedPropertyColumn(key, Ok);
  REQUIRE(c.ok());
  return *c;
}

// Every node's value of `key` read from its record (null when absent).
std::map<NodeId, Value> FromRecords(Transaction& t, PropKeyId key) {
  std::map<NodeId, Value> out;
  REQUIRE(t.ScanNodeRecords([&](const NodeRecord& r) {
             const Value* v = FindProperty(r.props, key);
             out.emplace(r.id, v == nullptr ? Value::Null() : *v);
             return true;
           }).ok());
  return out;
}

TEST_CASE("label members: bitmap when dense, sorted ids when sparse") {
  LabelMembers dense = LabelMembers::FromSortedIds({1, 5, 64, 65, 200});
  CHECK_FALSE(dense.bits.empty());
  LabelMembers sparse = LabelMembers::FromSortedIds({3, NodeId{1} << 40});
  CHECK(sparse.bits.empty());
  LabelMembers none = LabelMembers::FromSortedIds({});
  for (NodeId id : {NodeId{0}, NodeId{1}, NodeId{3}, NodeId{5}, NodeId{63},
                    NodeId{64}, NodeId{65}, NodeId{200}, NodeId{201},
                    NodeId{1} << 40, (NodeId{1} << 40) + 1}) {
    CAPTURE(id);
    const bool in_dense =
        id == 1 || id == 5 || id == 64 || id == 65 || id == 200;
    CHECK(dense.Contains(id) == in_dense);
    CHECK(sparse.Contains(id) == (id == 3 || id == NodeId{1} << 40));
    CHECK_FALSE(none.Contains(id));
  }
  CHECK(dense.Bytes() > 0);
}

TEST_CASE("shared label members and columns agree with scans and records") {
  TempDir dir("shared-state");
  auto store = OpenOrDie(dir.path());
  LabelId a = Id(*store, CatalogKind::kLabel, "A");
  LabelId b = Id(*store, CatalogKind::kLabel, "B");
  LabelId unused = Id(*store, CatalogKind::kLabel, "Unused");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "k");
  PropKeyId other = Id(*store, CatalogKind::kPropKey, "other");
  std::vector<NodeId> ids;
  {
    auto t = Write(*store);
    for (int i = 0; i < 300; ++i) {
      std::vector<LabelId> labels;
      if (i % 2 == 0) labels.push_back(a);
      if (i % 3 == 0) labels.push_back(b);
      PropertyList props;
      switch (i % 6) {
        case 0:
          props.emplace_back(k, Value::Int(i * 1000 - 7));
          break;
        case 1:
          props.emplace_back(k, Value::String("s" + std::to_string(i)));
          break;
        case 2:
          props.emplace_back(k, Value::Double(i + 0.5));
          break;
        case 3:
          props.emplace_back(k,
                             Value::List({Value::Int(i), Value::Bool(true)}));
          break;
        case 4:
          props.emplace_back(other, Value::Int(i));
          break;  // k absent
        default:
          props.emplace_back(k, Value::Bool(i % 4 == 1));
          break;
      }
      auto id = t->CreateNode(labels, std::move(props));
      REQUIRE(id.ok());
      ids.push_back(*id);
    }
    REQUIRE(t->DeleteNode(ids[42], true).ok());  // A gap.
    REQUIRE(t->Commit().ok());
  }
  auto r1 = store->BeginRead();
  CHECK(r1->PublishedLabelMembers(a) == nullptr);  // Not built yet.
  auto ma = Members(*r1, a);
  REQUIRE(ma != nullptr);
  CHECK(ma->ids == Scan(*r1, a));
  for (NodeId id = 0; id < r1->node_id_bound() + 3; ++id) {
    std::vector<NodeId> scan = Scan(*r1, a);
    CHECK(ma->Contains(id) == std::binary_search(scan.begin(), scan.end(), id));
  }
  CHECK(Members(*r1, b)->ids == Scan(*r1, b));
  CHECK(Members(*r1, unused)->ids.empty());
  // Every node: the nodes family, the deleted one left out.
  auto every = Members(*r1, std::nullopt);
  CHECK(every->ids == Scan(*r1, std::nullopt));
  CHECK(every->ids.size() == 299);
  CHECK_FALSE(every->Contains(ids[42]));
  CHECK(every->Contains(ids[299]));
  // Another transaction of the same state shares the published entry.
  auto r2 = store->BeginRead();
  CHECK(r2->PublishedLabelMembers(a) == ma);
  CHECK(Members(*r2, a) == ma);

  auto col = Column(*r1, k);
  REQUIRE(col != nullptr);
  std::map<NodeId, Value> records = FromRecords(*r1, k);
  CHECK(records.size() == 299);
  for (NodeId id = 0; id < r1->node_id_bound() + 3; ++id) {
    CAPTURE(id);
    auto it = records.find(id);
    const Value expect = it == records.end() ? Value::Null() : it->second;
    CHECK(col->Get(id) == expect);
    CHECK(col->Get(id).kind() == expect.kind());
  }
  CHECK(r2->PublishedPropertyColumn(k) == col);
  CHECK(r2->PublishedPropertyColumn(other) == nullptr);
}

TEST_CASE("a commit drops the shared state; older readers build their own") {
  TempDir dir("shared-state-commit");
  auto store = OpenOrDie(dir.path());
  LabelId a = Id(*store, CatalogKind::kLabel, "A");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "k");
  NodeId first = 0;
  {
    auto t = Write(*store);
    for (int i = 0; i < 10; ++i) {
      auto id = t->CreateNode(std::vector<LabelId>{a}, {{k, Value::Int(i)}});
      REQUIRE(id.ok());
      if (i == 0) first = *id;
    }
    REQUIRE(t->Commit().ok());
  }
  auto old = store->BeginRead();
  auto old_members = Members(*old, a);
  auto old_column = Column(*old, k);
  CHECK(old_members->ids.size() == 10);
  CHECK(old_column->Get(first) == Value::Int(0));

  // A writer with pending writes never sees shared state.
  auto t = Write(*store);
  CHECK_FALSE(t->HasPendingWrites());
  CHECK(t->PublishedLabelMembers(a) == old_members);  // Nothing pending yet.
  REQUIRE(t->SetNodeProperty(first, k, Value::Int(100)).ok());
  REQUIRE(t->RemoveLabel(first + 1, a).ok());
  CHECK(t->HasPendingWrites());
  CHECK(t->PublishedLabelMembers(a) == nullptr);
  CHECK(t->PublishedPropertyColumn(k) == nullptr);
  CHECK(*t->SharedLabelMembers(a, Ok) == nullptr);
  CHECK(*t->SharedPropertyColumn(k, Ok) == nullptr);
  REQUIRE(t->Commit().ok());

  // The new state: nothing published; built entries show the commit.
  auto fresh = store->BeginRead();
  CHECK(fresh->PublishedLabelMembers(a) == nullptr);
  CHECK(fresh->PublishedPropertyColumn(k) == nullptr);
  CHECK(Members(*fresh, a)->ids.size() == 9);
  CHECK_FALSE(Members(*fresh, a)->Contains(first + 1));
  CHECK(Column(*fresh, k)->Get(first) == Value::Int(100));
  CHECK(fresh->PublishedLabelMembers(a) != nullptr);

  // The reader begun before the commit keeps its snapshot: what it builds
  // now is its own state, and is not published for the new one.
  CHECK(old->PublishedLabelMembers(a) == nullptr);
  auto rebuilt = Members(*old, a);
  CHECK(rebuilt->ids.size() == 10);
  CHECK(rebuilt->Contains(first + 1));
  CHECK(Column(*old, k)->Get(first) == Value::Int(0));
  CHECK(fresh->PublishedLabelMembers(a)->ids.size() == 9);
  CHECK(fresh->PublishedPropertyColumn(k)->Get(first) == Value::Int(100));

  // Every node, likewise.
  CHECK(Members(*old, std::nullopt)->ids.size() == 10);
  CHECK(Members(*fresh, std::nullopt)->ids.size() == 10);
  {
    auto t2 = Write(*store);
    REQUIRE(t2->CreateNode(std::vector<LabelId>{}, {}).ok());
    REQUIRE(t2->Commit().ok());
  }
  CHECK(fresh->PublishedLabelMembers(a) == nullptr);
  CHECK(Members(*store->BeginRead(), std::nullopt)->ids.size() == 11);
}

TEST_CASE("a failing check stops a build and publishes nothing") {
  TempDir dir("shared-state-check");
  auto store = OpenOrDie(dir.path());
  LabelId a = Id(*store, CatalogKind::kLabel, "A");
  PropKeyId k = Id(*store, CatalogKind::kPropKey, "k");
  {
    auto t = Write(*store);
    for (int i = 0; i < 5000; ++i) {
      REQUIRE(
          t->CreateNode(std::vector<LabelId>{a}, {{k, Value::Int(i)}}).ok());
    }
    REQUIRE(t->Commit().ok());
  }
  auto r = store->BeginRead();
  int calls = 0;
  auto stop = [&](int64_t) {
    return ++calls == 2 ? absl::DeadlineExceededError("late")
                        : absl::OkStatus();
  };
  CHECK(r->SharedLabelMembers(a, stop).status().code() ==
        absl::StatusCode::kDeadlineExceeded);
  CHECK(calls == 2);
  CHECK(r->PublishedLabelMembers(a) == nullptr);
  calls = 0;
  CHECK(r->SharedPropertyColumn(k, stop).status().code() ==
        absl::StatusCode::kDeadlineExceeded);
  CHECK(r->PublishedPropertyColumn(k) == nullptr);
  // The check sees the bytes held so far: before the column's arrays are
  // allocated (8 bytes and a bit per node), then growing.
  std::vector<int64_t> seen;
  auto over = [&](int64_t bytes) {
    seen.push_back(bytes);
    return bytes > 30000 ? absl::ResourceExhaustedError("full")
                         : absl::OkStatus();
  };
  CHECK(r->SharedPropertyColumn(k, over).status().code() ==
        absl::StatusCode::kResourceExhausted);
  REQUIRE(seen.size() == 1);  // Refused before allocating 40 KB and bits.
  CHECK(seen[0] >= 5000 * 8);
  seen.clear();
  CHECK(r->SharedLabelMembers(a, over).status().code() ==
        absl::StatusCode::kResourceExhausted);
  REQUIRE(seen.size() >= 2);
  CHECK(seen.front() < seen.back());
  CHECK(r->PublishedLabelMembers(a) == nullptr);
  // Without the failure the entries are built and published.
  CHECK(Members(*r, a)->ids.size() == 5000);
  CHECK(r->PublishedLabelMembers(a) != nullptr);
}

TEST_CASE("the snapshot cache keeps entries of its own version only") {
  SnapshotCache cache(3);
  auto m =
      std::make_shared<const LabelMembers>(LabelMembers::FromSortedIds({1, 2}));
  CHECK(cache.PublishLabel(2, 7, m) == m);  // Another version: not kept.
  CHECK(cache.FindLabel(2, 7) == nullptr);
  CHECK(cache.FindLabel(3, 7) == nullptr);
  CHECK(cache.PublishLabel(3, 7, m) == m);
  CHECK(cache.FindLabel(3, 7) == m);
  // A second publisher gets the first entry.
  auto late =
      std::make_shared<const LabelMembers>(LabelMembers::FromSortedIds({1, 2}));
  CHECK(cache.PublishLabel(3, 7, late) == m);
  auto c = std::make_shared<PropertyColumn>(10);
  c->Set(4, Value::Int(-1));
  c->Set(5, Value::String("x"));
  c->Set(6, Value::Null());
  CHECK(c->Get(4) == Value::Int(-1));
  CHECK(c->Get(5) == Value::String("x"));
  CHECK(c->Get(6).kind() == ValueKind::kNull);
  CHECK(c->Get(10).kind() == ValueKind::kNull);
  CHECK(cache.PublishColumn(3, 1, c) == c);
  CHECK(cache.FindColumn(3, 1) == c);
  cache.Reset(4);
  CHECK(cache.FindLabel(3, 7) == nullptr);
  CHECK(cache.FindLabel(4, 7) == nullptr);
  CHECK(cache.FindColumn(4, 1) == nullptr);
  // The holders keep their entries.
  CHECK(m->ids.size() == 2);
  CHECK(c->Get(4) == Value::Int(-1));
}

}  // namespace
}  // namespace dossier::graph
