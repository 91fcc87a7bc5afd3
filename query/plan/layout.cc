#include "query/plan/layout.h"

namespace dossier::query {

Layout::Layout(std::vector<std::string> names) {
  for (auto& n : names) Add(std::move(n));
}

int Layout::Find(std::string_view name) const {
  // Rows of a few columns: comparing the names beats hashing one.
  if (names_.size() <= 8) {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
  auto it = index_.find(absl::string_view(name.data(), name.size()));
  return it == index_.end() ? -1 : it->second;
}

int Layout::Add(std::string name) {
  int slot = size();
  index_.try_emplace(name, slot);
  names_.push_back(std::move(name));
  return slot;
}

}  // namespace dossier::query
