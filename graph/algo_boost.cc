// Algorithms run by Boost.Graph on a per-call compressed_sparse_row_graph
// copy of the selected relationships: Dijkstra and Brandes betweenness.
//
// Boost has no cancellation: the Stopper is consulted from a Dijkstra
// visitor and, for Brandes, from the vertex index map that every inner loop
// reads; a stop unwinds Boost by a private exception that is caught here and
// never leaves this file.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include "absl/strings/str_format.h"
#include "graph/algo_internal.h"
#include "graph/algorithms.h"

namespace dossier::graph {
namespace {

using algo_internal::ForEachNeighbor;
using algo_internal::Stopper;
using algo_internal::TypeSet;

struct WeightedEdge {
  double weight;
  uint64_t ordinal;
};
using WeightedGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       WeightedEdge, boost::no_property,
                                       uint32_t, uint64_t>;
using SimpleGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       boost::no_property, boost::no_property,
                                       uint32_t, uint64_t>;

// Thrown inside Boost's loops to unwind them; caught in this file.
struct StopRun {};
struct TargetSettled {};

// The identity vertex index that also counts work (see file comment).
struct CheckingIndexMap {
  using key_type = uint32_t;
  using value_type = uint32_t;
  using reference = uint32_t;
  using category = boost::readable_property_map_tag;
  Stopper* stopper;
};
inline uint32_t get(const CheckingIndexMap& map, uint32_t v) {
  if (map.stopper->Tick(1)) throw StopRun{};
  return v;
}

// The weighted copy: every relationship followed from u along `dir` becomes
// u -> neighbour with its weight and ordinal.
absl::StatusOr<WeightedGraph> MakeWeightedGraph(
    const Csr& csr, std::span<const double> weights,
    const TraversalOptions& options, Stopper& stopper) {
  if (weights.size() != csr.num_edges()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%u weights given for %u relationships", weights.size(),
        csr.num_edges()));
  }
  const TypeSet ts = algo_internal::MakeTypeSet(options.types);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<WeightedEdge> props;
  bool bad = false;
  uint64_t bad_ordinal = 0;
  for (uint32_t u = 0; u < csr.num_vertices(); ++u) {
    const uint64_t examined = ForEachNeighbor(
        csr, u, options.direction, ts, [&](Csr::Vertex v, uint64_t ordinal) {
          const double w = weights[ordinal];
          if (!(w >= 0) && !bad) {
            bad = true;
            bad_ordinal = ordinal;
          }
          pairs.emplace_back(u, v);
          props.push_back({w, ordinal});
        });
    if (stopper.Tick(examined + 1)) return stopper.status();
  }
  if (bad) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "relationship ordinal %u has weight %g: weights must be >= 0",
        bad_ordinal, weights[bad_ordinal]));
  }
  return WeightedGraph(boost::edges_are_unsorted_multi_pass, pairs.begin(),
                       pairs.end(), props.begin(), csr.num_vertices());
}

class StoppingVisitor : public boost::default_dijkstra_visitor {
 public:
  StoppingVisitor(Stopper* stopper, uint32_t target, std::vector<uint32_t>* parent,
                  std::vector<uint64_t>* via)
      : stopper_(stopper), target_(target), parent_(parent), via_(via) {}
  template <typename G>
  void examine_vertex(uint32_t u, const G&) {
    if (u == target_) throw TargetSettled{};
  }
  template <typename E, typename G>
  void examine_edge(E, const G&) {
    if (stopper_->Tick(1)) throw StopRun{};
  }
  template <typename E, typename G>
  void edge_relaxed(E e, const G& g) {
    if (parent_ == nullptr) return;
    const uint32_t v = boost::target(e, g);
    (*parent_)[v] = boost::source(e, g);
    (*via_)[v] = g[e].ordinal;
  }

 private:
  Stopper* stopper_;
  uint32_t target_;
  std::vector<uint32_t>* parent_;
  std::vector<uint64_t>* via_;
};

// Runs Dijkstra from src; target (or kNoVertex) ends it early once settled.
absl::Status RunDijkstra(const WeightedGraph& g, uint32_t src, uint32_t target,
                         Stopper& stopper, std::vector<double>& dist,
                         std::vector<uint32_t>* parent,
                         std::vector<uint64_t>* via) {
  const uint32_t n = static_cast<uint32_t>(boost::num_vertices(g));
  dist.assign(n, std::numeric_limits<double>::max());
  if (parent != nullptr) {
    parent->assign(n, Csr::kNoVertex);
    via->assign(n, 0);
  }
  StoppingVisitor visitor(&stopper, target, parent, via);
  try {
    boost::dijkstra_shortest_paths(
        g, src,
        boost::weight_map(boost::get(&WeightedEdge::weight, g))
            .distance_map(boost::make_iterator_property_map(
                dist.begin(), boost::get(boost::vertex_index, g)))
            .visitor(visitor));
  } catch (const TargetSettled&) {
  } catch (const StopRun&) {
    return stopper.status();
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("Dijkstra: out of memory");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<double>> Dijkstra(const Csr& csr,
                                             Csr::Vertex source,
                                             std::span<const double> weights,
                                             const TraversalOptions& options,
                                             const AlgoControl& control) {
  if (absl::Status s = algo_internal::CheckVertex(csr, source, "Dijkstra source");
      !s.ok()) {
    return s;
  }
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  absl::StatusOr<WeightedGraph> g;
  try {
    g = MakeWeightedGraph(csr, weights, options, stopper);
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("Dijkstra: out of memory");
  }
  if (!g.ok()) return g.status();
  std::vector<double> dist;
  if (absl::Status s = RunDijkstra(*g, source, Csr::kNoVertex, stopper, dist,
                                   nullptr, nullptr);
      !s.ok()) {
    return s;
  }
  // Boost marks unreachable vertices with max() (TOOLCHAIN pitfall 7).
  for (double& d : dist) {
    if (d == std::numeric_limits<double>::max()) {
      d = std::numeric_limits<double>::infinity();
    }
  }
  return dist;
}

absl::StatusOr<std::optional<WeightedPath>> ShortestPathWeighted(
    const Csr& csr, Csr::Vertex src, Csr::Vertex dst,
    std::span<const double> weights, const TraversalOptions& options,
    const AlgoControl& control) {
  if (absl::Status s = algo_internal::CheckVertex(csr, src, "path source");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = algo_internal::CheckVertex(csr, dst, "path target");
      !s.ok()) {
    return s;
  }
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  absl::StatusOr<WeightedGraph> g;
  try {
    g = MakeWeightedGraph(csr, weights, options, stopper);
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("Dijkstra: out of memory");
  }
  if (!g.ok()) return g.status();
  std::vector<double> dist;
  std::vector<uint32_t> parent;
  std::vector<uint64_t> via;
  if (absl::Status s = RunDijkstra(*g, src, dst, stopper, dist, &parent, &via);
      !s.ok()) {
    return s;
  }
  if (dist[dst] == std::numeric_limits<double>::max()) return std::nullopt;
  WeightedPath result;
  result.cost = dist[dst];
  Path& path = result.path;
  for (uint32_t v = dst; v != src; v = parent[v]) {
    path.vertices.push_back(v);
    path.ordinals.push_back(via[v]);
  }
  path.vertices.push_back(src);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.ordinals.begin(), path.ordinals.end());
  return result;
}

absl::StatusOr<std::vector<double>> BetweennessCentrality(
    const Csr& csr, const BetweennessOptions& options,
    const AlgoControl& control) {
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  const TypeSet ts = algo_internal::MakeTypeSet(options.types);
  const uint32_t n = csr.num_vertices();
  const bool undirected = options.direction == Direction::kBoth;
  std::vector<double> centrality(n, 0.0);
  try {
    // The simple graph: kIn is walked as kOut (same values), kBoth adds both
    // directions; parallel relationships and self-loops collapse.
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (uint32_t u = 0; u < n; ++u) {
      const uint64_t examined = ForEachNeighbor(
          csr, u, Direction::kOut, ts, [&](Csr::Vertex v, uint64_t) {
            if (u == v) return;
            pairs.emplace_back(u, v);
            if (undirected) pairs.emplace_back(v, u);
          });
      if (stopper.Tick(examined + 1)) return stopper.status();
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    SimpleGraph g(boost::edges_are_sorted, pairs.begin(), pairs.end(), n);
    std::vector<std::pair<uint32_t, uint32_t>>().swap(pairs);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
                                     centrality.begin(),
                                     boost::get(boost::vertex_index, g)))
               .vertex_index_map(CheckingIndexMap{&stopper}));
  } catch (const StopRun&) {
    return stopper.status();
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("betweenness: out of memory");
  }
  double scale = undirected ? 0.5 : 1.0;
  if (options.normalized) {
    const double pairs = n > 2 ? (n - 1.0) * (n - 2.0) : 0.0;
    scale = pairs > 0 ? 1.0 / pairs : 0.0;  // undirected: 0.5 / (pairs / 2)
  }
  for (double& c : centrality) c *= scale;
  return centrality;
}

}  // namespace dossier::graph
