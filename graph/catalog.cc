#include "graph/catalog.h"

namespace dossier::graph {

std::optional<uint32_t> Catalog::Find(CatalogKind kind,
                                      std::string_view name) const {
  absl::MutexLock lock(&mu_);
  const Space& s = spaces_[static_cast<int>(kind)];
  auto it = s.ids.find(std::string(name));
  if (it == s.ids.end()) return std::nullopt;
  return it->second;
}

std::string Catalog::Name(CatalogKind kind, uint32_t id) const {
  absl::MutexLock lock(&mu_);
  const Space& s = spaces_[static_cast<int>(kind)];
  return id < s.names.size() ? s.names[id] : std::string();
}

std::vector<std::string> Catalog::Names(CatalogKind kind) const {
  absl::MutexLock lock(&mu_);
  return spaces_[static_cast<int>(kind)].names;
}

void Catalog::Insert(CatalogKind kind, std::string_view name, uint32_t id) {
  absl::MutexLock lock(&mu_);
  Space& s = spaces_[static_cast<int>(kind)];
  s.ids[std::string(name)] = id;
  if (s.names.size() <= id) s.names.resize(id + 1);
  s.names[id] = std::string(name);
}

uint32_t Catalog::NextId(CatalogKind kind) const {
  absl::MutexLock lock(&mu_);
  return static_cast<uint32_t>(spaces_[static_cast<int>(kind)].names.size());
}

}  // namespace dossier::graph
