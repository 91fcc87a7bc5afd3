// ExecContext: the per-query state every physical operator shares.
//
// Holds the transaction, parameters, side-effect counters, the budget
// checks (deadline, cancel flag, memory estimate), a cache of decoded
// records and the set of entities the query deleted. One per query run;
// not thread-safe.
#ifndef DOSSIER_QUERY_EXEC_CONTEXT_H_
#define DOSSIER_QUERY_EXEC_CONTEXT_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/records.h"
#include "graph/store.h"
#include "graph/transaction.h"
#include "graph/value.h"
#include "query/engine.h"
#include "query/exec/clock.h"

namespace dossier::query {

// Iterations between two budget checks inside a loop.
inline constexpr uint32_t kCheckEvery = 1024;

class ExecContext {
 public:
  ExecContext(graph::Store* store, graph::Transaction* txn,
              const graph::ValueMap* params, const QueryOptions& options,
              std::string_view text);

  graph::Store& store() const { return *store_; }
  graph::Transaction& txn() const { return *txn_; }
  const graph::ValueMap& params() const { return *params_; }
  std::string_view text() const { return text_; }
  QueryStats& stats() { return stats_; }

  // ---- Budget ---------------------------------------------------------------

  // Counts one unit of work; every kCheckEvery units runs CheckBudget().
  absl::Status Tick() {
    if (++ticks_ % kCheckEvery != 0) return absl::OkStatus();
    return CheckBudget();
  }
  // Deadline, cancel flag and memory. Errors: DeadlineExceeded, Cancelled,
  // ResourceExhausted.
  absl::Status CheckBudget() const;
  // CheckBudget() as if `extra` more bytes were charged (for structures
  // being built before they are charged).
  absl::Status CheckBudgetWith(int64_t extra) const;
  // Accounts for `bytes` more (or, negative, fewer) held by the run.
  // Errors: ResourceExhausted when past max_memory_bytes.
  absl::Status Charge(int64_t bytes);

  // ---- Catalog ------------------------------------------------------------

  std::optional<graph::LabelId> FindLabel(std::string_view name) const;
  std::optional<graph::TypeId> FindType(std::string_view name) const;
  std::optional<graph::PropKeyId> FindKey(std::string_view name) const;
  absl::StatusOr<uint32_t> GetOrCreate(graph::CatalogKind kind,
                                       std::string_view name);
  std::string Name(graph::CatalogKind kind, uint32_t id) const;

  // ---- Records ------------------------------------------------------------

  // The node's current record (cached). Errors: EntityNotFound
  // DeletedEntityAccess when this query deleted it; NotFound never (a
  // missing node reads as an empty record).
  absl::StatusOr<const graph::NodeRecord*> Node(graph::NodeId id);
  absl::StatusOr<const graph::EdgeRecord*> Edge(graph::EdgeId id);
  // Drops a cached record after a write to it.
  void Invalidate(graph::NodeId node) { node_cache_.erase(node); }
  void InvalidateEdge(graph::EdgeId edge) { edge_cache_.erase(edge); }
  // Bumped by every write; scans cache their id lists per generation.
  uint64_t write_generation() const { return write_generation_; }
  void NoteWrite() { ++write_generation_; }

  // Property `key` of node `id` (null when absent). Errors: those of
  // Node(). While the query has not written (node ids below 2^24): a
  // column the store shares for the committed state (graph/snapshot_cache.h)
  // answers at once; otherwise, after the query's first 4,096 reads,
  // integer values are memoised in a dense per-key column indexed by node
  // id (charged to the memory budget), so that a predicate read on every
  // row of a large traversal skips the record lookup. Once a key was read
  // from max(4,096, ids / 16) records one by one, its whole column (every
  // value kind) is filled from one sequential pass over the node records
  // instead, and published for later queries of the same state when the
  // transaction has no pending writes.
  absl::StatusOr<graph::Value> NodeProperty(graph::NodeId id,
                                            graph::PropKeyId key);

  // True when node `id` has `label`. While the query has not written, the
  // store's shared members of the label (graph/snapshot_cache.h) answer
  // when the committed state has them; otherwise the first
  // kLabelChecksFromRecords checks of a query read node records (cached),
  // and after that a membership set is built once from the label index
  // (one scan, charged to the memory budget; shared with later queries of
  // the same state when the transaction has no pending writes) and answers
  // every further check. Errors: those of Node() and ScanNodes().
  absl::StatusOr<bool> HasLabel(graph::NodeId id, graph::LabelId label);
  static constexpr int64_t kLabelChecksFromRecords = 2048;

  // Node ids of `label` (all when nullopt), cached until the next write;
  // they are the store's shared members when the query may see them (built
  // and published by this call when absent). The list stays valid while
  // the caller holds it, across later writes of the query.
  absl::StatusOr<std::shared_ptr<const std::vector<graph::NodeId>>> ScanNodes(
      std::optional<graph::LabelId> label);

  // Deleted entities: reading one is an error; their last state is kept
  // for the result's entity data.
  bool IsDeletedNode(graph::NodeId id) const {
    return deleted_nodes_.contains(id);
  }
  bool IsDeletedEdge(graph::EdgeId id) const {
    return deleted_edges_.contains(id);
  }
  void MarkDeletedNode(graph::NodeRecord last);
  void MarkDeletedEdge(graph::EdgeRecord last);
  const graph::NodeRecord* DeletedNodeRecord(graph::NodeId id) const;
  const graph::EdgeRecord* DeletedEdgeRecord(graph::EdgeId id) const;
  // Nodes deleted without DETACH while they still had relationships: checked
  // (and deleted) at the end of the query.
  std::vector<graph::NodeId>& pending_node_deletes() {
    return pending_node_deletes_;
  }

  // ---- Side effects ------------------------------------------------------
  // The TCK counts side effects as a difference between the graph before
  // and after the query. Writers call Touch* before changing an existing
  // entity and NoteCreated* after creating one; FinalizeStats compares.

  absl::Status TouchNode(graph::NodeId id);
  absl::Status TouchEdge(graph::EdgeId id);
  void NoteCreatedNode(graph::NodeId id) {
    touched_nodes_.emplace(id, std::nullopt);
  }
  void NoteCreatedEdge(graph::EdgeId id) {
    touched_edges_.emplace(id, std::nullopt);
  }
  // Fills properties_set/removed and labels_added/removed. `before` reads
  // the state before the query (a read transaction begun with it).
  absl::Status FinalizeStats(const graph::Transaction& before);

  // PROFILE: operators count rows and time.
  bool profile = false;
  // The statement writes: LIMIT still drains its input so that every write
  // happens.
  bool writes = false;

 private:
  graph::Store* store_;
  graph::Transaction* txn_;
  const graph::ValueMap* params_;
  QueryOptions options_;
  std::string_view text_;
  const Clock* clock_;
  absl::Time deadline_;
  QueryStats stats_;
  uint64_t ticks_ = 0;
  int64_t memory_ = 0;
  uint64_t write_generation_ = 0;
  std::optional<uint32_t> FindCatalog(graph::CatalogKind kind,
                                      std::string_view name) const;
  // Catalog ids found so far, per kind (labels, types, keys).
  mutable absl::flat_hash_map<std::string, uint32_t> catalog_cache_[3];
  // FindCatalog's most recent names per kind, by a cheap hash of the name.
  struct RecentName {
    bool known = false;
    std::string name;
    uint32_t id = 0;
  };
  static constexpr size_t kRecentNames = 8;
  mutable RecentName recent_names_[3][kRecentNames];
  absl::flat_hash_map<graph::NodeId, graph::NodeRecord> node_cache_;
  absl::flat_hash_map<graph::EdgeId, graph::EdgeRecord> edge_cache_;
  struct ScanCache {
    uint64_t generation = 0;
    // This query's own list, or the shared members' ids (aliased).
    std::shared_ptr<const std::vector<graph::NodeId>> ids;
  };
  absl::flat_hash_map<int64_t, ScanCache> scan_cache_;
  // Label membership (valid while write_generation_ == 0 and no node was
  // deleted): the store's shared entry of the committed state when the
  // transaction has no pending writes, else built by this query from the
  // label index.
  absl::flat_hash_map<graph::LabelId,
                      std::shared_ptr<const graph::LabelMembers>>
      label_sets_;
  // Bytes a label membership set is charged: its bitmap, else its ids.
  static int64_t MembershipBytes(const graph::LabelMembers& set);
  // Labels whose shared entry was looked up (once per label and query).
  absl::flat_hash_set<graph::LabelId> labels_peeked_;
  // Shared state may be used: nothing written by this query or pending in
  // its transaction.
  bool MaySeeShared() const {
    return write_generation_ == 0 && deleted_nodes_.empty() &&
           !txn_->HasPendingWrites();
  }
  // NodeProperty's memo of one key, indexed by node id. Until `complete`,
  // kNotInt means "read the record"; once the whole column was filled from
  // one pass over the records, kNotInt means absent (null) and every other
  // value is in `others`.
  struct PropertyColumn {
    enum State : uint8_t { kUnknown = 0, kInt = 1, kNotInt = 2, kOther = 3 };
    std::vector<uint8_t> state;
    std::vector<int64_t> ints;
    absl::flat_hash_map<graph::NodeId, graph::Value> others;
    int64_t record_reads = 0;
    bool complete = false;
    // The store's shared column of the committed state, when there is one:
    // it then answers every read.
    std::shared_ptr<const graph::PropertyColumn> shared;
    bool peeked = false;
    bool shared_charged = false;
  };
  // Grows `col` to cover ids below `size` (charged to the budget).
  absl::Status GrowColumn(size_t size, PropertyColumn* col);
  // Fills `col` for every node below `bound` from one pass over the records.
  absl::Status FillColumn(graph::PropKeyId key, graph::NodeId bound,
                          PropertyColumn* col);
  absl::flat_hash_map<graph::PropKeyId, std::unique_ptr<PropertyColumn>>
      columns_;
  // The column NodeProperty used last (the same key row after row).
  PropertyColumn* last_column_ = nullptr;
  graph::PropKeyId last_column_key_ = 0;
  int64_t property_reads_ = 0;
  int64_t label_checks_ = 0;
  absl::flat_hash_map<graph::NodeId, graph::NodeRecord> deleted_nodes_;
  absl::flat_hash_map<graph::EdgeId, graph::EdgeRecord> deleted_edges_;
  std::vector<graph::NodeId> pending_node_deletes_;
  // Original state of entities this query changed (nullopt: created).
  absl::flat_hash_map<graph::NodeId, std::optional<graph::NodeRecord>>
      touched_nodes_;
  absl::flat_hash_map<graph::EdgeId, std::optional<graph::EdgeRecord>>
      touched_edges_;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_CONTEXT_H_
