// Helpers shared by the graph tests: fresh database directories, and short
// ways to open a store and read it back that stop the test on any error.
#ifndef DOSSIER_TESTS_GRAPH_TEST_UTIL_H_
#define DOSSIER_TESTS_GRAPH_TEST_UTIL_H_

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/store.h"
#include "graph/transaction.h"
#include "rocksdb/iterator.h"

namespace dossier::testing {

// A fresh, empty directory under DOSSIER_TEST_TMP, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = std::string(DOSSIER_TEST_TMP) + "/" + name + "-" +
            std::to_string(::getpid()) + "-" + std::to_string(counter++);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& leaf) const { return path_ + "/" + leaf; }

 private:
  std::string path_;
};

// Writes `text` byte for byte to the file `name` in `dir`; returns its path.
inline std::string WriteFile(const TempDir& dir, const std::string& name,
                             const std::string& text) {
  std::string path = dir.Sub(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The store at `path` opened with `options`; the test stops (REQUIRE) with
// the status message when the open fails.
inline std::unique_ptr<graph::Store> OpenOrDie(
    const std::string& path, const graph::StoreOptions& options = {}) {
  absl::StatusOr<std::unique_ptr<graph::Store>> s =
      graph::Store::Open(path, options);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return *std::move(s);
}

// The catalog id of `name` as a `kind`, created (and persisted) when new,
// so not for a read-only store. REQUIREs success.
inline uint32_t Id(graph::Store& s, graph::CatalogKind kind, const char* name) {
  absl::StatusOr<uint32_t> id = s.GetOrCreate(kind, name);
  REQUIRE(id.ok());
  return *id;
}

// A new write transaction on `s` (waits for any other writer). REQUIREs
// success.
inline std::unique_ptr<graph::Transaction> Write(graph::Store& s) {
  auto t = s.BeginWrite();
  REQUIRE(t.ok());
  return *std::move(t);
}

// The ids of the nodes carrying `label` (every node when nullopt), in id
// order, as `t` sees them (its own writes included). REQUIREs the scan to
// succeed.
inline std::vector<graph::NodeId> Scan(const graph::Transaction& t,
                                       std::optional<graph::LabelId> label) {
  std::vector<graph::NodeId> ids;
  REQUIRE(t.ScanNodes(label, [&](graph::NodeId id) {
             ids.push_back(id);
             return true;
           }).ok());
  return ids;
}

// The ids of the `label` nodes whose property `key` lies in `range`, in
// value order (ties in id order), as `t` sees them. REQUIREs the seek to
// succeed.
inline std::vector<graph::NodeId> Seek(const graph::Transaction& t,
                                       graph::LabelId label,
                                       graph::PropKeyId key,
                                       const graph::PropertyRange& range) {
  std::vector<graph::NodeId> ids;
  REQUIRE(t.SeekProperty(label, key, range, [&](graph::NodeId id) {
             ids.push_back(id);
             return true;
           }).ok());
  return ids;
}

// Every committed key and value of the data column families (nodes, edges,
// out, in, label, prop, alias, docs), one "<family> <key hex> <value hex>"
// line each, family by family in key order: equal dumps mean byte-identical
// stores. REQUIREs every iterator to end without error.
inline std::vector<std::string> RawDump(graph::Store& store) {
  using graph::Cf;
  std::vector<std::string> out;
  for (Cf cf : {Cf::kNodes, Cf::kEdges, Cf::kOut, Cf::kIn, Cf::kLabel,
                Cf::kProp, Cf::kAlias, Cf::kDocs}) {
    std::unique_ptr<rocksdb::Iterator> it(
        store.db()->NewIterator(rocksdb::ReadOptions(), store.cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out.push_back(std::to_string(static_cast<int>(cf)) + " " +
                    it->key().ToString(true) + " " +
                    it->value().ToString(true));
    }
    REQUIRE(it->status().ok());
  }
  return out;
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_GRAPH_TEST_UTIL_H_
