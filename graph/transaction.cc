#include "graph/transaction.h"

#include <algorithm>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/status_macros.h"
#include "graph/value_codec.h"
#include "rocksdb/comparator.h"

namespace dossier::graph {
namespace {

// A Slice over `s`; never with a null data pointer (RocksDB asserts on it).
rocksdb::Slice ToSlice(std::string_view s) {
  return s.data() == nullptr ? rocksdb::Slice("", 0)
                             : rocksdb::Slice(s.data(), s.size());
}

bool TypeWanted(std::span<const TypeId> types, TypeId t) {
  return types.empty() ||
         std::find(types.begin(), types.end(), t) != types.end();
}

// Exact comparison of two values of one ordered tag (key_codec.h).
int CompareScalar(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::kString) {
    int c = a.AsString().compare(b.AsString());
    return c < 0 ? -1 : c > 0;
  }
  if (a.kind() == ValueKind::kBool) return int(a.AsBool()) - int(b.AsBool());
  long double x = a.kind() == ValueKind::kInt ? (long double)a.AsInt()
                                              : (long double)a.AsDouble();
  long double y = b.kind() == ValueKind::kInt ? (long double)b.AsInt()
                                              : (long double)b.AsDouble();
  return x < y ? -1 : x > y;
}

bool InRange(const Value& v, const PropertyRange& r) {
  if (r.lower && OrderedTag(*r.lower) != OrderedTag(v)) return false;
  if (r.upper && OrderedTag(*r.upper) != OrderedTag(v)) return false;
  if (v.kind() == ValueKind::kDouble && std::isnan(v.AsDouble())) return false;
  if (r.lower) {
    int c = CompareScalar(v, *r.lower);
    if (c < 0 || (c == 0 && !r.lower_inclusive)) return false;
  }
  if (r.upper) {
    int c = CompareScalar(v, *r.upper);
    if (c > 0 || (c == 0 && !r.upper_inclusive)) return false;
  }
  return true;
}

}  // namespace

Transaction::Transaction(Store* store, bool write, uint64_t version,
                         const rocksdb::Snapshot* snapshot, NodeId next_node,
                         EdgeId next_edge)
    : store_(store),
      version_(version),
      snapshot_(snapshot),
      write_(write),
      next_node_(next_node),
      next_edge_(next_edge) {
  if (write) batch_ = store_->TakeBatch();
}

Transaction::~Transaction() {
  store_->db()->ReleaseSnapshot(snapshot_);
  if (write_ && !done_) EndWrite();
}

void Transaction::EndWrite() {
  store_->ReturnBatch(std::move(batch_));
  index_.reset();
  store_->ReleaseWriter();
}

absl::Status Transaction::RequireWrite() const {
  if (!write_) {
    return absl::FailedPreconditionError("a read transaction cannot write");
  }
  if (done_) return absl::FailedPreconditionError("the transaction has ended");
  return absl::OkStatus();
}

bool Transaction::MayHaveWritten(Cf cf, std::string_view key) const {
  return written_keys_.contains(absl::HashOf(
      static_cast<int>(cf), absl::string_view(key.data(), key.size())));
}

bool Transaction::HasWrittenTo(Cf cf) const {
  return (written_cfs_ >> static_cast<int>(cf)) & 1;
}

absl::StatusOr<rocksdb::WriteBatchWithIndex*> Transaction::Indexed() const {
  if (index_ != nullptr) return index_.get();
  // Replays the plain batch into an indexed one, in order (a later write of
  // a key overrides an earlier one, as when written there directly).
  class Replay : public rocksdb::WriteBatch::Handler {
   public:
    Replay(Store& store, rocksdb::WriteBatchWithIndex& to)
        : store_(store), to_(to) {}
    rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
      rocksdb::ColumnFamilyHandle* cf = Family(id);
      if (cf == nullptr) return rocksdb::Status::Corruption("unknown family");
      return to_.Put(cf, key, value);
    }
    rocksdb::Status DeleteCF(uint32_t id, const rocksdb::Slice& key) override {
      rocksdb::ColumnFamilyHandle* cf = Family(id);
      if (cf == nullptr) return rocksdb::Status::Corruption("unknown family");
      return to_.Delete(cf, key);
    }

   private:
    rocksdb::ColumnFamilyHandle* Family(uint32_t id) const {
      for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
        rocksdb::ColumnFamilyHandle* h = store_.cf(static_cast<Cf>(i));
        if (h->GetID() == id) return h;
      }
      return nullptr;
    }
    Store& store_;
    rocksdb::WriteBatchWithIndex& to_;
  };
  auto index = std::make_unique<rocksdb::WriteBatchWithIndex>(
      rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true);
  Replay replay(*store_, *index);
  DOSSIER_RETURN_IF_ERROR(FromRocks(batch_->Iterate(&replay), "index writes"));
  batch_->Clear();
  index_ = std::move(index);
  return index_.get();
}

absl::StatusOr<std::optional<std::string>> Transaction::Get(
    Cf cf, std::string_view key) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  std::string value;
  rocksdb::Status s;
  rocksdb::Slice k = ToSlice(key);
  if (index_ != nullptr || (write_ && MayHaveWritten(cf, key))) {
    DOSSIER_ASSIGN_OR_RETURN(rocksdb::WriteBatchWithIndex * index, Indexed());
    s = index->GetFromBatchAndDB(store_->db(), ro, store_->cf(cf), k, &value);
  } else {
    s = store_->db()->Get(ro, store_->cf(cf), k, &value);
  }
  if (s.IsNotFound()) return std::nullopt;
  DOSSIER_RETURN_IF_ERROR(FromRocks(s, "read"));
  return value;
}

absl::Status Transaction::ScanPrefix(
    Cf cf, std::string_view prefix, std::string_view start,
    absl::FunctionRef<bool(std::string_view, std::string_view)> fn) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  rocksdb::WriteBatchWithIndex* index = nullptr;
  if (index_ != nullptr || (write_ && HasWrittenTo(cf))) {
    DOSSIER_ASSIGN_OR_RETURN(index, Indexed());
  }
  rocksdb::Iterator* base = store_->db()->NewIterator(ro, store_->cf(cf));
  std::unique_ptr<rocksdb::Iterator> it(
      index != nullptr ? index->NewIteratorWithBase(store_->cf(cf), base)
                       : base);
  std::string_view from = start.empty() ? prefix : start;
  for (it->Seek(ToSlice(from)); it->Valid(); it->Next()) {
    std::string_view k(it->key().data(), it->key().size());
    if (!k.starts_with(prefix)) break;
    if (!fn(k, std::string_view(it->value().data(), it->value().size()))) break;
  }
  return FromRocks(it->status(), "scan");
}

absl::Status Transaction::Put(Cf cf, std::string_view key,
                              std::string_view value) {
  if (index_ != nullptr) {
    return FromRocks(index_->Put(store_->cf(cf), ToSlice(key), ToSlice(value)),
                     "write");
  }
  written_keys_.insert(absl::HashOf(static_cast<int>(cf),
                                    absl::string_view(key.data(), key.size())));
  written_cfs_ |= 1u << static_cast<int>(cf);
  return FromRocks(batch_->Put(store_->cf(cf), ToSlice(key), ToSlice(value)),
                   "write");
}

absl::Status Transaction::Delete(Cf cf, std::string_view key) {
  if (index_ != nullptr) {
    return FromRocks(index_->Delete(store_->cf(cf), ToSlice(key)), "delete");
  }
  written_keys_.insert(absl::HashOf(static_cast<int>(cf),
                                    absl::string_view(key.data(), key.size())));
  written_cfs_ |= 1u << static_cast<int>(cf);
  return FromRocks(batch_->Delete(store_->cf(cf), ToSlice(key)), "delete");
}

// ---- Reads -----------------------------------------------------------------

absl::StatusOr<std::optional<NodeRecord>> Transaction::GetNode(
    NodeId id) const {
  DOSSIER_ASSIGN_OR_RETURN(std::optional<std::string> bytes,
                           Get(Cf::kNodes, NodeKey(id)));
  if (!bytes) return std::nullopt;
  DOSSIER_ASSIGN_OR_RETURN(NodeRecord node, DecodeNodeRecord(id, *bytes));
  return node;
}

absl::StatusOr<std::optional<EdgeRecord>> Transaction::GetEdge(
    EdgeId id) const {
  DOSSIER_ASSIGN_OR_RETURN(std::optional<std::string> bytes,
                           Get(Cf::kEdges, EdgeKey(id)));
  if (!bytes) return std::nullopt;
  DOSSIER_ASSIGN_OR_RETURN(EdgeRecord edge, DecodeEdgeRecord(id, *bytes));
  return edge;
}

absl::Status Transaction::ScanNodes(std::optional<LabelId> label,
                                    absl::FunctionRef<bool(NodeId)> fn) const {
  if (label) {
    return ScanPrefix(Cf::kLabel, LabelPrefix(*label), {},
                      [&](std::string_view k, std::string_view) {
                        return fn(ReadU64(k, 4));
                      });
  }
  return ScanPrefix(
      Cf::kNodes, {}, {},
      [&](std::string_view k, std::string_view) { return fn(ReadU64(k, 0)); });
}

absl::Status Transaction::ScanNodeRecords(
    absl::FunctionRef<bool(const NodeRecord&)> fn) const {
  absl::Status inner;
  DOSSIER_RETURN_IF_ERROR(ScanPrefix(
      Cf::kNodes, {}, {}, [&](std::string_view k, std::string_view v) {
        absl::StatusOr<NodeRecord> node = DecodeNodeRecord(ReadU64(k, 0), v);
        if (!node.ok()) {
          inner = node.status();
          return false;
        }
        return fn(*node);
      }));
  return inner;
}

// ---- Shared state
// ------------------------------------------------------------

std::shared_ptr<const LabelMembers> Transaction::PublishedLabelMembers(
    LabelId label) const {
  if (HasPendingWrites()) return nullptr;
  return store_->shared_.FindLabel(version_, label);
}

std::shared_ptr<const PropertyColumn> Transaction::PublishedPropertyColumn(
    PropKeyId key) const {
  if (HasPendingWrites()) return nullptr;
  return store_->shared_.FindColumn(version_, key);
}

absl::StatusOr<std::shared_ptr<const LabelMembers>>
Transaction::SharedLabelMembers(
    std::optional<LabelId> label,
    absl::FunctionRef<absl::Status(int64_t)> check) const {
  if (HasPendingWrites()) return nullptr;
  const LabelId slot = label.value_or(SnapshotCache::kEveryNode);
  if (auto found = store_->shared_.FindLabel(version_, slot)) return found;
  std::vector<NodeId> ids;
  absl::Status stop;
  DOSSIER_RETURN_IF_ERROR(ScanNodes(label, [&](NodeId id) {
    ids.push_back(id);
    if (ids.size() % 1024 == 0) {
      stop = check(static_cast<int64_t>(ids.capacity() * sizeof(NodeId)));
    }
    return stop.ok();
  }));
  DOSSIER_RETURN_IF_ERROR(stop);
  // The label index is in (label, id) order, the nodes family in id order:
  // the ids come sorted.
  auto members = std::make_shared<const LabelMembers>(
      LabelMembers::FromSortedIds(std::move(ids)));
  DOSSIER_RETURN_IF_ERROR(check(members->Bytes()));
  return store_->shared_.PublishLabel(version_, slot, std::move(members));
}

absl::StatusOr<std::shared_ptr<const PropertyColumn>>
Transaction::SharedPropertyColumn(
    PropKeyId key, absl::FunctionRef<absl::Status(int64_t)> check) const {
  if (HasPendingWrites()) return nullptr;
  if (auto found = store_->shared_.FindColumn(version_, key)) return found;
  // The dense arrays first, then each value kept in the map.
  int64_t bytes = static_cast<int64_t>(next_node_ * sizeof(int64_t) +
                                       (next_node_ + 63) / 64 * 8);
  DOSSIER_RETURN_IF_ERROR(check(bytes));
  auto column = std::make_shared<PropertyColumn>(next_node_);
  absl::Status stop;
  int64_t seen = 0;
  DOSSIER_RETURN_IF_ERROR(ScanNodeRecords([&](const NodeRecord& rec) {
    if (rec.id < next_node_) {
      if (const Value* v = FindProperty(rec.props, key)) {
        column->Set(rec.id, *v);
        if (v->kind() != ValueKind::kInt)
          bytes += PropertyColumn::OtherBytes(*v);
      }
    }
    if (++seen % 1024 == 0) stop = check(bytes);
    return stop.ok();
  }));
  DOSSIER_RETURN_IF_ERROR(stop);
  DOSSIER_RETURN_IF_ERROR(check(column->Bytes()));
  return store_->shared_.PublishColumn(version_, key, std::move(column));
}

absl::Status Transaction::ScanEdges(
    absl::FunctionRef<bool(const EdgeRef&)> fn) const {
  absl::Status inner;
  DOSSIER_RETURN_IF_ERROR(ScanPrefix(
      Cf::kEdges, {}, {}, [&](std::string_view k, std::string_view v) {
        if (v.size() < 17) {
          inner = absl::DataLossError("malformed edge record");
          return false;
        }
        std::string_view rest = v.substr(16);
        uint64_t type = 0;
        if (!GetVarint64(&rest, &type)) {
          inner = absl::DataLossError("malformed edge record");
          return false;
        }
        return fn(EdgeRef{ReadU64(k, 0), ReadU64(v, 0), ReadU64(v, 8),
                          static_cast<TypeId>(type)});
      }));
  return inner;
}

absl::Status Transaction::SeekProperty(
    LabelId label, PropKeyId key, const PropertyRange& range,
    absl::FunctionRef<bool(NodeId)> fn) const {
  if (range.lower && range.upper &&
      OrderedTag(*range.lower) != OrderedTag(*range.upper)) {
    return absl::OkStatus();
  }
  for (const std::optional<Value>* b : {&range.lower, &range.upper}) {
    if (*b && !IsIndexable(**b)) return absl::OkStatus();
  }
  std::string prefix = PropPrefix(label, key);
  std::string start = prefix;
  bool bound_truncated = false;
  if (range.lower) {
    bool t = false;
    AppendOrderedValue(*range.lower, &start, &t);
    bound_truncated |= t;
  } else if (range.upper) {
    start.push_back(static_cast<char>(OrderedTag(*range.upper)));
  }
  std::string upper;
  if (range.upper) {
    bool t = false;
    AppendOrderedValue(*range.upper, &upper, &t);
    bound_truncated |= t;
  }
  uint8_t tag = range.lower   ? OrderedTag(*range.lower)
                : range.upper ? OrderedTag(*range.upper)
                              : 0;
  absl::Status inner;
  DOSSIER_RETURN_IF_ERROR(ScanPrefix(
      Cf::kProp, prefix, start, [&](std::string_view k, std::string_view) {
        if (k.size() < prefix.size() + 9) {
          inner = absl::DataLossError("malformed property index key");
          return false;
        }
        std::string_view enc =
            k.substr(prefix.size(), k.size() - prefix.size() - 8);
        NodeId id = ReadU64(k, k.size() - 8);
        if (tag != 0 && static_cast<uint8_t>(enc[0]) != tag) return false;
        if (range.upper && enc.compare(upper) > 0) return false;
        bool truncated =
            enc.size() >= 2 && enc[enc.size() - 2] == 0 && enc.back() == 2;
        bool exact_check = truncated || bound_truncated;
        if (!exact_check) {
          if (range.lower && !range.lower_inclusive) {
            std::string lower;
            AppendOrderedValue(*range.lower, &lower);
            if (enc == lower) return true;
          }
          if (range.upper && !range.upper_inclusive && enc == upper) {
            return true;
          }
          // NaN is indexed but never within a range.
          if (tag == 0 || static_cast<uint8_t>(enc[0]) == 0x20) {
            if (enc.size() >= 9 && enc.substr(1, 8) == std::string(8, '\xff')) {
              return true;
            }
          }
          return fn(id);
        }
        absl::StatusOr<std::optional<NodeRecord>> node = GetNode(id);
        if (!node.ok()) {
          inner = node.status();
          return false;
        }
        if (!*node) return true;
        const Value* v = FindProperty((*node)->props, key);
        if (v == nullptr || !InRange(*v, range)) return true;
        return fn(id);
      }));
  return inner;
}

absl::StatusOr<std::optional<NodeId>> Transaction::LookupAlias(
    LabelId label, std::string_view folded_name) const {
  DOSSIER_ASSIGN_OR_RETURN(std::optional<std::string> v,
                           Get(Cf::kAlias, AliasKey(label, folded_name)));
  if (!v) return std::nullopt;
  if (v->size() != 8) return absl::DataLossError("malformed alias entry");
  return ReadU64(*v);
}

absl::StatusOr<std::optional<NodeId>> Transaction::LookupArticle(
    std::string_view article_id) const {
  DOSSIER_ASSIGN_OR_RETURN(std::optional<std::string> v,
                           Get(Cf::kDocs, article_id));
  if (!v) return std::nullopt;
  if (v->size() != 8) return absl::DataLossError("malformed article entry");
  return ReadU64(*v);
}

absl::StatusOr<std::shared_ptr<const Csr>> Transaction::GetCsr() const {
  if (csr_ == nullptr) {
    DOSSIER_ASSIGN_OR_RETURN(csr_, store_->CsrFor(version_, snapshot_));
  }
  return csr_;
}

absl::Status Transaction::Expand(
    NodeId node, Direction dir, std::span<const TypeId> types,
    absl::FunctionRef<bool(const EdgeRef&)> fn) const {
  DOSSIER_ASSIGN_OR_RETURN(std::shared_ptr<const Csr> csr, GetCsr());
  // A type listed twice (`:A|A`) must not yield its edges twice.
  std::vector<TypeId> unique_types;
  if (types.size() > 1) {
    unique_types.assign(types.begin(), types.end());
    std::sort(unique_types.begin(), unique_types.end());
    unique_types.erase(std::unique(unique_types.begin(), unique_types.end()),
                       unique_types.end());
    types = unique_types;
  }
  const bool filter_deleted = !deleted_edges_.empty();
  Csr::Vertex v = csr->VertexOf(node);
  if (v != Csr::kNoVertex) {
    auto visit_out = [&](uint64_t b, uint64_t e) {
      for (uint64_t o = b; o < e; ++o) {
        EdgeId id = csr->EdgeOf(o);
        if (filter_deleted && deleted_edges_.contains(id)) continue;
        if (!fn(EdgeRef{id, node, csr->NodeOf(csr->Target(o)), csr->Type(o)})) {
          return false;
        }
      }
      return true;
    };
    auto visit_in = [&](uint64_t b, uint64_t e) {
      for (uint64_t s = b; s < e; ++s) {
        Csr::Vertex src = csr->InSource(s);
        if (dir == Direction::kBoth && src == v) continue;  // Self-loop seen.
        EdgeId id = csr->EdgeOf(csr->InOrdinal(s));
        if (filter_deleted && deleted_edges_.contains(id)) continue;
        if (!fn(EdgeRef{id, csr->NodeOf(src), node, csr->InType(s)})) {
          return false;
        }
      }
      return true;
    };
    if (dir != Direction::kIn && !csr->ForOutRanges(v, types, visit_out)) {
      return absl::OkStatus();
    }
    if (dir != Direction::kOut && !csr->ForInRanges(v, types, visit_in)) {
      return absl::OkStatus();
    }
  }
  bool stopped = false;
  return ExpandOverlay(node, dir, types, fn, &stopped);
}

absl::Status Transaction::ExpandOverlay(
    NodeId node, Direction dir, std::span<const TypeId> types,
    absl::FunctionRef<bool(const EdgeRef&)> fn, bool* stopped) const {
  if (added_out_.empty()) return absl::OkStatus();
  if (dir != Direction::kIn) {
    if (auto it = added_out_.find(node); it != added_out_.end()) {
      for (const EdgeRef& e : it->second) {
        if (!TypeWanted(types, e.type) || deleted_edges_.contains(e.id))
          continue;
        if (!fn(e)) {
          *stopped = true;
          return absl::OkStatus();
        }
      }
    }
  }
  if (dir != Direction::kOut) {
    if (auto it = added_in_.find(node); it != added_in_.end()) {
      for (const EdgeRef& e : it->second) {
        if (!TypeWanted(types, e.type) || deleted_edges_.contains(e.id))
          continue;
        if (dir == Direction::kBoth && e.src == e.dst) continue;
        if (!fn(e)) {
          *stopped = true;
          return absl::OkStatus();
        }
      }
    }
  }
  return absl::OkStatus();
}

// ---- Writes ----------------------------------------------------------------

absl::Status Transaction::WriteNode(const NodeRecord& node) {
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeNodeRecord(node));
  return Put(Cf::kNodes, NodeKey(node.id), bytes);
}

absl::Status Transaction::IndexProperty(LabelId label, PropKeyId key,
                                        const Value& value, NodeId id,
                                        bool add) {
  std::string k = PropPrefix(label, key);
  if (!AppendOrderedValue(value, &k)) return absl::OkStatus();
  AppendU64(id, &k);
  return add ? Put(Cf::kProp, k, {}) : Delete(Cf::kProp, k);
}

absl::Status Transaction::IndexNode(const NodeRecord& node, bool add) {
  for (LabelId label : node.labels) {
    std::string lk = LabelKey(label, node.id);
    DOSSIER_RETURN_IF_ERROR(add ? Put(Cf::kLabel, lk, {})
                                : Delete(Cf::kLabel, lk));
    for (const auto& [key, value] : node.props) {
      DOSSIER_RETURN_IF_ERROR(IndexProperty(label, key, value, node.id, add));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<NodeId> Transaction::CreateNode(std::span<const LabelId> labels,
                                               PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  NodeRecord node;
  node.id = next_node_;
  node.labels.assign(labels.begin(), labels.end());
  std::sort(node.labels.begin(), node.labels.end());
  node.labels.erase(std::unique(node.labels.begin(), node.labels.end()),
                    node.labels.end());
  for (auto& [key, value] : props) {
    if (!value.IsStorable()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a ", std::string(KindName(value.kind())),
                       " cannot be stored as a property"));
    }
    SetProperty(&node.props, key, std::move(value));
  }
  DOSSIER_RETURN_IF_ERROR(WriteNode(node));
  DOSSIER_RETURN_IF_ERROR(IndexNode(node, true));
  ++next_node_;
  return node.id;
}

absl::Status Transaction::SetNodeProperty(NodeId id, PropKeyId key,
                                          const Value& value) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  if (!value.IsStorable()) {
    return absl::InvalidArgumentError(
        absl::StrCat("a ", std::string(KindName(value.kind())),
                     " cannot be stored as a property"));
  }
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " is gone"));
  if (const Value* old = FindProperty(node->props, key)) {
    for (LabelId l : node->labels) {
      DOSSIER_RETURN_IF_ERROR(IndexProperty(l, key, *old, id, false));
    }
  }
  SetProperty(&node->props, key, value);
  if (!value.is_null()) {
    for (LabelId l : node->labels) {
      DOSSIER_RETURN_IF_ERROR(IndexProperty(l, key, value, id, true));
    }
  }
  return WriteNode(*node);
}

absl::Status Transaction::ReplaceNodeProperties(NodeId id, PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " is gone"));
  for (const auto& [key, value] : props) {
    if (!value.IsStorable()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a ", std::string(KindName(value.kind())),
                       " cannot be stored as a property"));
    }
  }
  DOSSIER_RETURN_IF_ERROR(IndexNode(*node, false));
  node->props.clear();
  for (auto& [key, value] : props)
    SetProperty(&node->props, key, std::move(value));
  DOSSIER_RETURN_IF_ERROR(IndexNode(*node, true));
  return WriteNode(*node);
}

absl::Status Transaction::RewriteNode(const NodeRecord& current,
                                      PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  NodeRecord node;
  node.id = current.id;
  node.labels = current.labels;
  for (auto& [key, value] : props) {
    if (!value.IsStorable()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a ", std::string(KindName(value.kind())),
                       " cannot be stored as a property"));
    }
    SetProperty(&node.props, key, std::move(value));
  }
  for (const auto& [key, old] : current.props) {
    const Value* now = FindProperty(node.props, key);
    if (now != nullptr && *now == old) continue;
    for (LabelId l : node.labels) {
      DOSSIER_RETURN_IF_ERROR(IndexProperty(l, key, old, node.id, false));
    }
  }
  for (const auto& [key, value] : node.props) {
    const Value* before = FindProperty(current.props, key);
    if (before != nullptr && *before == value) continue;
    for (LabelId l : node.labels) {
      DOSSIER_RETURN_IF_ERROR(IndexProperty(l, key, value, node.id, true));
    }
  }
  return WriteNode(node);
}

absl::Status Transaction::AddLabel(NodeId id, LabelId label) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " is gone"));
  if (node->HasLabel(label)) return absl::OkStatus();
  node->labels.insert(
      std::lower_bound(node->labels.begin(), node->labels.end(), label), label);
  DOSSIER_RETURN_IF_ERROR(Put(Cf::kLabel, LabelKey(label, id), {}));
  for (const auto& [key, value] : node->props) {
    DOSSIER_RETURN_IF_ERROR(IndexProperty(label, key, value, id, true));
  }
  return WriteNode(*node);
}

absl::Status Transaction::RemoveLabel(NodeId id, LabelId label) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " is gone"));
  if (!node->HasLabel(label)) return absl::OkStatus();
  node->labels.erase(
      std::lower_bound(node->labels.begin(), node->labels.end(), label));
  DOSSIER_RETURN_IF_ERROR(Delete(Cf::kLabel, LabelKey(label, id)));
  for (const auto& [key, value] : node->props) {
    DOSSIER_RETURN_IF_ERROR(IndexProperty(label, key, value, id, false));
  }
  return WriteNode(*node);
}

absl::Status Transaction::DeleteNode(NodeId id, bool detach) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return absl::OkStatus();
  std::vector<EdgeId> edges;
  for (Cf cf : {Cf::kOut, Cf::kIn}) {
    DOSSIER_RETURN_IF_ERROR(ScanPrefix(
        cf, AdjPrefix(id), {}, [&](std::string_view k, std::string_view) {
          edges.push_back(DecodeAdjKey(k).id);
          return detach;  // Without detach, one edge is enough to refuse.
        }));
    if (!detach && !edges.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "Cannot delete node ", id,
          ", because it still has relationships. To delete this node, you "
          "must first delete its relationships."));
    }
  }
  for (EdgeId e : edges) DOSSIER_RETURN_IF_ERROR(DeleteEdge(e));
  DOSSIER_RETURN_IF_ERROR(IndexNode(*node, false));
  return Delete(Cf::kNodes, NodeKey(id));
}

absl::StatusOr<EdgeId> Transaction::CreateEdge(NodeId src, NodeId dst,
                                               TypeId type,
                                               PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  for (NodeId n : {src, dst}) {
    DOSSIER_ASSIGN_OR_RETURN(std::optional<std::string> v,
                             Get(Cf::kNodes, NodeKey(n)));
    if (!v) {
      return absl::NotFoundError(absl::StrCat(
          "cannot create a relationship: node ", n, " does not exist"));
    }
  }
  return CreateEdgeKnownEndpoints(src, dst, type, std::move(props));
}

absl::StatusOr<EdgeId> Transaction::CreateEdgeKnownEndpoints(
    NodeId src, NodeId dst, TypeId type, PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  EdgeRecord edge;
  edge.id = next_edge_;
  edge.src = src;
  edge.dst = dst;
  edge.type = type;
  for (auto& [key, value] : props) {
    if (!value.IsStorable()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a ", std::string(KindName(value.kind())),
                       " cannot be stored as a property"));
    }
    SetProperty(&edge.props, key, std::move(value));
  }
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeEdgeRecord(edge));
  DOSSIER_RETURN_IF_ERROR(Put(Cf::kEdges, EdgeKey(edge.id), bytes));
  DOSSIER_RETURN_IF_ERROR(Put(Cf::kOut, AdjKey(src, type, dst, edge.id), {}));
  DOSSIER_RETURN_IF_ERROR(Put(Cf::kIn, AdjKey(dst, type, src, edge.id), {}));
  added_out_[src].push_back(edge.Ref());
  added_in_[dst].push_back(edge.Ref());
  ++next_edge_;
  return edge.id;
}

absl::Status Transaction::SetEdgeProperty(EdgeId id, PropKeyId key,
                                          const Value& value) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  if (!value.IsStorable()) {
    return absl::InvalidArgumentError(
        absl::StrCat("a ", std::string(KindName(value.kind())),
                     " cannot be stored as a property"));
  }
  DOSSIER_ASSIGN_OR_RETURN(std::optional<EdgeRecord> edge, GetEdge(id));
  if (!edge) {
    return absl::NotFoundError(absl::StrCat("relationship ", id, " is gone"));
  }
  SetProperty(&edge->props, key, value);
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeEdgeRecord(*edge));
  return Put(Cf::kEdges, EdgeKey(id), bytes);
}

absl::Status Transaction::ReplaceEdgeProperties(EdgeId id, PropertyList props) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<EdgeRecord> edge, GetEdge(id));
  if (!edge) {
    return absl::NotFoundError(absl::StrCat("relationship ", id, " is gone"));
  }
  edge->props.clear();
  for (auto& [key, value] : props) {
    if (!value.IsStorable()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a ", std::string(KindName(value.kind())),
                       " cannot be stored as a property"));
    }
    SetProperty(&edge->props, key, std::move(value));
  }
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeEdgeRecord(*edge));
  return Put(Cf::kEdges, EdgeKey(id), bytes);
}

absl::Status Transaction::DeleteEdge(EdgeId id) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  DOSSIER_ASSIGN_OR_RETURN(std::optional<EdgeRecord> edge, GetEdge(id));
  if (!edge) return absl::OkStatus();
  DOSSIER_RETURN_IF_ERROR(Delete(Cf::kEdges, EdgeKey(id)));
  DOSSIER_RETURN_IF_ERROR(
      Delete(Cf::kOut, AdjKey(edge->src, edge->type, edge->dst, id)));
  DOSSIER_RETURN_IF_ERROR(
      Delete(Cf::kIn, AdjKey(edge->dst, edge->type, edge->src, id)));
  deleted_edges_.insert(id);
  return absl::OkStatus();
}

absl::Status Transaction::PutAlias(LabelId label, std::string_view folded_name,
                                   NodeId node) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  std::string v;
  AppendU64(node, &v);
  return Put(Cf::kAlias, AliasKey(label, folded_name), v);
}

absl::Status Transaction::PutArticle(std::string_view article_id, NodeId node) {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  std::string v;
  AppendU64(node, &v);
  return Put(Cf::kDocs, article_id, v);
}

absl::Status Transaction::Commit() {
  DOSSIER_RETURN_IF_ERROR(RequireWrite());
  absl::Status s = store_->CommitBatch(
      index_ != nullptr ? index_->GetWriteBatch() : batch_.get(),
      HasAdjacencyChanges(), next_node_, next_edge_);
  done_ = true;
  EndWrite();
  return s;
}

}  // namespace dossier::graph
