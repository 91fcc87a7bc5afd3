#include "graph/store.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/status_macros.h"
#include "graph/transaction.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/perf_level.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/sst_file_reader.h"
#include "rocksdb/table.h"

namespace dossier::graph {
namespace {

constexpr const char* kCfNames[] = {"default", "nodes", "edges", "out",
                                    "in",      "label", "prop",  "alias",
                                    "docs",    "meta"};
static_assert(sizeof(kCfNames) / sizeof(kCfNames[0]) ==
              static_cast<int>(Cf::kCount));

constexpr std::string_view kFormatKey = "format_version";
constexpr std::string_view kNextNodeKey = "next_node";
constexpr std::string_view kNextEdgeKey = "next_edge";

// Catalog entries: "c" + kind byte + u32 id -> name.
std::string CatalogKey(CatalogKind kind, uint32_t id) {
  std::string k = "c";
  k.push_back(static_cast<char>(kind));
  AppendU32(id, &k);
  return k;
}

std::string U64Value(uint64_t v) {
  std::string s;
  AppendU64(v, &s);
  return s;
}

// Forwards RocksDB's info log and keeps the last line reporting a damaged
// WAL ("<dir>/000012.log: dropping 64 bytes; Corruption: checksum mismatch"):
// RocksDB's status for a damaged WAL does not name the file, its log does.
class DamageLogger : public rocksdb::LoggerWrapper {
 public:
  explicit DamageLogger(std::shared_ptr<rocksdb::Logger> target)
      : rocksdb::LoggerWrapper(target.get()), target_(std::move(target)) {}

  using rocksdb::LoggerWrapper::Logv;
  void Logv(const rocksdb::InfoLogLevel level, const char* format,
            va_list ap) override {
    va_list copy;
    va_copy(copy, ap);
    char line[512];
    std::vsnprintf(line, sizeof line, format, copy);
    va_end(copy);
    if (std::strstr(line, ": dropping ") != nullptr) {
      absl::MutexLock lock(&mu_);
      last_damage_ = line;
    }
    rocksdb::LoggerWrapper::Logv(level, format, ap);
  }
  std::string last_damage() const {
    absl::MutexLock lock(&mu_);
    return last_damage_;
  }

 private:
  std::shared_ptr<rocksdb::Logger> target_;
  mutable absl::Mutex mu_;
  std::string last_damage_;
};

// Discards RocksDB's info log (read-only opens write no LOG file).
class NullLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const rocksdb::InfoLogLevel, const char*, va_list) override {}
};

// When RocksDB refuses an open for a damaged table file, its status may name
// only the MANIFEST that listed it ("properties unsorted in file
// MANIFEST-000005"). Reads every table file of `dir` and returns
// "000035.sst: <what is wrong>" for the first that fails its checksums, or
// "" when none does. Runs only on the failure path: it reads every file.
std::string FindDamagedTable(const std::string& dir,
                             const rocksdb::Options& options) {
  std::vector<std::string> children;
  if (!options.env->GetChildren(dir, &children).ok()) return "";
  std::sort(children.begin(), children.end());
  for (const std::string& name : children) {
    if (!absl::EndsWith(name, ".sst")) continue;
    rocksdb::SstFileReader reader(options);
    rocksdb::Status s = reader.Open(absl::StrCat(dir, "/", name));
    if (s.ok()) s = reader.VerifyChecksum();
    if (!s.ok()) return absl::StrCat(name, ": ", s.ToString());
  }
  return "";
}

}  // namespace

absl::Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat(std::string(context), ": ", s.ToString());
  if (s.IsCorruption()) {
    return absl::DataLossError(absl::StrCat(
        msg, " (the database is damaged; run `dossier check` to see where)"));
  }
  if (s.IsNotFound()) return absl::NotFoundError(msg);
  if (s.IsIOError()) {
    if (s.ToString().find("lock") != std::string::npos) {
      return absl::UnavailableError(
          absl::StrCat(msg,
                       " (another process is writing this database; open it "
                       "read-only)"));
    }
    return absl::UnavailableError(msg);
  }
  if (s.IsBusy() || s.IsTryAgain() || s.IsTimedOut()) {
    return absl::UnavailableError(msg);
  }
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(msg);
  if (s.IsNotSupported()) return absl::UnimplementedError(msg);
  if (s.IsAborted()) return absl::AbortedError(msg);
  return absl::InternalError(msg);
}

Store::Store(std::string path, const StoreOptions& options)
    : path_(std::move(path)), options_(options) {}

Store::~Store() {
  if (db_ != nullptr) {
    for (rocksdb::ColumnFamilyHandle* h : handles_) {
      if (h != nullptr)
        db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db_->Close().PermitUncheckedError();
  }
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(
    std::string_view path_view, const StoreOptions& options) {
  const std::string path(path_view);
  std::unique_ptr<Store> store(new Store(path, options));

  rocksdb::DBOptions db_options;
  db_options.create_if_missing =
      options.create_if_missing && !options.read_only;
  db_options.create_missing_column_families = !options.read_only;
  db_options.paranoid_checks = true;
  // A crash can leave an incomplete last WAL record; any other damage must
  // stop the open rather than silently drop data (docs/reliability.md).
  db_options.wal_recovery_mode =
      rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  db_options.max_background_jobs = 2;
  if (options.env != nullptr) db_options.env = options.env;
  rocksdb::Env* env = db_options.env;

  std::string current = absl::StrCat(path, "/CURRENT");
  bool exists = env->FileExists(current).ok();
  if (!exists && (options.read_only || !options.create_if_missing)) {
    return absl::NotFoundError(
        absl::StrCat("no Dossier database at ", path,
                     " (build one with `dossier build --db ", path, " ...`)"));
  }
  if (exists) {
    std::vector<std::string> families;
    rocksdb::Status s =
        rocksdb::DB::ListColumnFamilies(db_options, store->path_, &families);
    if (!s.ok()) return FromRocks(s, absl::StrCat("cannot read ", path));
    bool has_meta = false;
    for (const std::string& f : families) has_meta |= f == "meta";
    if (!has_meta) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " holds a RocksDB database that is not a Dossier database"));
    }
  }

  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf_options.paranoid_file_checks = false;
  // LZ4 rather than RocksDB's default Snappy: about the same size on disk
  // for these keys and records, and cheaper to write and read. Scale-20
  // import (16 M relationships, 48 M SST entries): 10.7 s -> 7.7 s, 686 MB
  // on disk (docs/benchmarks.md). Files written with Snappy stay readable.
  cf_options.compression = rocksdb::kLZ4Compression;
  // Small memtables (LevelDB's 4 MiB rather than RocksDB's 64 MiB): an
  // article's writes land in shallower skiplists, and a build flushes as it
  // goes instead of leaving every write in a WAL the next open replays.
  // `dossier build` of the 17.4 MB benchmark corpus: about 5 % less CPU,
  // half the peak memory (docs/benchmarks.md). L0 compaction waits for 8
  // files instead of 4, so that a build is not compacting all the time.
  cf_options.write_buffer_size = size_t{4} << 20;
  cf_options.level0_file_num_compaction_trigger = 8;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kCfNames) descriptors.emplace_back(name, cf_options);
  // The adjacency and index families are read by prefix only (a Seek, never
  // a Get of a whole key): a whole-key Bloom filter would never answer one
  // of their reads, yet costs a hash per key on every flush, compaction and
  // import, 10 bits per key on disk and in the cache. They share the block
  // cache, without the filter.
  {
    rocksdb::BlockBasedTableOptions scan_table = table;
    scan_table.filter_policy.reset();
    std::shared_ptr<rocksdb::TableFactory> scan_factory(
        rocksdb::NewBlockBasedTableFactory(scan_table));
    for (Cf family : {Cf::kOut, Cf::kIn, Cf::kLabel, Cf::kProp}) {
      descriptors[static_cast<int>(family)].options.table_factory = scan_factory;
    }
  }
  // Memtable insertion hints: a write lands next to the last one with the
  // same key prefix (a node's adjacency of one type grows with new edge ids,
  // a label's nodes with new node ids; property index entries of one label,
  // key, value type and first value byte are neighbours), so the skiplist
  // need not be searched from the top. This changes no stored byte, only the
  // insertion CPU (prop: -8% instructions of an ingest).
  for (auto [family, prefix] : {std::pair{Cf::kOut, 12}, std::pair{Cf::kIn, 12},
                                std::pair{Cf::kLabel, 4},
                                std::pair{Cf::kProp, 10}}) {
    descriptors[static_cast<int>(family)]
        .options.memtable_insert_with_hint_prefix_extractor.reset(
            rocksdb::NewFixedPrefixTransform(prefix));
  }

  std::shared_ptr<DamageLogger> damage_log;
  {
    std::shared_ptr<rocksdb::Logger> info_log;
    if (options.read_only) {
      info_log = std::make_shared<NullLogger>();
    } else if (!rocksdb::CreateLoggerFromOptions(path, db_options, &info_log)
                    .ok()) {
      info_log = nullptr;
    }
    if (info_log != nullptr) {
      damage_log = std::make_shared<DamageLogger>(std::move(info_log));
      db_options.info_log = damage_log;
    }
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    s = rocksdb::DB::OpenForReadOnly(db_options, store->path_, descriptors,
                                     &store->handles_, &raw);
  } else {
    s = rocksdb::DB::Open(db_options, store->path_, descriptors,
                          &store->handles_, &raw);
  }
  if (s.IsCorruption()) {
    std::string where = damage_log ? damage_log->last_damage() : "";
    std::string table;
    if (where.empty() && s.ToString().find(".sst") == std::string::npos) {
      table = FindDamagedTable(path, rocksdb::Options(db_options, cf_options));
    }
    return absl::DataLossError(absl::StrCat(
        "cannot open ", path, ": ", s.ToString(),
        where.empty() ? "" : absl::StrCat(" (RocksDB: ", where, ")"),
        table.empty() ? "" : absl::StrCat(" (damaged table file ", table, ")"),
        ". The database is damaged and was not opened, so nothing was "
        "dropped silently: keep a copy of the folder, then restore a backup "
        "or rebuild it with `dossier build --db NEW_DIR ARTICLES...`"));
  }
  if (!s.ok()) return FromRocks(s, absl::StrCat("cannot open ", path));
  store->db_.reset(raw);
  DOSSIER_RETURN_IF_ERROR(store->LoadMeta());
  return store;
}

absl::Status Store::LoadMeta() {
  rocksdb::ReadOptions ro;
  ro.verify_checksums = true;
  std::string value;
  rocksdb::ColumnFamilyHandle* meta = cf(Cf::kMeta);
  rocksdb::Status s = db_->Get(ro, meta, std::string(kFormatKey), &value);
  if (s.IsNotFound()) {
    // A new database: stamp its format, unless it already holds nodes.
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kNodes)));
    it->SeekToFirst();
    if (it->Valid()) {
      return absl::FailedPreconditionError(
          absl::StrCat(path_, ": the format version is missing"));
    }
    if (options_.read_only) {
      return absl::NotFoundError(
          absl::StrCat("no Dossier database at ", path_));
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db_->Put(wo, meta, std::string(kFormatKey),
                 std::to_string(kFormatVersion));
    return FromRocks(s, "cannot stamp the format version");
  }
  if (!s.ok()) return FromRocks(s, "cannot read the format version");
  if (value != std::to_string(kFormatVersion)) {
    return absl::FailedPreconditionError(absl::StrCat(
        path_, " has database format version ", value,
        "; this build of Dossier reads version ", kFormatVersion,
        ". Export it with the Dossier that wrote it and import it here."));
  }

  absl::MutexLock lock(&state_mu_);
  for (auto [key, target] : {std::pair{kNextNodeKey, &next_node_},
                             std::pair{kNextEdgeKey, &next_edge_}}) {
    s = db_->Get(ro, meta, std::string(key), &value);
    if (s.ok() && value.size() == 8) {
      *target = ReadU64(value);
    } else if (!s.IsNotFound()) {
      return s.ok() ? absl::DataLossError(absl::StrCat(
                          path_, ": malformed counter ", std::string(key)))
                    : FromRocks(s, "cannot read counters");
    }
  }

  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, meta));
  for (it->Seek("c"); it->Valid() && it->key().starts_with("c"); it->Next()) {
    rocksdb::Slice k = it->key();
    if (k.size() != 6 || static_cast<uint8_t>(k[1]) > 2) {
      return absl::DataLossError(
          absl::StrCat(path_, ": malformed catalog entry"));
    }
    catalog_.Insert(static_cast<CatalogKind>(k[1]), it->value().ToString(),
                    ReadU32(std::string_view(k.data(), k.size()), 2));
  }
  return FromRocks(it->status(), "cannot read the catalog");
}

absl::StatusOr<uint32_t> Store::GetOrCreate(CatalogKind kind,
                                            std::string_view name) {
  if (std::optional<uint32_t> id = catalog_.Find(kind, name)) return *id;
  if (options_.read_only) {
    return absl::FailedPreconditionError(
        "the database is open read-only; cannot add to its catalog");
  }
  absl::MutexLock lock(&catalog_write_mu_);
  if (std::optional<uint32_t> id = catalog_.Find(kind, name)) return *id;
  uint32_t id = catalog_.NextId(kind);
  if (kind == CatalogKind::kType && id >= 65536) {
    return absl::ResourceExhaustedError("too many relationship types");
  }
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  DOSSIER_RETURN_IF_ERROR(FromRocks(
      db_->Put(wo, cf(Cf::kMeta), CatalogKey(kind, id), std::string(name)),
      "cannot extend the catalog"));
  catalog_.Insert(kind, name, id);
  return id;
}

uint64_t Store::version() const {
  absl::MutexLock lock(&state_mu_);
  return version_;
}

std::unique_ptr<Transaction> Store::BeginRead() {
  absl::MutexLock lock(&state_mu_);
  return std::unique_ptr<Transaction>(new Transaction(
      this, false, version_, db_->GetSnapshot(), next_node_, next_edge_));
}

absl::StatusOr<std::unique_ptr<Transaction>> Store::BeginWrite() {
  if (options_.read_only) {
    return absl::FailedPreconditionError(
        absl::StrCat(path_, " is open read-only; writes are refused"));
  }
  writer_mu_.Lock();
  absl::MutexLock lock(&state_mu_);
  return std::unique_ptr<Transaction>(new Transaction(
      this, true, version_, db_->GetSnapshot(), next_node_, next_edge_));
}

void Store::ReleaseWriter() { writer_mu_.Unlock(); }

std::unique_ptr<rocksdb::WriteBatch> Store::TakeBatch() {
  if (spare_batch_ == nullptr) return std::make_unique<rocksdb::WriteBatch>();
  return std::move(spare_batch_);
}

void Store::ReturnBatch(std::unique_ptr<rocksdb::WriteBatch> batch) {
  // A batch that grew large (a bulk write) is not kept: its buffer would
  // stay allocated for the life of the Store.
  constexpr size_t kKeepBytes = 1 << 20;
  if (batch == nullptr || batch->GetDataSize() > kKeepBytes) return;
  batch->Clear();
  spare_batch_ = std::move(batch);
}

absl::Status Store::CommitBatch(rocksdb::WriteBatch* batch,
                                bool adjacency_changed, NodeId next_node,
                                EdgeId next_edge) {
  // Entries of the previous version are freed after the lock is released.
  SnapshotCache::Dropped dropped;
  absl::MutexLock lock(&state_mu_);
  if (next_node != next_node_) {
    DOSSIER_RETURN_IF_ERROR(
        FromRocks(batch->Put(cf(Cf::kMeta), std::string(kNextNodeKey),
                             U64Value(next_node)),
                  "commit"));
  }
  if (next_edge != next_edge_) {
    DOSSIER_RETURN_IF_ERROR(
        FromRocks(batch->Put(cf(Cf::kMeta), std::string(kNextEdgeKey),
                             U64Value(next_edge)),
                  "commit"));
  }
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  // RocksDB counts every key comparison of the memtable inserts in its
  // thread-local perf context unless told not to; nothing here reads those
  // counts, and they cost 6% of an ingest's instructions. The caller's level
  // is restored after the write.
  const rocksdb::PerfLevel perf_level = rocksdb::GetPerfLevel();
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
  rocksdb::Status written = db_->Write(wo, batch);
  rocksdb::SetPerfLevel(perf_level);
  DOSSIER_RETURN_IF_ERROR(FromRocks(written, "commit"));
  next_node_ = next_node;
  next_edge_ = next_edge;
  ++version_;
  dropped = shared_.Reset(version_);
  if (adjacency_changed) {
    csr_.reset();
  } else if (csr_ != nullptr && csr_version_ == version_ - 1) {
    csr_version_ = version_;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const Csr>> Store::CsrFor(
    uint64_t version, const rocksdb::Snapshot* snapshot) {
  {
    absl::MutexLock lock(&state_mu_);
    if (csr_ != nullptr && csr_version_ == version) return csr_;
  }
  absl::MutexLock build_lock(&csr_build_mu_);
  {
    absl::MutexLock lock(&state_mu_);
    if (csr_ != nullptr && csr_version_ == version) return csr_;
  }
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  std::vector<NodeId> nodes;
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kNodes)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (it->key().size() != 8) {
        return absl::DataLossError("malformed key in the nodes family");
      }
      nodes.push_back(ReadU64(std::string_view(it->key().data(), 8)));
    }
    DOSSIER_RETURN_IF_ERROR(FromRocks(it->status(), "scanning nodes"));
  }
  std::vector<Csr::EdgeInput> edges;
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kOut)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (it->key().size() != 28) {
        return absl::DataLossError("malformed key in the out family");
      }
      AdjEntry e =
          DecodeAdjKey(std::string_view(it->key().data(), it->key().size()));
      edges.push_back(Csr::EdgeInput{e.from, e.to, e.id, e.type});
    }
    DOSSIER_RETURN_IF_ERROR(FromRocks(it->status(), "scanning adjacency"));
  }
  std::shared_ptr<const Csr> csr =
      Csr::Build(std::move(nodes), std::move(edges));
  absl::MutexLock lock(&state_mu_);
  if (version == version_) {
    csr_ = csr;
    csr_version_ = version;
  }
  return csr;
}

absl::Status Store::Flush() {
  rocksdb::FlushOptions fo;
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    DOSSIER_RETURN_IF_ERROR(FromRocks(db_->Flush(fo, h), "flush"));
  }
  return absl::OkStatus();
}

}  // namespace dossier::graph
