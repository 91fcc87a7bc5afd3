// SnapshotCache: data derived from one committed state of the store (the
// members of a label, the values of a property key on every node), built
// once and shared by every transaction that reads that state.
//
// The Store owns one SnapshotCache for its latest committed version; every
// commit resets it to the new version, so an entry never outlives the state
// it was read from. Entries are immutable once published and handed out as
// shared_ptr: a reader keeps its entry valid however long it holds it.
//
// Thread safety: all methods are safe to call concurrently.
#ifndef DOSSIER_GRAPH_SNAPSHOT_CACHE_H_
#define DOSSIER_GRAPH_SNAPSHOT_CACHE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "graph/value.h"

namespace dossier::graph {

// The nodes carrying one label.
struct LabelMembers {
  // Ascending node ids.
  std::vector<NodeId> ids;
  // One bit per node id below bits.size() * 64, when the ids are dense
  // enough for a bitmap (else empty and Contains searches `ids`).
  std::vector<uint64_t> bits;

  // Builds the members from ascending `ids` (bitmap when it is at most
  // about as large as the id list).
  static LabelMembers FromSortedIds(std::vector<NodeId> ids);
  bool Contains(NodeId id) const {
    if (!bits.empty() || ids.empty()) {
      return id / 64 < bits.size() && ((bits[id / 64] >> (id % 64)) & 1) != 0;
    }
    return SearchIds(id);
  }
  // Bytes held (for memory accounting).
  int64_t Bytes() const;

 private:
  bool SearchIds(NodeId id) const;
};

// One property key's value on every node of a state, indexed by node id.
// Integers sit in a dense array beside a bitmap of which nodes hold one, so
// that a read touches one cache line of the array (the bitmap, an eighth of
// a byte per node, stays cached); other values are in a map.
struct PropertyColumn {
  // Sizes the column for node ids below `bound`, every value absent.
  explicit PropertyColumn(NodeId bound)
      : is_int((bound + 63) / 64, 0), ints(bound, 0) {}

  // Bit id: node `id` holds the integer ints[id].
  std::vector<uint64_t> is_int;
  std::vector<int64_t> ints;
  // Every other value (strings, floats, lists, ...), by node id.
  absl::flat_hash_map<NodeId, Value> others;

  // Records the value of node `id` (REQUIRES: id below the bound).
  void Set(NodeId id, const Value& v);
  // The value of node `id` (null when absent or beyond the bound).
  Value Get(NodeId id) const {
    if (id < ints.size() && ((is_int[id / 64] >> (id % 64)) & 1) != 0) {
      return Value::Int(ints[id]);
    }
    if (others.empty()) return Value::Null();
    auto it = others.find(id);
    return it == others.end() ? Value::Null() : it->second;
  }
  // Bytes held (for memory accounting).
  int64_t Bytes() const;
  // Bytes one non-integer value adds to `others` (an estimate).
  static int64_t OtherBytes(const Value& v);
};

class SnapshotCache {
 public:
  // Entries larger than this together are not kept (they are still
  // returned to the transaction that built them).
  static constexpr int64_t kMaxBytes = int64_t{1} << 30;

  // The label slot of the entry holding every node.
  static constexpr LabelId kEveryNode = 0xffffffffu;

  explicit SnapshotCache(uint64_t version) : version_(version) {}

  // The entries a Reset dropped: destroying them frees their memory, which
  // the caller may do after releasing its own locks.
  struct Dropped {
    absl::flat_hash_map<LabelId, std::shared_ptr<const LabelMembers>> labels;
    absl::flat_hash_map<PropKeyId, std::shared_ptr<const PropertyColumn>>
        columns;
  };

  // Drops every entry (handed back); later entries belong to `version`.
  Dropped Reset(uint64_t version);

  // The entry of state `version`, or nullptr when none was published (or
  // the cache now holds another state).
  std::shared_ptr<const LabelMembers> FindLabel(uint64_t version,
                                                LabelId label) const;
  std::shared_ptr<const PropertyColumn> FindColumn(uint64_t version,
                                                   PropKeyId key) const;

  // Publishes an entry built from state `version`; returns the entry every
  // reader of that state shares (an earlier one when another thread
  // published first). Not kept when `version` is not the cache's state or
  // the cache is full.
  std::shared_ptr<const LabelMembers> PublishLabel(
      uint64_t version, LabelId label,
      std::shared_ptr<const LabelMembers> members);
  std::shared_ptr<const PropertyColumn> PublishColumn(
      uint64_t version, PropKeyId key,
      std::shared_ptr<const PropertyColumn> column);

 private:
  // The bodies of FindLabel / FindColumn and PublishLabel / PublishColumn,
  // over `entries` (labels_ or columns_), called with mu_ held. `bytes` is
  // entry->Bytes(), computed before mu_ was taken.
  template <typename Entries>
  typename Entries::mapped_type FindEntry(const Entries& entries,
                                          uint64_t version,
                                          typename Entries::key_type key) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  template <typename Entries>
  typename Entries::mapped_type PublishEntry(
      Entries& entries, uint64_t version, typename Entries::key_type key,
      typename Entries::mapped_type entry, int64_t bytes)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  uint64_t version_ ABSL_GUARDED_BY(mu_);
  int64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<LabelId, std::shared_ptr<const LabelMembers>> labels_
      ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<PropKeyId, std::shared_ptr<const PropertyColumn>> columns_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_SNAPSHOT_CACHE_H_
