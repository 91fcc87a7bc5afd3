// The data behind dossier::Result (api/ internal).
#ifndef DOSSIER_API_RESULT_IMPL_H_
#define DOSSIER_API_RESULT_IMPL_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dossier/result.h"
#include "query/engine.h"

namespace dossier {

struct Result::Impl {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  absl::flat_hash_map<NodeId, EntityData> nodes;
  absl::flat_hash_map<EdgeId, EntityData> edges;
  Stats stats;
  std::string plan;
  Timing timing;
};

// Moves a query result into the public form.
Result MakeResult(query::QueryResult&& r);

}  // namespace dossier

#endif  // DOSSIER_API_RESULT_IMPL_H_
