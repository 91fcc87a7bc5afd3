// Internal to query/exec/: runs graph/algorithms.h for CALL algo.*.
//
// graph/algorithms.h and graph/transaction.h both declare a
// graph::Direction, so the algorithms are called from this file's .cc only,
// which never includes the transaction header.
#ifndef DOSSIER_QUERY_EXEC_ALGO_BRIDGE_H_
#define DOSSIER_QUERY_EXEC_ALGO_BRIDGE_H_

#include <atomic>
#include <functional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/csr.h"
#include "graph/value.h"

namespace dossier::query::internal {

enum class Algorithm { kPageRank, kComponents, kBetweenness };

// How a run is stopped (forwarded to graph::AlgoControl).
struct AlgoLimits {
  const std::atomic<bool>* cancel = nullptr;
  std::function<absl::Status()> check;
};

// One (node, value) per vertex of `csr`: the score (FLOAT) or the
// component number (INTEGER). Errors: the limits' statuses.
absl::StatusOr<std::vector<std::pair<graph::NodeId, graph::Value>>>
RunAlgorithm(Algorithm algo, const graph::Csr& csr, const AlgoLimits& limits);

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_EXEC_ALGO_BRIDGE_H_
