// Layout: the named slots of the rows an operator produces.
#ifndef DOSSIER_QUERY_PLAN_LAYOUT_H_
#define DOSSIER_QUERY_PLAN_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace dossier::query {

// Slot names in row order. Hidden slots (anonymous pattern parts, aggregate
// results) have names starting with a space, which no query variable can.
// When a name occurs twice, Find returns the first slot.
class Layout {
 public:
  Layout() = default;
  explicit Layout(std::vector<std::string> names);

  // The slot of `name`, or -1.
  int Find(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) >= 0; }
  // Appends a slot and returns its index.
  int Add(std::string name);
  int size() const { return static_cast<int>(names_.size()); }
  const std::vector<std::string>& names() const { return names_; }
  const std::string& name(int slot) const { return names_[slot]; }

 private:
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, int> index_;
};

// True for a hidden slot name.
inline bool IsHiddenName(std::string_view name) {
  return !name.empty() && name[0] == ' ';
}

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PLAN_LAYOUT_H_
