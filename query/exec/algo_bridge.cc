#include "query/exec/algo_bridge.h"

#include "graph/algorithms.h"
#include "graph/status_macros.h"

namespace dossier::query::internal {

absl::StatusOr<std::vector<std::pair<graph::NodeId, graph::Value>>>
RunAlgorithm(Algorithm algo, const graph::Csr& csr, const AlgoLimits& limits) {
  graph::AlgoControl control;
  control.cancel = limits.cancel;
  control.check = limits.check;
  std::vector<std::pair<graph::NodeId, graph::Value>> out;
  uint32_t n = csr.num_vertices();
  out.reserve(n);
  switch (algo) {
    case Algorithm::kPageRank: {
      DOSSIER_ASSIGN_OR_RETURN(graph::PageRankResult r, graph::PageRank(csr, {}, control));
      for (uint32_t v = 0; v < n; ++v)
        out.emplace_back(csr.NodeOf(v), graph::Value::Double(r.rank[v]));
      break;
    }
    case Algorithm::kComponents: {
      DOSSIER_ASSIGN_OR_RETURN(graph::ComponentsResult r,
                               graph::ConnectedComponents(csr, {}, control));
      for (uint32_t v = 0; v < n; ++v)
        out.emplace_back(csr.NodeOf(v), graph::Value::Int(r.component[v]));
      break;
    }
    case Algorithm::kBetweenness: {
      DOSSIER_ASSIGN_OR_RETURN(std::vector<double> r,
                               graph::BetweennessCentrality(csr, {}, control));
      for (uint32_t v = 0; v < n; ++v)
        out.emplace_back(csr.NodeOf(v), graph::Value::Double(r[v]));
      break;
    }
  }
  return out;
}

}  // namespace dossier::query::internal
