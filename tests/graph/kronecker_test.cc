// The Kronecker generator: reproducible, simple (no loops, no duplicates),
// and of the expected size.
#include "graph/kronecker.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

namespace dossier::graph {
namespace {

TEST_CASE("SplitMix64 matches the reference implementation") {
  // Outputs of Vigna's splitmix64.c for the seed 1234567.
  SplitMix64 rng(1234567);
  CHECK(rng.Next() == 6457827717110365317ull);
  CHECK(rng.Next() == 3203168211198807973ull);
  CHECK(rng.Next() == 9817491932198370423ull);
  SplitMix64 bounded(5);
  for (int i = 0; i < 1000; ++i) CHECK(bounded.Bounded(7) < 7);
  const double d = bounded.NextDouble();
  CHECK(d >= 0.0);
  CHECK(d < 1.0);
}

TEST_CASE("Kronecker output is pinned and deterministic") {
  KroneckerOptions opt;
  opt.scale = 10;
  opt.seed = 42;
  auto a = GenerateKronecker(opt);
  auto b = GenerateKronecker(opt);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a == *b);
  // Pinned: a change here changes every benchmark graph.
  REQUIRE(a->size() == 12015);
  const std::vector<KroneckerEdge> first(a->begin(), a->begin() + 4);
  CHECK(first == std::vector<KroneckerEdge>{
                       {118, 686}, {942, 1021}, {584, 114}, {461, 350}});

  opt.seed = 43;
  auto c = GenerateKronecker(opt);
  REQUIRE(c.ok());
  CHECK(*c != *a);
}

TEST_CASE("Kronecker edges are simple, in range and of the expected count") {
  for (int scale : {4, 8, 12}) {
    KroneckerOptions opt;
    opt.scale = scale;
    opt.seed = 7;
    auto edges = GenerateKronecker(opt);
    REQUIRE(edges.ok());
    const uint64_t n = uint64_t{1} << scale;
    const uint64_t generated = 16 * n;
    CAPTURE(scale);
    // Self-loops and duplicates remove a part, the larger the smaller the graph.
    CHECK(edges->size() > generated / 4);
    CHECK(edges->size() < generated);
    if (scale == 12) {
      CHECK(edges->size() > generated * 8 / 10);
    }
    std::vector<KroneckerEdge> sorted = *edges;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    std::vector<uint64_t> degree(n, 0);
    for (const auto& [s, d] : sorted) {
      CHECK(s != d);
      CHECK(s < n);
      CHECK(d < n);
      ++degree[s];
    }
    // The output is shuffled, not sorted.
    CHECK(sorted != *edges);
    // Skewed degrees: the largest out-degree is far above the average.
    const uint64_t max_degree = *std::max_element(degree.begin(), degree.end());
    if (scale >= 8) CHECK(max_degree > 4 * edges->size() / n);
  }
}

TEST_CASE("Kronecker rejects bad options") {
  KroneckerOptions opt;
  opt.scale = 0;
  CHECK(GenerateKronecker(opt).status().code() ==
        absl::StatusCode::kInvalidArgument);
  opt.scale = 32;
  CHECK(GenerateKronecker(opt).status().code() ==
        absl::StatusCode::kInvalidArgument);
  opt.scale = 4;
  opt.edge_factor = 0;
  CHECK(GenerateKronecker(opt).status().code() ==
        absl::StatusCode::kInvalidArgument);
  opt.edge_factor = 16;
  opt.a = 0.9;
  opt.b = 0.2;
  CHECK(GenerateKronecker(opt).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier::graph
