// Row: the values of one intermediate result, indexed by Layout slot.
#ifndef DOSSIER_QUERY_EXEC_ROW_H_
#define DOSSIER_QUERY_EXEC_ROW_H_

#include <cstdint>
#include <vector>

#include "graph/value.h"

namespace dossier::query {

using Row = std::vector<graph::Value>;

// A rough estimate of the bytes a value holds (for the memory budget).
int64_t EstimateBytes(const graph::Value& v);
// Sum of EstimateBytes over a row plus the vector itself.
int64_t EstimateBytes(const Row& row);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_ROW_H_
