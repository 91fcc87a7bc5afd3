// Csr against a brute-force adjacency on random multigraphs.
#include "graph/csr.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

namespace dossier::graph {
namespace {

struct RandomGraph {
  std::vector<NodeId> nodes;
  std::vector<Csr::EdgeInput> edges;   // every endpoint known
  std::vector<Csr::EdgeInput> strays;  // an endpoint not in nodes
};

// Node ids with gaps, isolated vertices, several types (one of them large),
// self-loops and parallel edges.
RandomGraph MakeGraph(uint64_t seed, int num_nodes, int num_edges) {
  std::mt19937_64 rng(seed);
  RandomGraph g;
  std::set<NodeId> ids;
  while (static_cast<int>(ids.size()) < num_nodes)
    ids.insert(rng() % (num_nodes * 5) + 1);
  g.nodes.assign(ids.begin(), ids.end());
  std::shuffle(g.nodes.begin(), g.nodes.end(), rng);
  const TypeId types[] = {0, 1, 2, 7, 65535};
  // Only the first 80% of nodes get edges: the rest stay isolated.
  const int active = std::max(1, num_nodes * 4 / 5);
  EdgeId next_id = 1000;
  for (int i = 0; i < num_edges; ++i) {
    Csr::EdgeInput e;
    e.src = g.nodes[rng() % active];
    e.dst = rng() % 10 == 0 ? e.src : g.nodes[rng() % active];
    e.type = types[rng() % 5];
    next_id += 1 + rng() % 3;
    e.id = next_id;
    g.edges.push_back(e);
    if (rng() % 8 == 0) {  // a parallel edge with a smaller id
      Csr::EdgeInput p = e;
      p.id = rng() % 1000;
      g.edges.push_back(p);
    }
  }
  for (int i = 0; i < 5; ++i) {
    g.strays.push_back({g.nodes[0], num_nodes * 5 + 10u + i, 99999u + i, 0});
    g.strays.push_back({num_nodes * 5 + 20u + i, g.nodes[0], 88888u + i, 1});
  }
  return g;
}

void CheckAgainstBruteForce(const RandomGraph& g) {
  std::vector<Csr::EdgeInput> all = g.edges;
  all.insert(all.end(), g.strays.begin(), g.strays.end());
  std::mt19937_64 rng(7);
  std::shuffle(all.begin(), all.end(), rng);
  auto csr = Csr::Build(g.nodes, all);

  // Vertices: node ids ascending, lookups both ways.
  std::vector<NodeId> sorted = g.nodes;
  std::sort(sorted.begin(), sorted.end());
  REQUIRE(csr->num_vertices() == sorted.size());
  for (uint32_t v = 0; v < sorted.size(); ++v) {
    CHECK(csr->NodeOf(v) == sorted[v]);
    CHECK(csr->VertexOf(sorted[v]) == v);
  }
  CHECK(csr->VertexOf(0) == Csr::kNoVertex);  // ids start at 1
  CHECK(csr->VertexOf(sorted.back() + 1) == Csr::kNoVertex);
  CHECK(csr->VertexOf(~NodeId{0}) == Csr::kNoVertex);
  for (NodeId id = 0; id <= sorted.back(); ++id) {
    if (!std::binary_search(sorted.begin(), sorted.end(), id)) {
      CHECK(csr->VertexOf(id) == Csr::kNoVertex);
    }
  }
  REQUIRE(csr->num_edges() == g.edges.size());

  // Brute force: node -> (type, target node, edge id).
  std::multimap<NodeId, std::tuple<TypeId, NodeId, EdgeId>> out;
  for (const auto& e : g.edges)
    out.emplace(e.src, std::make_tuple(e.type, e.dst, e.id));

  // in_expected[v] = (type, source vertex, ordinal), built from the ordinals.
  std::vector<std::vector<std::tuple<TypeId, uint32_t, uint64_t>>> in_expected(
      csr->num_vertices());
  uint64_t ordinals_seen = 0;
  for (uint32_t v = 0; v < csr->num_vertices(); ++v) {
    std::vector<std::tuple<TypeId, NodeId, EdgeId>> expect;
    auto [lo, hi] = out.equal_range(csr->NodeOf(v));
    for (auto it = lo; it != hi; ++it) expect.push_back(it->second);
    std::sort(expect.begin(), expect.end());  // node order == vertex order
    std::vector<std::tuple<TypeId, NodeId, EdgeId>> got;
    REQUIRE(csr->OutBegin(v) == ordinals_seen);
    for (uint64_t o = csr->OutBegin(v); o < csr->OutEnd(v); ++o) {
      got.emplace_back(csr->Type(o), csr->NodeOf(csr->Target(o)),
                       csr->EdgeOf(o));
      CHECK(csr->SourceOfOrdinal(o) == v);
      in_expected[csr->Target(o)].emplace_back(csr->Type(o), v, o);
      ++ordinals_seen;
    }
    CHECK(got == expect);
    // Type ranges, present and absent types alike.
    for (TypeId t : {0u, 1u, 2u, 3u, 7u, 65535u, 65536u, 70000u}) {
      auto [b, e] = csr->OutRange(v, t);
      CHECK(b <= e);
      CHECK(csr->OutBegin(v) <= b);
      CHECK(e <= csr->OutEnd(v));
      uint64_t count = 0;
      for (const auto& x : expect) count += std::get<0>(x) == t;
      CHECK(e - b == count);
      for (uint64_t o = b; o < e; ++o) CHECK(csr->Type(o) == t);
    }
  }
  CHECK(ordinals_seen == csr->num_edges());

  uint64_t slots_seen = 0;
  for (uint32_t v = 0; v < csr->num_vertices(); ++v) {
    auto expect = in_expected[v];
    std::sort(expect.begin(), expect.end());
    std::vector<std::tuple<TypeId, uint32_t, uint64_t>> got;
    REQUIRE(csr->InBegin(v) == slots_seen);
    for (uint64_t s = csr->InBegin(v); s < csr->InEnd(v); ++s) {
      got.emplace_back(csr->InType(s), csr->InSource(s), csr->InOrdinal(s));
      CHECK(csr->Target(csr->InOrdinal(s)) == v);
      ++slots_seen;
    }
    CHECK(got == expect);
    for (TypeId t : {0u, 1u, 7u, 65535u, 3u, 65536u}) {
      auto [b, e] = csr->InRange(v, t);
      uint64_t count = 0;
      for (const auto& x : expect) count += std::get<0>(x) == t;
      CHECK(e - b == count);
      for (uint64_t s = b; s < e; ++s) CHECK(csr->InType(s) == t);
    }
  }
  CHECK(slots_seen == csr->num_edges());

  // ForOutRanges / ForInRanges: every range when no type is named, one range
  // per named type in the order named (absent types give empty ranges), and
  // no call after the first that returns false.
  const std::vector<TypeId> picked = {7, 0, 3, 65535};
  for (uint32_t v = 0; v < csr->num_vertices(); ++v) {
    std::vector<std::pair<uint64_t, uint64_t>> got;
    auto keep = [&](uint64_t b, uint64_t e) {
      got.emplace_back(b, e);
      return true;
    };
    CHECK(csr->ForOutRanges(v, {}, keep));
    CHECK(csr->ForInRanges(v, {}, keep));
    for (TypeId t : picked) got.push_back(csr->OutRange(v, t));
    CHECK(csr->ForOutRanges(v, picked, keep));
    for (TypeId t : picked) got.push_back(csr->InRange(v, t));
    CHECK(csr->ForInRanges(v, picked, keep));
    REQUIRE(got.size() == 2 + 4 * picked.size());
    CHECK(got[0] == std::pair{csr->OutBegin(v), csr->OutEnd(v)});
    CHECK(got[1] == std::pair{csr->InBegin(v), csr->InEnd(v)});
    for (size_t i = 0; i < picked.size(); ++i) {
      CHECK(got[2 + i] == got[2 + picked.size() + i]);
      CHECK(got[2 + 2 * picked.size() + i] == got[2 + 3 * picked.size() + i]);
    }
    int calls = 0;
    auto stop_second = [&](uint64_t, uint64_t) { return ++calls < 2; };
    CHECK(!csr->ForOutRanges(v, picked, stop_second));
    CHECK(calls == 2);
    calls = 0;
    CHECK(csr->ForInRanges(v, {}, stop_second));  // One call, true.
    CHECK(calls == 1);
  }

  // Raw arrays agree with the accessors.
  CHECK(csr->out_offsets().size() == csr->num_vertices() + 1u);
  CHECK(csr->in_offsets().size() == csr->num_vertices() + 1u);
  CHECK(csr->out_targets().size() == csr->num_edges());
  CHECK(csr->in_sources().size() == csr->num_edges());

  // Memory: 8 bytes per offset, 6 bytes per out-edge, 10 per in-edge.
  const uint64_t v1 = csr->num_vertices() + 1u, m = csr->num_edges();
  CHECK(csr->OutBytes() == 8 * v1 + 6 * m);
  CHECK(csr->InBytes() == 8 * v1 + 10 * m);
  if (sorted.back() - sorted.front() + 1 == sorted.size()) {
    CHECK(csr->IdTableBytes() == 8 * m);  // Consecutive ids: no id tables.
  } else {
    CHECK(csr->IdTableBytes() >=
          8 * uint64_t{csr->num_vertices()} + 8 * m + 4 * (sorted.back() + 1));
  }
}

TEST_CASE("Csr matches a brute-force adjacency on random multigraphs") {
  for (uint64_t seed : {1u, 2u, 3u, 42u, 1234u}) {
    CAPTURE(seed);
    CheckAgainstBruteForce(MakeGraph(seed, 60, 400));
  }
  CheckAgainstBruteForce(MakeGraph(99, 2000, 20000));
  // Every relationship of one type (the ranges then read no type array),
  // type 0 and type 7 alike.
  for (TypeId only : {0u, 7u}) {
    RandomGraph g = MakeGraph(5, 300, 2000);
    for (Csr::EdgeInput& e : g.edges) e.type = only;
    CheckAgainstBruteForce(g);
  }
}

TEST_CASE("Csr with a single type keeps the (target, edge id) order") {
  std::vector<Csr::EdgeInput> edges = {
      {5, 9, 30, 4}, {5, 2, 10, 4}, {5, 9, 20, 4}, {9, 5, 11, 4}, {2, 2, 1, 4}};
  auto csr = Csr::Build({9, 2, 5}, edges);
  REQUIRE(csr->num_vertices() == 3);
  const uint32_t v5 = csr->VertexOf(5);
  REQUIRE(csr->OutEnd(v5) - csr->OutBegin(v5) == 3);
  const uint64_t b = csr->OutBegin(v5);
  CHECK(csr->NodeOf(csr->Target(b)) == 2);
  CHECK(csr->EdgeOf(b + 1) == 20);
  CHECK(csr->EdgeOf(b + 2) == 30);
  CHECK(csr->OutRange(v5, 4) == std::make_pair(b, b + 3));
  CHECK(csr->OutRange(v5, 3).first == csr->OutRange(v5, 3).second);
}

TEST_CASE("Csr of an empty graph and of isolated vertices") {
  auto empty = Csr::Build({}, {});
  CHECK(empty->num_vertices() == 0);
  CHECK(empty->num_edges() == 0);
  CHECK(empty->VertexOf(0) == Csr::kNoVertex);
  CHECK(empty->OutBytes() == 8);

  auto lonely = Csr::Build({3, 1, 2, 2}, {{1, 4, 7, 0}});  // duplicate node 2
  CHECK(lonely->num_vertices() == 3);
  CHECK(lonely->num_edges() == 0);  // endpoint 4 is not a node
  for (uint32_t v = 0; v < 3; ++v) {
    CHECK(lonely->OutBegin(v) == lonely->OutEnd(v));
    CHECK(lonely->InBegin(v) == lonely->InEnd(v));
  }
}

TEST_CASE("Csr maps consecutive node ids without tables, others through them") {
  // One run of ids not starting at 0: vertex = id - first.
  std::vector<NodeId> run;
  for (NodeId id = 1000; id < 1100; ++id) run.push_back(1099 - (id - 1000));
  std::vector<Csr::EdgeInput> edges = {{1000, 1099, 1, 0}, {1050, 1000, 2, 0}};
  auto csr = Csr::Build(run, edges);
  REQUIRE(csr->num_vertices() == 100);
  CHECK(csr->IdTableBytes() == 8 * csr->num_edges());
  CHECK(csr->VertexOf(1000) == 0);
  CHECK(csr->VertexOf(1099) == 99);
  CHECK(csr->NodeOf(42) == 1042);
  for (NodeId outside : {NodeId{0}, NodeId{999}, NodeId{1100}, ~NodeId{0}}) {
    CAPTURE(outside);
    CHECK(csr->VertexOf(outside) == Csr::kNoVertex);
  }
  const Csr::Vertex a = csr->VertexOf(1000);
  REQUIRE(csr->OutEnd(a) - csr->OutBegin(a) == 1);
  CHECK(csr->NodeOf(csr->Target(csr->OutBegin(a))) == 1099);
  const Csr::Vertex c = csr->VertexOf(1050);
  CHECK(csr->NodeOf(csr->InSource(csr->InBegin(a))) == 1050);
  CHECK(csr->EdgeOf(csr->OutBegin(c)) == 2);

  // One gap (a deleted node): the tables answer, the gap is no vertex.
  std::vector<NodeId> gap = {7, 8, 10, 11};
  auto holed = Csr::Build(gap, {{7, 11, 5, 0}});
  REQUIRE(holed->num_vertices() == 4);
  CHECK(holed->IdTableBytes() > 8 * holed->num_edges());
  CHECK(holed->VertexOf(9) == Csr::kNoVertex);
  CHECK(holed->VertexOf(6) == Csr::kNoVertex);
  CHECK(holed->VertexOf(12) == Csr::kNoVertex);
  CHECK(holed->NodeOf(holed->VertexOf(10)) == 10);
  CHECK(holed->NodeOf(holed->Target(holed->OutBegin(holed->VertexOf(7)))) ==
        11);

  // A single node is a run of one.
  auto one = Csr::Build({5}, {{5, 5, 9, 1}});
  CHECK(one->VertexOf(5) == 0);
  CHECK(one->VertexOf(4) == Csr::kNoVertex);
  CHECK(one->VertexOf(6) == Csr::kNoVertex);
  CHECK(one->NodeOf(one->Target(0)) == 5);
}

}  // namespace
}  // namespace dossier::graph
