// Graph algorithms over a Csr snapshot, for the query engine and CALL algo.*.
//
// Every function reads a `const Csr&` and returns results indexed by dense
// vertex (map them with Csr::NodeOf). None of them throws, none keeps state
// between calls, and all of them may run concurrently on the same Csr.
//
// Bounded cost: every function takes an AlgoControl and checks it inside
// its long loops (every `check_every` units of work, roughly one unit per
// adjacency entry examined), returning Cancelled, DeadlineExceeded or the
// status of the custom check. A run that stops returns no partial result.
//
// Which engine runs what (DESIGN §2):
//   Bfs, ShortestPathUnweighted, ConnectedComponents (union-find) and
//     PageRank (power iteration): tight loops over the Csr's raw arrays.
//   ShortestPathWeighted / Dijkstra: boost::dijkstra_shortest_paths.
//   BetweennessCentrality: boost::brandes_betweenness_centrality.
//   Both copy the selected edges into a boost::compressed_sparse_row_graph
//   built for the call (O(V + E) time, ~16 bytes per edge), freed on return.
#ifndef DOSSIER_GRAPH_ALGORITHMS_H_
#define DOSSIER_GRAPH_ALGORITHMS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/csr.h"
#include "graph/direction.h"

namespace dossier::graph {


// What stops a long run. Defaults stop nothing.
struct AlgoControl {
  // When non-null and true, the run returns absl::CancelledError.
  const std::atomic<bool>* cancel = nullptr;
  // Past this instant (read from `now`, absl::Now when empty) the run returns
  // absl::DeadlineExceededError.
  absl::Time deadline = absl::InfiniteFuture();
  std::function<absl::Time()> now;
  // Any other budget (memory, rows): a non-OK status stops the run with it.
  std::function<absl::Status()> check;
  // Units of work (about one per adjacency entry) between two checks.
  // Smaller reacts faster and costs more; 4096 costs < 1% on a BFS.
  uint64_t check_every = 4096;
};

// Which edges a traversal follows.
struct TraversalOptions {
  Direction direction = Direction::kOut;
  // Relationship types to follow; empty follows every type. Duplicates are
  // harmless; types >= 65536 match nothing.
  std::span<const TypeId> types;
  // Hops from the source beyond which the traversal stops (kNoLimit: none).
  static constexpr uint32_t kNoLimit = 0xffffffffu;
  uint32_t max_depth = kNoLimit;
};

// --- Breadth-first search ---------------------------------------------------

struct BfsResult {
  static constexpr uint32_t kUnreached = 0xffffffffu;
  // Per vertex: hops from the source, or kUnreached.
  std::vector<uint32_t> level;
  // Vertices reached, the source included.
  uint64_t reached = 0;
  // Adjacency entries examined (the numerator of TEPS for one direction).
  uint64_t edges_scanned = 0;
};

// Levels of every vertex reachable from `source` along `options`.
// Time O(V + E) (O(V / 64) for the visited bitmap plus the edges of reached
// vertices); memory 4 bytes per vertex for the levels, 1 bit per vertex for
// the visited set, and the frontiers.
// Errors: InvalidArgument when source >= num_vertices(); control statuses.
absl::StatusOr<BfsResult> Bfs(const Csr& csr, Csr::Vertex source,
                              const TraversalOptions& options = {},
                              const AlgoControl& control = {});

// --- Shortest paths -----------------------------------------------------------

// A path of vertices; ordinals[i] is the relationship (out-adjacency
// ordinal) joining vertices[i] and vertices[i + 1], in whichever direction it
// was followed. vertices.size() == ordinals.size() + 1.
struct Path {
  std::vector<Csr::Vertex> vertices;
  std::vector<uint64_t> ordinals;
};

// A shortest path (fewest relationships) from src to dst along `options`
// (max_depth bounds its length), by bidirectional BFS: the smaller frontier
// grows one level at a time; the first meeting is a shortest path. Among
// several shortest paths one is returned, the same on every run.
// Returns std::nullopt when dst is not reachable (within max_depth); a path
// of one vertex when src == dst.
// Time O(V + E) worst case, usually far less; memory 24 bytes per vertex.
// Errors: InvalidArgument for a bad vertex; control statuses.
absl::StatusOr<std::optional<Path>> ShortestPathUnweighted(
    const Csr& csr, Csr::Vertex src, Csr::Vertex dst,
    const TraversalOptions& options = {}, const AlgoControl& control = {});

struct WeightedPath {
  Path path;
  double cost = 0;  // sum of the weights along the path
};

// Distances from `source` by Dijkstra, with weights[ordinal] the weight of
// each relationship (boost::dijkstra_shortest_paths on a copy of the selected
// edges). Unreachable vertices get +infinity (Boost's max() is converted).
// max_depth is ignored. Time O(E + V log V).
// Errors: InvalidArgument for a bad source, weights.size() != num_edges(),
// or a negative or NaN weight on a followed edge; control statuses.
absl::StatusOr<std::vector<double>> Dijkstra(
    const Csr& csr, Csr::Vertex source, std::span<const double> weights,
    const TraversalOptions& options = {}, const AlgoControl& control = {});

// The cheapest path from src to dst (Dijkstra, stopping when dst is
// settled); std::nullopt when dst is unreachable. Same errors as Dijkstra.
absl::StatusOr<std::optional<WeightedPath>> ShortestPathWeighted(
    const Csr& csr, Csr::Vertex src, Csr::Vertex dst,
    std::span<const double> weights, const TraversalOptions& options = {},
    const AlgoControl& control = {});

// --- Whole-graph algorithms -----------------------------------------------

struct ComponentsResult {
  // Per vertex: its component, numbered 0..count-1 in the order of each
  // component's smallest vertex.
  std::vector<uint32_t> component;
  uint32_t count = 0;
};

// Weakly connected components over relationships of `types` (empty: all),
// by union-find (union by size, path halving). Time O(E α(V)); memory
// 8 bytes per vertex.
// Errors: control statuses.
absl::StatusOr<ComponentsResult> ConnectedComponents(
    const Csr& csr, std::span<const TypeId> types = {},
    const AlgoControl& control = {});

struct PageRankOptions {
  double damping = 0.85;
  uint32_t max_iterations = 100;
  // Stops when the L1 change of the rank vector in one iteration is below.
  double tolerance = 1e-10;
  // kOut: rank flows along relationships; kIn: against them; kBoth: both.
  Direction direction = Direction::kOut;
  std::span<const TypeId> types;  // empty: every type
};

struct PageRankResult {
  std::vector<double> rank;  // per vertex; sums to 1
  uint32_t iterations = 0;
  bool converged = false;
};

// PageRank by power iteration over the Csr (our own loop, not Boost's
// page_rank, which needs a bidirectional graph and drops dangling mass):
//   r'(v) = (1 - d) / N + d * (sum over u -> v of r(u) / outdeg(u)
//                               + (sum of r(u) over dangling u) / N)
// starting from 1/N; parallel relationships count with their multiplicity.
// Time O(iterations * (V + E)); memory 32 bytes per vertex.
// Errors: InvalidArgument for damping outside [0, 1) or a negative
// tolerance; control statuses.
absl::StatusOr<PageRankResult> PageRank(const Csr& csr,
                                        const PageRankOptions& options = {},
                                        const AlgoControl& control = {});

struct BetweennessOptions {
  // kOut and kIn give the same values (directed betweenness); kBoth is the
  // betweenness of the undirected view (each unordered pair counted once).
  Direction direction = Direction::kOut;
  std::span<const TypeId> types;  // empty: every type
  // Divide by the number of pairs not involving the vertex: (N-1)(N-2) when
  // directed, (N-1)(N-2)/2 undirected.
  bool normalized = false;
};

// Brandes betweenness centrality (boost::brandes_betweenness_centrality,
// unweighted) of every vertex on the simple graph of the selected
// relationships: parallel relationships and self-loops are collapsed first,
// so the values agree with networkx. Time O(V E); memory O(V + E).
// Errors: control statuses (checked throughout Boost's loops).
absl::StatusOr<std::vector<double>> BetweennessCentrality(
    const Csr& csr, const BetweennessOptions& options = {},
    const AlgoControl& control = {});

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_ALGORITHMS_H_
