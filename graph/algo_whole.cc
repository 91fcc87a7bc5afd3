// Whole-graph algorithms over the raw Csr arrays: weakly connected
// components (union-find) and PageRank (power iteration).
#include <cmath>
#include <numeric>

#include "graph/algo_internal.h"
#include "graph/algorithms.h"

namespace dossier::graph {

using algo_internal::ForEachNeighbor;
using algo_internal::Stopper;
using algo_internal::TypeSet;

namespace {

// Root of v with path halving.
inline uint32_t Find(std::vector<uint32_t>& parent, uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

}  // namespace

absl::StatusOr<ComponentsResult> ConnectedComponents(
    const Csr& csr, std::span<const TypeId> types, const AlgoControl& control) {
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  const TypeSet ts = algo_internal::MakeTypeSet(types);
  const uint32_t n = csr.num_vertices();
  std::vector<uint32_t> parent(n), size(n, 1);
  std::iota(parent.begin(), parent.end(), 0u);
  for (uint32_t u = 0; u < n; ++u) {
    const uint64_t examined = ForEachNeighbor(
        csr, u, Direction::kOut, ts, [&](Csr::Vertex v, uint64_t) {
          uint32_t a = Find(parent, u), b = Find(parent, v);
          if (a == b) return;
          if (size[a] < size[b]) std::swap(a, b);
          parent[b] = a;
          size[a] += size[b];
        });
    if (stopper.Tick(examined + 1)) return stopper.status();
  }
  // Number components by their smallest vertex; `size` is reused as the
  // root -> component table.
  ComponentsResult result;
  result.component.resize(n);
  constexpr uint32_t kUnset = 0xffffffffu;
  std::fill(size.begin(), size.end(), kUnset);
  for (uint32_t v = 0; v < n; ++v) {
    const uint32_t r = Find(parent, v);
    if (size[r] == kUnset) size[r] = result.count++;
    result.component[v] = size[r];
  }
  return result;
}

absl::StatusOr<PageRankResult> PageRank(const Csr& csr,
                                        const PageRankOptions& options,
                                        const AlgoControl& control) {
  if (!(options.damping >= 0 && options.damping < 1)) {
    return absl::InvalidArgumentError("PageRank: damping must be in [0, 1)");
  }
  if (!(options.tolerance >= 0)) {
    return absl::InvalidArgumentError("PageRank: tolerance must be >= 0");
  }
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  const TypeSet ts = algo_internal::MakeTypeSet(options.types);
  const uint32_t n = csr.num_vertices();
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const Direction dir = options.direction;
  const Direction pull = algo_internal::Reverse(dir);
  const double d = options.damping;

  std::vector<double> inv_degree(n);  // 1 / degree, 0 for dangling vertices
  for (uint32_t u = 0; u < n; ++u) {
    const uint64_t deg =
        ForEachNeighbor(csr, u, dir, ts, [](Csr::Vertex, uint64_t) {});
    inv_degree[u] = deg == 0 ? 0.0 : 1.0 / static_cast<double>(deg);
    if (stopper.Tick(deg + 1)) return stopper.status();
  }
  std::vector<double> rank(n, 1.0 / n), next(n), contrib(n);
  while (result.iterations < options.max_iterations) {
    double dangling = 0;
    for (uint32_t u = 0; u < n; ++u) {
      contrib[u] = rank[u] * inv_degree[u];
      if (inv_degree[u] == 0) dangling += rank[u];
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    double change = 0;
    for (uint32_t v = 0; v < n; ++v) {
      double sum = 0;
      const uint64_t examined = ForEachNeighbor(
          csr, v, pull, ts, [&](Csr::Vertex u, uint64_t) { sum += contrib[u]; });
      next[v] = base + d * sum;
      change += std::fabs(next[v] - rank[v]);
      if (stopper.Tick(examined + 1)) return stopper.status();
    }
    rank.swap(next);
    ++result.iterations;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.rank = std::move(rank);
  return result;
}

}  // namespace dossier::graph
