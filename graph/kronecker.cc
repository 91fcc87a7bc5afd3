// Kronecker generator: see kronecker.h for the exact, reproducible recipe.
#include "graph/kronecker.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace dossier::graph {
namespace {

// LSD radix sort of 64-bit keys whose set bits all lie below `bits`.
void RadixSort(std::vector<uint64_t>& keys, int bits) {
  constexpr int kDigit = 11;
  constexpr size_t kBuckets = size_t{1} << kDigit;
  std::vector<uint64_t> tmp(keys.size());
  std::vector<uint64_t> count(kBuckets);
  for (int shift = 0; shift < bits; shift += kDigit) {
    std::fill(count.begin(), count.end(), 0);
    for (uint64_t k : keys) ++count[(k >> shift) & (kBuckets - 1)];
    uint64_t sum = 0;
    for (auto& c : count) {
      const uint64_t here = c;
      c = sum;
      sum += here;
    }
    for (uint64_t k : keys) tmp[count[(k >> shift) & (kBuckets - 1)]++] = k;
    keys.swap(tmp);
  }
}

}  // namespace

uint64_t SplitMix64::Bounded(uint64_t bound) {
  // Lemire, "Fast random integer generation in an interval" (2019).
  unsigned __int128 m = static_cast<unsigned __int128>(Next()) * bound;
  uint64_t low = static_cast<uint64_t>(m);
  if (low < bound) {
    const uint64_t threshold = -bound % bound;
    while (low < threshold) {
      m = static_cast<unsigned __int128>(Next()) * bound;
      low = static_cast<uint64_t>(m);
    }
  }
  return static_cast<uint64_t>(m >> 64);
}

absl::StatusOr<std::vector<KroneckerEdge>> GenerateKronecker(
    const KroneckerOptions& options) {
  const int scale = options.scale;
  if (scale < 1 || scale > 31) {
    return absl::InvalidArgumentError(
        absl::StrFormat("kronecker: scale %d is outside 1..31", scale));
  }
  if (options.edge_factor < 1 || options.edge_factor > 1024) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "kronecker: edge factor %d is outside 1..1024", options.edge_factor));
  }
  const double a = options.a, b = options.b, c = options.c;
  if (!(a > 0 && b >= 0 && c >= 0 && a + b < 1 && a + b + c <= 1)) {
    return absl::InvalidArgumentError(
        "kronecker: initiator needs a > 0, b, c >= 0, a + b < 1, a + b + c <= 1");
  }
  const uint64_t n = uint64_t{1} << scale;
  const uint64_t m = n * static_cast<uint64_t>(options.edge_factor);
  const double ab = a + b;
  const double c_norm = c / (1.0 - ab);
  const double a_norm = a / ab;

  SplitMix64 rng(options.seed);
  std::vector<uint64_t> keys(m);  // src << scale | dst
  for (uint64_t e = 0; e < m; ++e) {
    uint64_t src = 0, dst = 0;
    for (int ib = 0; ib < scale; ++ib) {
      const bool ii_bit = rng.NextDouble() > ab;
      const bool jj_bit = rng.NextDouble() > (ii_bit ? c_norm : a_norm);
      src |= uint64_t{ii_bit} << ib;
      dst |= uint64_t{jj_bit} << ib;
    }
    keys[e] = src << scale | dst;
  }

  std::vector<uint32_t> perm(n);
  for (uint64_t i = 0; i < n; ++i) perm[i] = static_cast<uint32_t>(i);
  for (uint64_t i = n - 1; i >= 1; --i) {
    std::swap(perm[i], perm[rng.Bounded(i + 1)]);
  }

  // Permute, drop self-loops, sort, collapse duplicates.
  uint64_t kept = 0;
  for (uint64_t e = 0; e < m; ++e) {
    const uint64_t src = perm[keys[e] >> scale];
    const uint64_t dst = perm[keys[e] & (n - 1)];
    if (src != dst) keys[kept++] = src << scale | dst;
  }
  keys.resize(kept);
  RadixSort(keys, 2 * scale);
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  // Shuffle the surviving edges (Fisher-Yates, same generator).
  for (uint64_t i = keys.size(); i > 1; --i) {
    std::swap(keys[i - 1], keys[rng.Bounded(i)]);
  }
  std::vector<KroneckerEdge> edges(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    edges[i] = {keys[i] >> scale, keys[i] & (n - 1)};
  }
  return edges;
}

}  // namespace dossier::graph
