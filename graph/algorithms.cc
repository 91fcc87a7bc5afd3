// Traversals over the raw Csr arrays: BFS and unweighted shortest paths,
// plus the helpers every algorithm file shares.
#include "graph/algorithms.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_format.h"
#include "graph/algo_internal.h"

namespace dossier::graph {
namespace algo_internal {

bool Stopper::Check() {
  countdown_ = every_;
  if (!status_.ok()) return true;
  if (control_.cancel != nullptr &&
      control_.cancel->load(std::memory_order_relaxed)) {
    status_ = absl::CancelledError("graph algorithm cancelled");
    return true;
  }
  if (control_.deadline != absl::InfiniteFuture()) {
    const absl::Time now = control_.now ? control_.now() : absl::Now();
    if (now >= control_.deadline) {
      status_ = absl::DeadlineExceededError(
          "graph algorithm stopped: deadline exceeded");
      return true;
    }
  }
  if (control_.check) {
    absl::Status s = control_.check();
    if (!s.ok()) {
      status_ = std::move(s);
      return true;
    }
  }
  return false;
}

TypeSet MakeTypeSet(std::span<const TypeId> types) {
  TypeSet ts;
  ts.any = types.empty();
  for (TypeId t : types) {
    if (t <= std::numeric_limits<uint16_t>::max()) ts.types.push_back(t);
  }
  std::sort(ts.types.begin(), ts.types.end());
  ts.types.erase(std::unique(ts.types.begin(), ts.types.end()),
                 ts.types.end());
  return ts;
}

absl::Status CheckVertex(const Csr& csr, Csr::Vertex v, const char* what) {
  if (v >= csr.num_vertices()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s vertex %u is not in the graph (%u vertices)", what,
                        v, csr.num_vertices()));
  }
  return absl::OkStatus();
}

}  // namespace algo_internal

using algo_internal::ForEachNeighbor;
using algo_internal::Stopper;
using algo_internal::TypeSet;

absl::StatusOr<BfsResult> Bfs(const Csr& csr, Csr::Vertex source,
                              const TraversalOptions& options,
                              const AlgoControl& control) {
  if (absl::Status s = algo_internal::CheckVertex(csr, source, "BFS source");
      !s.ok()) {
    return s;
  }
  Stopper stopper(control);
  if (stopper.Check()) return stopper.status();
  const TypeSet ts = algo_internal::MakeTypeSet(options.types);
  const uint32_t n = csr.num_vertices();

  BfsResult result;
  result.level.assign(n, BfsResult::kUnreached);
  uint32_t* level = result.level.data();
  std::vector<uint64_t> visited((size_t{n} + 63) / 64, 0);
  uint64_t* bits = visited.data();
  std::vector<Csr::Vertex> frontier{source}, next;
  frontier.reserve(1024);
  next.reserve(1024);
  bits[source >> 6] |= uint64_t{1} << (source & 63);
  level[source] = 0;
  uint64_t reached = 1, scanned = 0;

  for (uint32_t depth = 0; !frontier.empty() && depth < options.max_depth;
       ++depth) {
    const uint32_t next_level = depth + 1;
    for (Csr::Vertex u : frontier) {
      const uint64_t examined = ForEachNeighbor(
          csr, u, options.direction, ts, [&](Csr::Vertex v, uint64_t) {
            const uint64_t mask = uint64_t{1} << (v & 63);
            uint64_t& word = bits[v >> 6];
            if ((word & mask) == 0) {
              word |= mask;
              level[v] = next_level;
              next.push_back(v);
            }
          });
      scanned += examined;
      if (stopper.Tick(examined + 1)) return stopper.status();
    }
    reached += next.size();
    frontier.swap(next);
    next.clear();
  }
  result.reached = reached;
  result.edges_scanned = scanned;
  return result;
}

namespace {

// One side of a bidirectional search: parent vertex and ordinal per vertex
// (kNoVertex parent = not visited), and the current frontier.
struct Side {
  std::vector<Csr::Vertex> parent;
  std::vector<uint64_t> via;
  std::vector<Csr::Vertex> frontier;
  uint64_t frontier_degree = 0;  // adjacency entries of the frontier
  Direction direction;
};

uint64_t Degree(const Csr& csr, Csr::Vertex v, Direction d) {
  uint64_t deg = 0;
  if (d != Direction::kIn) deg += csr.OutEnd(v) - csr.OutBegin(v);
  if (d != Direction::kOut) deg += csr.InEnd(v) - csr.InBegin(v);
  return deg;
}

}  // namespace

absl::StatusOr<std::optional<Path>> ShortestPathUnweighted(
    const Csr& csr, Csr::Vertex src, Csr::Vertex dst,
    const TraversalOptions& options, const AlgoControl& control) {
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
  if (src == dst) return Path{{src}, {}};
  const TypeSet ts = algo_internal::MakeTypeSet(options.types);
  const uint32_t n = csr.num_vertices();

  // parent[v] == v marks a side's root; kNoVertex unvisited.
  Side fwd, bwd;
  fwd.direction = options.direction;
  bwd.direction = algo_internal::Reverse(options.direction);
  for (Side* side : {&fwd, &bwd}) {
    side->parent.assign(n, Csr::kNoVertex);
    side->via.resize(n);
  }
  fwd.parent[src] = src;
  fwd.frontier = {src};
  fwd.frontier_degree = Degree(csr, src, fwd.direction);
  bwd.parent[dst] = dst;
  bwd.frontier = {dst};
  bwd.frontier_degree = Degree(csr, dst, bwd.direction);

  uint32_t hops = 0;  // sum of the depths of both sides
  Csr::Vertex meet = Csr::kNoVertex;
  while (meet == Csr::kNoVertex && hops < options.max_depth &&
         !fwd.frontier.empty() && !bwd.frontier.empty()) {
    // Grow the side with less work ahead.
    Side& grow = fwd.frontier_degree <= bwd.frontier_degree ? fwd : bwd;
    const Side& other = &grow == &fwd ? bwd : fwd;
    std::vector<Csr::Vertex> next;
    uint64_t next_degree = 0;
    for (Csr::Vertex u : grow.frontier) {
      const uint64_t examined = ForEachNeighbor(
          csr, u, grow.direction, ts, [&](Csr::Vertex v, uint64_t ordinal) {
            if (grow.parent[v] != Csr::kNoVertex) return;
            grow.parent[v] = u;
            grow.via[v] = ordinal;
            if (meet == Csr::kNoVertex && other.parent[v] != Csr::kNoVertex) {
              meet = v;
            }
            next.push_back(v);
            next_degree += Degree(csr, v, grow.direction);
          });
      if (stopper.Tick(examined + 1)) return stopper.status();
      if (meet != Csr::kNoVertex) break;
    }
    grow.frontier.swap(next);
    grow.frontier_degree = next_degree;
    ++hops;
  }
  if (meet == Csr::kNoVertex) return std::nullopt;

  Path path;
  for (Csr::Vertex v = meet; v != src; v = fwd.parent[v]) {
    path.vertices.push_back(v);
    path.ordinals.push_back(fwd.via[v]);
  }
  path.vertices.push_back(src);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.ordinals.begin(), path.ordinals.end());
  for (Csr::Vertex v = meet; v != dst; v = bwd.parent[v]) {
    path.ordinals.push_back(bwd.via[v]);
    path.vertices.push_back(bwd.parent[v]);
  }
  return path;
}

}  // namespace dossier::graph
