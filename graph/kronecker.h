// Kronecker: a deterministic Graph500-style Kronecker graph generator.
//
// The edge list is a pure function of (scale, edge_factor, a, b, c, seed) on
// every machine and compiler: all randomness comes from SplitMix64 (written
// here, no <random> distributions), doubles are drawn as (x >> 11) * 2^-53,
// and bounded integers by Lemire's multiply-shift with rejection.
//
// The algorithm is the Graph500 reference (kronecker_generator.m):
//   for each of the M = edge_factor * 2^scale edges, in order, and for each
//   bit ib = 0..scale-1, in order, draw two doubles r1 then r2:
//     ii_bit = r1 > A + B
//     jj_bit = r2 > (ii_bit ? C / (1 - (A + B)) : A / (A + B))
//     src |= ii_bit << ib;  dst |= jj_bit << ib
// then (same generator, continuing) a Fisher-Yates permutation of the 2^scale
// vertex numbers (for i = N-1 down to 1: swap(p[i], p[Bounded(i + 1)])) is
// applied to both endpoints; self-loops are removed, duplicate (src, dst)
// pairs are collapsed (the graph is directed: (u, v) and (v, u) are kept),
// and the surviving edges are shuffled by a final Fisher-Yates pass over the
// list sorted by (src, dst), so that consumers do not see a sorted input.
#ifndef DOSSIER_GRAPH_KRONECKER_H_
#define DOSSIER_GRAPH_KRONECKER_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::graph {

// SplitMix64 (Steele, Lea, Flood 2014): 64-bit state, one add and a mix per
// output. Deterministic everywhere.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // A double uniform in [0, 1) with 53 random bits.
  double NextDouble() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // An integer uniform in [0, bound). REQUIRES: bound > 0.
  uint64_t Bounded(uint64_t bound);

 private:
  uint64_t state_;
};

struct KroneckerOptions {
  int scale = 16;        // 2^scale vertices; 1..31.
  int edge_factor = 16;  // edge_factor * 2^scale edges generated (before
                         // self-loops and duplicates are removed); 1..1024.
  uint64_t seed = 1;
  double a = 0.57, b = 0.19, c = 0.19;  // initiator; d = 1 - a - b - c.
};

// One directed edge between vertex numbers in [0, 2^scale).
using KroneckerEdge = std::pair<uint64_t, uint64_t>;

// Generates the edge list described above. Vertices number 0..2^scale-1
// (some have no edge). Time O(edge_factor * 2^scale * scale); memory 16
// bytes per generated edge (keys and radix-sort scratch) plus 4 bytes per
// vertex while generating, 16 bytes per returned edge.
// Errors: InvalidArgument for a scale, edge factor or initiator out of range.
absl::StatusOr<std::vector<KroneckerEdge>> GenerateKronecker(
    const KroneckerOptions& options);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_KRONECKER_H_
