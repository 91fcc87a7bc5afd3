#include "graph/snapshot_cache.h"

#include <algorithm>
#include <utility>

namespace dossier::graph {

LabelMembers LabelMembers::FromSortedIds(std::vector<NodeId> ids) {
  LabelMembers m;
  m.ids = std::move(ids);
  if (m.ids.empty()) return m;
  const NodeId max_id = m.ids.back();
  // A bitmap of max_id bits against 64 bits per id in the list.
  if (max_id / 64 <= m.ids.size() + 1024) {
    m.bits.assign(max_id / 64 + 1, 0);
    for (NodeId n : m.ids) m.bits[n / 64] |= uint64_t{1} << (n % 64);
  }
  return m;
}

bool LabelMembers::SearchIds(NodeId id) const {
  return std::binary_search(ids.begin(), ids.end(), id);
}

int64_t LabelMembers::Bytes() const {
  return static_cast<int64_t>(ids.capacity() * sizeof(NodeId) +
                              bits.capacity() * sizeof(uint64_t)) +
         64;
}

void PropertyColumn::Set(NodeId id, const Value& v) {
  if (v.kind() == ValueKind::kInt) {
    is_int[id / 64] |= uint64_t{1} << (id % 64);
    ints[id] = v.AsInt();
  } else if (v.kind() != ValueKind::kNull) {
    others.insert_or_assign(id, v);
  }
}

int64_t PropertyColumn::OtherBytes(const Value& v) {
  int64_t bytes = static_cast<int64_t>(sizeof(NodeId) + sizeof(Value)) + 16;
  if (v.kind() == ValueKind::kString) {
    bytes += static_cast<int64_t>(v.AsString().size());
  } else if (v.kind() == ValueKind::kList) {
    bytes += static_cast<int64_t>(v.AsList().size() * sizeof(Value));
  }
  return bytes;
}

int64_t PropertyColumn::Bytes() const {
  int64_t bytes = static_cast<int64_t>(is_int.capacity() * sizeof(uint64_t) +
                                       ints.capacity() * sizeof(int64_t)) +
                  64;
  for (const auto& [id, v] : others) bytes += OtherBytes(v);
  return bytes;
}

SnapshotCache::Dropped SnapshotCache::Reset(uint64_t version) {
  Dropped dropped;
  absl::MutexLock lock(&mu_);
  version_ = version;
  bytes_ = 0;
  dropped.labels.swap(labels_);
  dropped.columns.swap(columns_);
  return dropped;
}

template <typename Entries>
typename Entries::mapped_type SnapshotCache::FindEntry(
    const Entries& entries, uint64_t version,
    typename Entries::key_type key) const {
  if (version != version_) return nullptr;
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : it->second;
}

template <typename Entries>
typename Entries::mapped_type SnapshotCache::PublishEntry(
    Entries& entries, uint64_t version, typename Entries::key_type key,
    typename Entries::mapped_type entry, int64_t bytes) {
  if (version != version_) return entry;
  auto it = entries.find(key);
  if (it != entries.end()) return it->second;
  if (bytes_ + bytes > kMaxBytes) return entry;
  bytes_ += bytes;
  entries.emplace(key, entry);
  return entry;
}

std::shared_ptr<const LabelMembers> SnapshotCache::FindLabel(
    uint64_t version, LabelId label) const {
  absl::MutexLock lock(&mu_);
  return FindEntry(labels_, version, label);
}

std::shared_ptr<const PropertyColumn> SnapshotCache::FindColumn(
    uint64_t version, PropKeyId key) const {
  absl::MutexLock lock(&mu_);
  return FindEntry(columns_, version, key);
}

std::shared_ptr<const LabelMembers> SnapshotCache::PublishLabel(
    uint64_t version, LabelId label,
    std::shared_ptr<const LabelMembers> members) {
  const int64_t bytes = members->Bytes();
  absl::MutexLock lock(&mu_);
  return PublishEntry(labels_, version, label, std::move(members), bytes);
}

std::shared_ptr<const PropertyColumn> SnapshotCache::PublishColumn(
    uint64_t version, PropKeyId key,
    std::shared_ptr<const PropertyColumn> column) {
  const int64_t bytes = column->Bytes();
  absl::MutexLock lock(&mu_);
  return PublishEntry(columns_, version, key, std::move(column), bytes);
}

}  // namespace dossier::graph
