// Row: the values of one intermediate result, indexed by Layout slot.
#ifndef DOSSIER_QUERY_EXEC_ROW_H_
#define DOSSIER_QUERY_EXEC_ROW_H_

#include <cstdint>
#include <vector>

#include "graph/value.h"
#include "query/values/compare.h"

namespace dossier::query {

using Row = std::vector<graph::Value>;

// A rough estimate of the bytes a value holds (for the memory budget).
int64_t EstimateBytes(const graph::Value& v);
// Sum of EstimateBytes over a row plus the vector itself.
int64_t EstimateBytes(const Row& row);

// Hash and equality of a grouping key (a row or row prefix) under the
// grouping equivalence of GroupHash/GroupEquals: for DISTINCT, grouping and
// UNION sets.
struct KeyHash {
  size_t operator()(const std::vector<graph::Value>& k) const {
    size_t h = 0x9e3779b97f4a7c15ull;
    for (const auto& v : k) h = h * 31 + GroupHash(v);
    // GroupHash of an integer is the integer: mix the bits so that
    // consecutive keys do not share the table's probe position.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }
};
struct KeyEq {
  bool operator()(const std::vector<graph::Value>& a,
                  const std::vector<graph::Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!GroupEquals(a[i], b[i])) return false;
    }
    return true;
  }
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_ROW_H_
