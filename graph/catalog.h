// Catalog: the small ids of labels, relationship types and property keys.
//
// Names map to dense ids (0, 1, 2, ... per kind) that keys and records use.
// The Store persists each new entry (meta column family) before handing out
// its id, so a record never refers to an id the catalog could lose.
//
// Thread safety: all methods are safe to call concurrently.
#ifndef DOSSIER_GRAPH_CATALOG_H_
#define DOSSIER_GRAPH_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace dossier::graph {

// The three namespaces of the catalog.
enum class CatalogKind : uint8_t { kLabel = 0, kType = 1, kPropKey = 2 };

class Catalog {
 public:
  // The id of `name` in `kind`, or nullopt when it was never created.
  std::optional<uint32_t> Find(CatalogKind kind, std::string_view name) const;
  // The name of `id`; empty when the id is unknown.
  std::string Name(CatalogKind kind, uint32_t id) const;
  // Every name of `kind`, indexed by id.
  std::vector<std::string> Names(CatalogKind kind) const;

  // Records `name` with `id`. REQUIRES: the Store persisted it. Used by the
  // Store at open and when creating entries.
  void Insert(CatalogKind kind, std::string_view name, uint32_t id);
  // The id the next new entry of `kind` gets.
  uint32_t NextId(CatalogKind kind) const;

 private:
  struct Space {
    absl::flat_hash_map<std::string, uint32_t> ids;
    std::vector<std::string> names;
  };
  mutable absl::Mutex mu_;
  Space spaces_[3] ABSL_GUARDED_BY(mu_);
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_CATALOG_H_
