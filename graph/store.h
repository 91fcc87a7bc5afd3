// Store: the RocksDB property-graph store.
//
// One Store owns one RocksDB database (column families in graph/key_codec.h).
// Reads and writes go through Transactions: any number of read transactions
// (each on a RocksDB snapshot) run beside at most one write transaction (a
// writer holds the store's writer lock from BeginWrite until Commit or
// destruction). A write transaction is one atomic RocksDB WriteBatch: all of
// it or none of it is durable.
//
// Traversals use a Csr adjacency built from the `out`/`in` families. The
// Store caches the Csr of the latest committed state; a commit that creates
// or deletes relationships invalidates it, and the next traversal rebuilds
// it from its snapshot (rebuild on demand). A write transaction sees its own
// relationship changes through an overlay on that Csr (graph/transaction.h).
//
// Thread safety: Store methods are safe to call concurrently. A Transaction
// is used by one thread at a time.
#ifndef DOSSIER_GRAPH_STORE_H_
#define DOSSIER_GRAPH_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "graph/catalog.h"
#include "graph/csr.h"
#include "graph/snapshot_cache.h"
#include "graph/value.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/status.h"
#include "rocksdb/write_batch.h"


namespace dossier::graph {

class Transaction;

// The on-disk format this build reads and writes.
inline constexpr int kFormatVersion = 1;

// Column families, in the order of Store::cf().
enum class Cf : int {
  kDefault = 0,
  kNodes,
  kEdges,
  kOut,
  kIn,
  kLabel,
  kProp,
  kAlias,
  kDocs,
  kMeta,
  kCount,
};

struct StoreOptions {
  // Open without writing; any number of read-only openers may run beside one
  // writer process (they see the data as of their open). Default false.
  bool read_only = false;
  // Create the database when the directory holds none. Default true.
  bool create_if_missing = true;
  // fsync the WAL at every commit: durable across power loss, slower.
  // Without it a commit survives a process crash (kill -9) but not an OS
  // crash. Default false.
  bool sync = false;
  // The RocksDB environment; tests pass an in-memory or fault-injecting
  // one. Not owned; must outlive the Store. Default: the process's.
  rocksdb::Env* env = nullptr;
  // Block cache size in bytes. Default 64 MiB.
  uint64_t block_cache_bytes = 64ull << 20;
};

class Store {
 public:
  // Opens (or creates) the database in directory `path`.
  // Errors: FailedPrecondition when the directory holds a database of
  // another format version or something that is not a Dossier database;
  // NotFound when it holds none and create_if_missing is false (or
  // read_only); DataLoss on detected corruption; Unavailable when another
  // process holds the write lock; other codes from RocksDB.
  static absl::StatusOr<std::unique_ptr<Store>> Open(
      std::string_view path, const StoreOptions& options = {});

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A read transaction on a snapshot of the latest committed state.
  std::unique_ptr<Transaction> BeginRead();

  // A write transaction; waits until no other write transaction is open.
  // Errors: FailedPrecondition on a read-only store.
  absl::StatusOr<std::unique_ptr<Transaction>> BeginWrite();

  // Catalog lookups (labels, relationship types, property keys).
  const Catalog& catalog() const { return catalog_; }

  // The id of `name`, created (and persisted at once) when new. Orphan
  // catalog entries (created by a transaction that rolled back) are harmless.
  // Errors: FailedPrecondition on a read-only store; RocksDB errors.
  absl::StatusOr<uint32_t> GetOrCreate(CatalogKind kind, std::string_view name);

  // Number of committed write transactions since open (the state version).
  uint64_t version() const;

  bool read_only() const { return options_.read_only; }
  const std::string& path() const { return path_; }

  // Flushes memtables to SST files (tests and `dossier check` use it).
  absl::Status Flush();

  // Low-level access for graph/ internals (transactions, bulk import,
  // checks). REQUIRES: the caller stays inside graph/.
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf which) const {
    return handles_[static_cast<int>(which)];
  }

 private:
  friend class Transaction;
  Store(std::string path, const StoreOptions& options);

  absl::Status LoadMeta();
  // Builds (or returns the cached) Csr for state `version` read at
  // `snapshot`.
  absl::StatusOr<std::shared_ptr<const Csr>> CsrFor(
      uint64_t version, const rocksdb::Snapshot* snapshot);
  // Called by a committing transaction. Writes `batch` atomically and
  // advances the version; drops the cached Csr when adjacency changed.
  absl::Status CommitBatch(rocksdb::WriteBatch* batch, bool adjacency_changed,
                           NodeId next_node, EdgeId next_edge);
  // Writer lock, held by a write transaction for its whole life.
  void ReleaseWriter() ABSL_UNLOCK_FUNCTION(writer_mu_);
  // An empty write batch for the write transaction, reusing the last one's
  // buffer; ReturnBatch gives it back (cleared). REQUIRES: the writer lock.
  std::unique_ptr<rocksdb::WriteBatch> TakeBatch();
  void ReturnBatch(std::unique_ptr<rocksdb::WriteBatch> batch);

  std::string path_;
  StoreOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  Catalog catalog_;
  absl::Mutex catalog_write_mu_;  // Serialises GetOrCreate.

  absl::Mutex writer_mu_;
  // The batch kept between write transactions (guarded by writer_mu_, which
  // a writer holds across calls, so not annotated).
  std::unique_ptr<rocksdb::WriteBatch> spare_batch_;

  mutable absl::Mutex state_mu_;
  uint64_t version_ ABSL_GUARDED_BY(state_mu_) = 0;
  NodeId next_node_ ABSL_GUARDED_BY(state_mu_) = 0;
  EdgeId next_edge_ ABSL_GUARDED_BY(state_mu_) = 0;
  std::shared_ptr<const Csr> csr_ ABSL_GUARDED_BY(state_mu_);
  uint64_t csr_version_ ABSL_GUARDED_BY(state_mu_) = 0;
  absl::Mutex csr_build_mu_;  // One Csr build at a time.
  // Label members and property columns of the latest committed version.
  SnapshotCache shared_{0};
};

// Converts a RocksDB status into the closest absl::Status (DataLoss for
// corruption, Unavailable for a busy lock, ...), prefixed with `context`.
absl::Status FromRocks(const rocksdb::Status& status, std::string_view context);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_STORE_H_
