// Transaction: reads and writes of the graph, on one snapshot.
//
// A read transaction (Store::BeginRead) sees the committed state at its
// start. A write transaction (Store::BeginWrite) additionally sees its own
// uncommitted writes — record reads, scans, index seeks and expansions all
// merge the pending batch with the snapshot — and makes them durable
// atomically with Commit(). Destroying an uncommitted write transaction
// rolls it back.
//
// Scans call a callback per item in key order; a callback returning false
// stops the scan early (the call still returns OK).
//
// Writes go to a plain RocksDB WriteBatch; the sorted index that merges them
// into reads is built from it only when a read may see them (a point read of
// a key this transaction wrote, or a scan of a family it wrote to). Writers
// that read only keys they have not written (graph/ingest.h) never pay for
// the index. Either way a read sees exactly the same state.
//
// Thread safety: one thread at a time.
#ifndef DOSSIER_GRAPH_TRANSACTION_H_
#define DOSSIER_GRAPH_TRANSACTION_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/csr.h"
#include "graph/direction.h"
#include "graph/records.h"
#include "graph/snapshot_cache.h"
#include "graph/store.h"
#include "graph/value.h"
#include "rocksdb/utilities/write_batch_with_index.h"

namespace dossier::graph {

// Bounds of a property-index seek. Both bounds absent scans every indexed
// value of the key. Bounds of different ordered types (graph/key_codec.h)
// select nothing.
struct PropertyRange {
  std::optional<Value> lower;
  bool lower_inclusive = true;
  std::optional<Value> upper;
  bool upper_inclusive = true;

  // The range holding exactly `v`.
  static PropertyRange Equal(Value v) {
    PropertyRange r;
    r.lower = v;
    r.upper = std::move(v);
    return r;
  }
};

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool is_write() const { return write_; }
  Store& store() const { return *store_; }
  // The store's version (Store::version()) when this transaction began. A
  // write transaction that commits makes the store's version this plus one.
  uint64_t version() const { return version_; }

  // ---- Reads -------------------------------------------------------------

  // The node's record, or nullopt when no such node exists.
  absl::StatusOr<std::optional<NodeRecord>> GetNode(NodeId id) const;
  // The relationship's record, or nullopt when it does not exist.
  absl::StatusOr<std::optional<EdgeRecord>> GetEdge(EdgeId id) const;

  // Every node (with `label` when given), in id order.
  absl::Status ScanNodes(std::optional<LabelId> label,
                         absl::FunctionRef<bool(NodeId)> fn) const;
  // Every relationship, in id order.
  absl::Status ScanEdges(absl::FunctionRef<bool(const EdgeRef&)> fn) const;
  // Every node's record, in id order, read in one pass (one iterator, not a
  // point read per node). Errors: DataLoss for a malformed record.
  absl::Status ScanNodeRecords(
      absl::FunctionRef<bool(const NodeRecord&)> fn) const;
  // Every node id this transaction can see is below this bound.
  NodeId node_id_bound() const { return next_node_; }

  // Nodes with `label` whose property `key` lies in `range`, in value order
  // (ties in id order). Exact, also for long strings.
  absl::Status SeekProperty(LabelId label, PropKeyId key,
                            const PropertyRange& range,
                            absl::FunctionRef<bool(NodeId)> fn) const;

  // Entity resolution: the node registered for (label, folded name).
  absl::StatusOr<std::optional<NodeId>> LookupAlias(
      LabelId label, std::string_view folded_name) const;
  // The Article node of a content id, if loaded.
  absl::StatusOr<std::optional<NodeId>> LookupArticle(
      std::string_view article_id) const;

  // Relationships of `node` in `dir` whose type is in `types` (all types
  // when empty). kBoth yields outgoing then incoming, a self-loop once.
  // Served by the Csr (no RocksDB seek per edge) plus this transaction's
  // own relationship changes.
  absl::Status Expand(NodeId node, Direction dir, std::span<const TypeId> types,
                      absl::FunctionRef<bool(const EdgeRef&)> fn) const;

  // The committed adjacency at this transaction's snapshot (without this
  // transaction's own writes; see HasAdjacencyChanges()).
  absl::StatusOr<std::shared_ptr<const Csr>> GetCsr() const;
  // True when this transaction created or deleted relationships.
  bool HasAdjacencyChanges() const {
    return !added_out_.empty() || !deleted_edges_.empty();
  }

  // ---- Shared state of the committed version (graph/snapshot_cache.h) -------

  // True when this (write) transaction holds writes not yet committed.
  bool HasPendingWrites() const {
    return written_cfs_ != 0 || index_ != nullptr;
  }

  // The members of `label` (every node when nullopt) in this transaction's
  // committed state, shared by every transaction of that state: the
  // published entry, else built from one scan of the label index (of the
  // nodes) and published. `check(bytes)` runs before the build allocates
  // and every 1,024 items, with the bytes the entry holds so far; its error
  // stops the build (nothing is published) and is returned. nullptr when
  // this transaction has pending writes (no shared entry holds them).
  absl::StatusOr<std::shared_ptr<const LabelMembers>> SharedLabelMembers(
      std::optional<LabelId> label,
      absl::FunctionRef<absl::Status(int64_t)> check) const;
  // The published entry only, never built (nullptr when none or when this
  // transaction has pending writes).
  std::shared_ptr<const LabelMembers> PublishedLabelMembers(
      LabelId label) const;
  // Property `key` of every node below node_id_bound(), shared likewise;
  // built from one pass over the node records (`check` as above).
  absl::StatusOr<std::shared_ptr<const PropertyColumn>> SharedPropertyColumn(
      PropKeyId key, absl::FunctionRef<absl::Status(int64_t)> check) const;
  std::shared_ptr<const PropertyColumn> PublishedPropertyColumn(
      PropKeyId key) const;

  // ---- Writes (REQUIRES: is_write()) ---------------------------------------

  // Creates a node. `labels` need not be sorted; null properties are
  // dropped. Errors: InvalidArgument for a property that is not storable.
  absl::StatusOr<NodeId> CreateNode(std::span<const LabelId> labels,
                                    PropertyList props);
  // Sets (null: removes) one property. NotFound when the node is gone.
  absl::Status SetNodeProperty(NodeId id, PropKeyId key, const Value& value);
  // Replaces all properties. NotFound when the node is gone.
  absl::Status ReplaceNodeProperties(NodeId id, PropertyList props);
  // Replaces all properties of node `current.id` without reading it: only
  // the index entries of properties whose value changes are rewritten.
  // REQUIRES: `current` is the node's record in this transaction's state
  // (for callers that keep records in memory, like graph/ingest.h).
  // Errors: InvalidArgument for a property that is not storable.
  absl::Status RewriteNode(const NodeRecord& current, PropertyList props);
  absl::Status AddLabel(NodeId id, LabelId label);
  absl::Status RemoveLabel(NodeId id, LabelId label);
  // Deletes a node. Without `detach`, FailedPrecondition when it still has
  // relationships; with it, its relationships go too. Deleting a node that
  // does not exist is a no-op.
  absl::Status DeleteNode(NodeId id, bool detach);

  // Creates a relationship. NotFound when an endpoint does not exist.
  absl::StatusOr<EdgeId> CreateEdge(NodeId src, NodeId dst, TypeId type,
                                    PropertyList props);
  // CreateEdge without reading the endpoints. REQUIRES: both exist in this
  // transaction's state (the caller created or resolved them in it);
  // otherwise the graph would hold a dangling relationship.
  absl::StatusOr<EdgeId> CreateEdgeKnownEndpoints(NodeId src, NodeId dst,
                                                  TypeId type,
                                                  PropertyList props);
  absl::Status SetEdgeProperty(EdgeId id, PropKeyId key, const Value& value);
  absl::Status ReplaceEdgeProperties(EdgeId id, PropertyList props);
  // Deletes a relationship; a no-op when it does not exist.
  absl::Status DeleteEdge(EdgeId id);

  // Registers `node` as the entity for (label, folded name).
  absl::Status PutAlias(LabelId label, std::string_view folded_name,
                        NodeId node);
  // Registers the Article node of a content id.
  absl::Status PutArticle(std::string_view article_id, NodeId node);

  // Makes every write durable atomically; the transaction then ends (any
  // further call is an error). Errors from RocksDB leave nothing written.
  absl::Status Commit();

 private:
  friend class Store;
  Transaction(Store* store, bool write, uint64_t version,
              const rocksdb::Snapshot* snapshot, NodeId next_node,
              EdgeId next_edge);

  absl::Status RequireWrite() const;
  // Point read through the pending batch (write) or the snapshot (read).
  absl::StatusOr<std::optional<std::string>> Get(Cf cf,
                                                 std::string_view key) const;
  // Iterates keys with `prefix` (merged with the pending batch); fn gets the
  // key and value and returns false to stop.
  absl::Status ScanPrefix(
      Cf cf, std::string_view prefix, std::string_view start,
      absl::FunctionRef<bool(std::string_view, std::string_view)> fn) const;
  absl::Status Put(Cf cf, std::string_view key, std::string_view value);
  absl::Status Delete(Cf cf, std::string_view key);
  // Whether a read of (cf, key) or a scan of `cf` must merge pending writes.
  bool MayHaveWritten(Cf cf, std::string_view key) const;
  bool HasWrittenTo(Cf cf) const;
  // The pending writes with their index, built on first use from `batch_`
  // (which is then empty; later writes go to the index's own batch).
  absl::StatusOr<rocksdb::WriteBatchWithIndex*> Indexed() const;
  // Returns the write batch to the Store and releases the writer lock.
  void EndWrite();
  absl::Status WriteNode(const NodeRecord& node);
  absl::Status IndexNode(const NodeRecord& node, bool add);
  absl::Status IndexProperty(LabelId label, PropKeyId key, const Value& value,
                             NodeId id, bool add);
  absl::Status ExpandOverlay(NodeId node, Direction dir,
                             std::span<const TypeId> types,
                             absl::FunctionRef<bool(const EdgeRef&)> fn,
                             bool* stopped) const;

  Store* store_;
  uint64_t version_;
  const rocksdb::Snapshot* snapshot_;
  const bool write_;
  // Pending writes before an index is needed (from Store::TakeBatch).
  std::unique_ptr<rocksdb::WriteBatch> batch_;
  // Pending writes with their index, once a read needed them; then the only
  // holder of pending writes.
  mutable std::unique_ptr<rocksdb::WriteBatchWithIndex> index_;
  // Hashes of the (family, key) pairs written while `index_` is null, and
  // the families written (bit i: Cf i).
  absl::flat_hash_set<uint64_t> written_keys_;
  uint32_t written_cfs_ = 0;
  bool done_ = false;
  NodeId next_node_;
  EdgeId next_edge_;
  mutable std::shared_ptr<const Csr> csr_;
  // This transaction's relationship changes, for Expand.
  absl::flat_hash_map<NodeId, std::vector<EdgeRef>> added_out_;
  absl::flat_hash_map<NodeId, std::vector<EdgeRef>> added_in_;
  absl::flat_hash_set<EdgeId> deleted_edges_;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_TRANSACTION_H_
