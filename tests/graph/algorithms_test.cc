// Graph algorithms on hand-checked small graphs, plus properties on random
// Kronecker graphs and the cancel / deadline hooks.
#include "graph/algorithms.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "graph/kronecker.h"

namespace dossier::graph {
namespace {

struct E {
  NodeId src, dst;
  TypeId type = 0;
};

// Nodes and edges by id; edge i gets id 100 + i.
std::shared_ptr<const Csr> Make(std::vector<NodeId> nodes, std::vector<E> edges) {
  std::vector<Csr::EdgeInput> in;
  for (size_t i = 0; i < edges.size(); ++i) {
    in.push_back({edges[i].src, edges[i].dst, 100 + i, edges[i].type});
  }
  return Csr::Build(std::move(nodes), std::move(in));
}

std::shared_ptr<const Csr> MakeKronecker(int scale, uint64_t seed) {
  KroneckerOptions opt;
  opt.scale = scale;
  opt.seed = seed;
  auto edges = GenerateKronecker(opt).value();
  std::vector<NodeId> nodes(uint64_t{1} << scale);
  for (size_t v = 0; v < nodes.size(); ++v) nodes[v] = v;
  std::vector<Csr::EdgeInput> in;
  for (size_t i = 0; i < edges.size(); ++i) {
    in.push_back({edges[i].first, edges[i].second, i, static_cast<TypeId>(i % 3)});
  }
  return Csr::Build(std::move(nodes), std::move(in));
}

constexpr uint32_t kUn = BfsResult::kUnreached;

// 1->2 (0), 2->3 (0), 1->4 (1), 4->5 (0), 5->3 (1), 6->1 (0); 7 isolated.
std::shared_ptr<const Csr> SmallGraph() {
  return Make({1, 2, 3, 4, 5, 6, 7},
              {{1, 2, 0}, {2, 3, 0}, {1, 4, 1}, {4, 5, 0}, {5, 3, 1}, {6, 1, 0}});
}

std::vector<uint32_t> LevelsByNode(const Csr& csr, const BfsResult& r) {
  std::vector<uint32_t> out;
  for (NodeId id = 1; id <= 7; ++id) out.push_back(r.level[csr.VertexOf(id)]);
  return out;
}

TEST_CASE("Bfs levels by direction, type and depth") {
  auto g = SmallGraph();
  const Csr& c = *g;
  auto out = Bfs(c, c.VertexOf(1));
  REQUIRE(out.ok());
  CHECK(LevelsByNode(c, *out) == std::vector<uint32_t>{0, 1, 2, 1, 2, kUn, kUn});
  CHECK(out->reached == 5);
  CHECK(out->edges_scanned == 5);

  TraversalOptions in;
  in.direction = Direction::kIn;
  auto back = Bfs(c, c.VertexOf(3), in);
  REQUIRE(back.ok());
  CHECK(LevelsByNode(c, *back) == std::vector<uint32_t>{2, 1, 0, 2, 1, 3, kUn});

  TraversalOptions both;
  both.direction = Direction::kBoth;
  auto und = Bfs(c, c.VertexOf(3), both);
  REQUIRE(und.ok());
  CHECK(LevelsByNode(c, *und) == std::vector<uint32_t>{2, 1, 0, 2, 1, 3, kUn});
  auto alone = Bfs(c, c.VertexOf(7), both);
  CHECK(alone->reached == 1);

  const TypeId zero[] = {0};
  TraversalOptions typed;
  typed.types = zero;
  auto t = Bfs(c, c.VertexOf(1), typed);
  CHECK(LevelsByNode(c, *t) == std::vector<uint32_t>{0, 1, 2, kUn, kUn, kUn, kUn});

  TraversalOptions shallow;
  shallow.max_depth = 1;
  auto s = Bfs(c, c.VertexOf(1), shallow);
  CHECK(LevelsByNode(c, *s) == std::vector<uint32_t>{0, 1, kUn, 1, kUn, kUn, kUn});

  CHECK(Bfs(c, 7).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Bfs(c, Csr::kNoVertex).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

std::vector<EdgeId> EdgeIds(const Csr& c, const Path& p) {
  std::vector<EdgeId> ids;
  for (uint64_t o : p.ordinals) ids.push_back(c.EdgeOf(o));
  return ids;
}

std::vector<NodeId> NodeIds(const Csr& c, const Path& p) {
  std::vector<NodeId> ids;
  for (auto v : p.vertices) ids.push_back(c.NodeOf(v));
  return ids;
}

TEST_CASE("ShortestPathUnweighted on a small graph") {
  auto g = SmallGraph();
  const Csr& c = *g;
  auto p = ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(3));
  REQUIRE(p.ok());
  REQUIRE(p->has_value());
  CHECK(NodeIds(c, **p) == std::vector<NodeId>{1, 2, 3});
  CHECK(EdgeIds(c, **p) == std::vector<EdgeId>{100, 101});

  auto none = ShortestPathUnweighted(c, c.VertexOf(3), c.VertexOf(1));
  REQUIRE(none.ok());
  CHECK(!none->has_value());

  TraversalOptions in;
  in.direction = Direction::kIn;
  auto back = ShortestPathUnweighted(c, c.VertexOf(3), c.VertexOf(6), in);
  REQUIRE(back->has_value());
  CHECK(NodeIds(c, **back) == std::vector<NodeId>{3, 2, 1, 6});
  CHECK(EdgeIds(c, **back) == std::vector<EdgeId>{101, 100, 105});

  auto longer = ShortestPathUnweighted(c, c.VertexOf(6), c.VertexOf(5));
  CHECK(NodeIds(c, **longer) == std::vector<NodeId>{6, 1, 4, 5});

  const TypeId one[] = {1};
  TraversalOptions typed;
  typed.types = one;
  CHECK(!ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(3), typed)->has_value());
  const TypeId all[] = {1, 0, 0};
  typed.types = all;
  CHECK(ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(3), typed)->value()
            .ordinals.size() == 2);

  TraversalOptions shallow;
  shallow.max_depth = 1;
  CHECK(!ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(3), shallow)->has_value());
  shallow.max_depth = 2;
  CHECK(ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(3), shallow)->has_value());

  auto self = ShortestPathUnweighted(c, c.VertexOf(4), c.VertexOf(4));
  CHECK(NodeIds(c, **self) == std::vector<NodeId>{4});
  CHECK((*self)->ordinals.empty());
  CHECK(!ShortestPathUnweighted(c, c.VertexOf(1), c.VertexOf(7))->has_value());
  CHECK(ShortestPathUnweighted(c, 0, 99).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

// Each hop of p follows a relationship in `dir`.
void CheckPathValid(const Csr& c, const Path& p, Direction dir) {
  REQUIRE(p.vertices.size() == p.ordinals.size() + 1);
  for (size_t i = 0; i < p.ordinals.size(); ++i) {
    const auto a = p.vertices[i], b = p.vertices[i + 1];
    const auto s = c.SourceOfOrdinal(p.ordinals[i]), t = c.Target(p.ordinals[i]);
    const bool fwd = s == a && t == b, rev = s == b && t == a;
    switch (dir) {
      case Direction::kOut: CHECK(fwd); break;
      case Direction::kIn: CHECK(rev); break;
      case Direction::kBoth: CHECK((fwd || rev)); break;
    }
  }
}

TEST_CASE("Bidirectional shortest paths agree with BFS levels") {
  auto g = MakeKronecker(9, 3);
  const Csr& c = *g;
  const TypeId t02[] = {0, 2};
  for (Direction dir : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
    for (int typed = 0; typed < 2; ++typed) {
      TraversalOptions opt;
      opt.direction = dir;
      if (typed) opt.types = t02;
      for (uint32_t src : {1u, 17u, 100u, 311u}) {
        auto levels = Bfs(c, src, opt);
        REQUIRE(levels.ok());
        for (uint32_t dst = 0; dst < c.num_vertices(); dst += 7) {
          auto p = ShortestPathUnweighted(c, src, dst, opt);
          REQUIRE(p.ok());
          if (levels->level[dst] == kUn) {
            CHECK(!p->has_value());
            continue;
          }
          REQUIRE(p->has_value());
          CHECK((*p)->ordinals.size() == levels->level[dst]);
          CHECK((*p)->vertices.front() == src);
          CHECK((*p)->vertices.back() == dst);
          CheckPathValid(c, **p, dir);
          for (uint64_t o : (*p)->ordinals) {
            if (typed) CHECK(c.Type(o) != 1);
          }
        }
      }
    }
  }
}

TEST_CASE("Weighted shortest paths and Dijkstra") {
  // a=1 -> b=2 (1), b -> c=3 (1), a -> c (5), c -> d=4 (2); e=5 isolated.
  auto g = Make({1, 2, 3, 4, 5}, {{1, 2}, {2, 3}, {1, 3}, {3, 4}});
  const Csr& c = *g;
  std::vector<double> w(c.num_edges());
  const double by_id[] = {1, 1, 5, 2};
  for (uint64_t o = 0; o < c.num_edges(); ++o) w[o] = by_id[c.EdgeOf(o) - 100];

  auto p = ShortestPathWeighted(c, c.VertexOf(1), c.VertexOf(4), w);
  REQUIRE(p.ok());
  REQUIRE(p->has_value());
  CHECK((*p)->cost == 4.0);
  CHECK(NodeIds(c, (*p)->path) == std::vector<NodeId>{1, 2, 3, 4});
  CHECK(EdgeIds(c, (*p)->path) == std::vector<EdgeId>{100, 101, 103});

  auto none = ShortestPathWeighted(c, c.VertexOf(1), c.VertexOf(5), w);
  REQUIRE(none.ok());
  CHECK(!none->has_value());
  auto self = ShortestPathWeighted(c, c.VertexOf(2), c.VertexOf(2), w);
  CHECK((*self)->cost == 0.0);
  CHECK((*self)->path.vertices.size() == 1);

  auto d = Dijkstra(c, c.VertexOf(1), w);
  REQUIRE(d.ok());
  CHECK((*d)[c.VertexOf(1)] == 0.0);
  CHECK((*d)[c.VertexOf(3)] == 2.0);
  CHECK((*d)[c.VertexOf(4)] == 4.0);
  CHECK(std::isinf((*d)[c.VertexOf(5)]));

  TraversalOptions in;
  in.direction = Direction::kIn;
  auto back = Dijkstra(c, c.VertexOf(4), w, in);
  CHECK((*back)[c.VertexOf(1)] == 4.0);
  CHECK(std::isinf((*back)[c.VertexOf(5)]));
  auto bp = ShortestPathWeighted(c, c.VertexOf(4), c.VertexOf(1), w, in);
  CHECK(EdgeIds(c, (*bp)->path) == std::vector<EdgeId>{103, 101, 100});

  // Cheaper direct edge changes the route.
  w[c.OutRange(c.VertexOf(1), 0).first + 1] = 0.5;  // a -> c is a's 2nd edge
  auto direct = ShortestPathWeighted(c, c.VertexOf(1), c.VertexOf(4), w);
  CHECK((*direct)->cost == 2.5);
  CHECK(NodeIds(c, (*direct)->path) == std::vector<NodeId>{1, 3, 4});

  std::vector<double> bad = w;
  bad[0] = -1;
  CHECK(Dijkstra(c, 0, bad).status().code() == absl::StatusCode::kInvalidArgument);
  bad[0] = std::nan("");
  CHECK(Dijkstra(c, 0, bad).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Dijkstra(c, 0, std::span<const double>(w).first(2)).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(Dijkstra(c, 9, w).status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("Weighted and unweighted agree with unit weights") {
  auto g = MakeKronecker(8, 11);
  const Csr& c = *g;
  std::vector<double> ones(c.num_edges(), 1.0);
  for (Direction dir : {Direction::kOut, Direction::kBoth}) {
    TraversalOptions opt;
    opt.direction = dir;
    auto levels = Bfs(c, 5, opt);
    auto dist = Dijkstra(c, 5, ones, opt);
    REQUIRE(dist.ok());
    for (uint32_t v = 0; v < c.num_vertices(); ++v) {
      if (levels->level[v] == kUn) {
        CHECK(std::isinf((*dist)[v]));
      } else {
        CHECK((*dist)[v] == doctest::Approx(levels->level[v]));
      }
    }
  }
}

TEST_CASE("ConnectedComponents (weak)") {
  // {1,2,3} by 1->2, 3->2; {4,5} by 4->5 (type 1); {6} self-loop; {7}.
  auto g = Make({1, 2, 3, 4, 5, 6, 7}, {{1, 2}, {3, 2}, {4, 5, 1}, {6, 6}});
  const Csr& c = *g;
  auto r = ConnectedComponents(c);
  REQUIRE(r.ok());
  CHECK(r->count == 4);
  std::vector<uint32_t> by_node;
  for (NodeId id = 1; id <= 7; ++id) by_node.push_back(r->component[c.VertexOf(id)]);
  CHECK(by_node == std::vector<uint32_t>{0, 0, 0, 1, 1, 2, 3});

  const TypeId zero[] = {0};
  auto typed = ConnectedComponents(c, zero);
  CHECK(typed->count == 5);

  // Agrees with an undirected BFS on a random graph.
  auto k = MakeKronecker(9, 5);
  auto comp = ConnectedComponents(*k);
  REQUIRE(comp.ok());
  TraversalOptions both;
  both.direction = Direction::kBoth;
  for (uint32_t src : {0u, 3u, 99u}) {
    auto lv = Bfs(*k, src, both);
    for (uint32_t v = 0; v < k->num_vertices(); ++v) {
      CHECK((lv->level[v] != kUn) == (comp->component[v] == comp->component[src]));
    }
  }
}

TEST_CASE("PageRank matches hand-solved values") {
  // a->b, b->c, c->a, a->c; d = 0.85, N = 3, no dangling vertex:
  //   ra = .05 + .85 rc;  rb = .05 + .425 ra;  rc = .05 + .425 ra + .85 rb
  //   => rc = .0925 + .78625 ra, ra = .128625 / .3316875.
  auto g = Make({1, 2, 3}, {{1, 2}, {2, 3}, {3, 1}, {1, 3}});
  const Csr& c = *g;
  auto r = PageRank(c);
  REQUIRE(r.ok());
  CHECK(r->converged);
  const double ra = 0.128625 / 0.3316875;
  CHECK(r->rank[c.VertexOf(1)] == doctest::Approx(ra).epsilon(1e-8));
  CHECK(r->rank[c.VertexOf(2)] == doctest::Approx(0.05 + 0.425 * ra).epsilon(1e-8));
  CHECK(r->rank[c.VertexOf(3)] == doctest::Approx(0.0925 + 0.78625 * ra).epsilon(1e-8));

  // a->b with b dangling: ra = .075 + .425 rb, ra + rb = 1 => ra = .5 / 1.425.
  auto d = Make({1, 2}, {{1, 2}});
  auto rd = PageRank(*d);
  CHECK(rd->rank[0] == doctest::Approx(0.5 / 1.425).epsilon(1e-8));
  CHECK(rd->rank[1] == doctest::Approx(1 - 0.5 / 1.425).epsilon(1e-8));

  // Against the edges (kIn), the dangling vertex is a.
  PageRankOptions in;
  in.direction = Direction::kIn;
  auto ri = PageRank(*d, in);
  CHECK(ri->rank[0] == doctest::Approx(1 - 0.5 / 1.425).epsilon(1e-8));

  // A symmetric cycle ranks uniformly; ranks sum to 1 on a random graph.
  auto cyc = Make({1, 2, 3, 4}, {{1, 2}, {2, 3}, {3, 4}, {4, 1}});
  auto rc = PageRank(*cyc);
  REQUIRE(rc.ok());
  for (double x : rc->rank) CHECK(x == doctest::Approx(0.25));
  auto k = MakeKronecker(8, 2);
  auto rk = PageRank(*k);
  double sum = 0;
  for (double x : rk->rank) sum += x;
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-9));

  PageRankOptions bad;
  bad.damping = 1.0;
  CHECK(PageRank(c, bad).status().code() == absl::StatusCode::kInvalidArgument);
  PageRankOptions few;
  few.max_iterations = 2;
  auto r2 = PageRank(c, few);
  CHECK(r2->iterations == 2);
  CHECK(!r2->converged);
}

TEST_CASE("Betweenness on paths and stars") {
  // Directed path 1->2->3->4 with a parallel 1->2: simple-graph values.
  auto path = Make({1, 2, 3, 4}, {{1, 2}, {2, 3}, {3, 4}, {1, 2}});
  auto b = BetweennessCentrality(*path);
  REQUIRE(b.ok());
  CHECK(*b == std::vector<double>{0, 2, 2, 0});
  BetweennessOptions und;
  und.direction = Direction::kBoth;
  CHECK(*BetweennessCentrality(*path, und) == std::vector<double>{0, 2, 2, 0});

  // Star: centre 1, leaves 2..5, edges out of the centre.
  auto star = Make({1, 2, 3, 4, 5}, {{1, 2}, {1, 3}, {1, 4}, {1, 5}});
  CHECK(*BetweennessCentrality(*star) == std::vector<double>{0, 0, 0, 0, 0});
  auto s = BetweennessCentrality(*star, und);
  CHECK(*s == std::vector<double>{6, 0, 0, 0, 0});  // C(4, 2) leaf pairs
  und.normalized = true;
  auto sn = BetweennessCentrality(*star, und);
  CHECK((*sn)[0] == doctest::Approx(1.0));

  // Two shortest paths share the dependency: 1->2->4, 1->3->4.
  auto diamond = Make({1, 2, 3, 4}, {{1, 2}, {1, 3}, {2, 4}, {3, 4}});
  CHECK(*BetweennessCentrality(*diamond) == std::vector<double>{0, 0.5, 0.5, 0});
}

TEST_CASE("Cancel, deadline and custom checks stop every algorithm") {
  auto g = MakeKronecker(10, 9);
  const Csr& c = *g;
  std::vector<double> w(c.num_edges(), 1.0);
  uint32_t src = 0;
  while (c.OutEnd(src) - c.OutBegin(src) < 3) ++src;
  // The farthest vertex, so that path searches have work to do.
  TraversalOptions undirected;
  undirected.direction = Direction::kBoth;
  auto far_levels = Bfs(c, src, undirected);
  REQUIRE(far_levels.ok());
  uint32_t far = src;
  for (uint32_t v = 0; v < c.num_vertices(); ++v) {
    if (far_levels->level[v] != kUn && far_levels->level[v] > far_levels->level[far]) {
      far = v;
    }
  }
  REQUIRE(far_levels->level[far] >= 3);

  // Runs every algorithm with `ctl`, calling `reset` before each.
  auto run_all = [&](const AlgoControl& ctl, const std::function<void()>& reset) {
    std::vector<absl::StatusCode> codes;
    TraversalOptions both;
    both.direction = Direction::kBoth;
    BetweennessOptions bo;
    bo.direction = Direction::kBoth;
    reset();
    codes.push_back(Bfs(c, src, both, ctl).status().code());
    reset();
    codes.push_back(ShortestPathUnweighted(c, src, far, both, ctl).status().code());
    reset();
    codes.push_back(Dijkstra(c, src, w, both, ctl).status().code());
    reset();
    codes.push_back(ShortestPathWeighted(c, src, far, w, both, ctl).status().code());
    reset();
    codes.push_back(ConnectedComponents(c, {}, ctl).status().code());
    reset();
    codes.push_back(PageRank(c, {}, ctl).status().code());
    reset();
    codes.push_back(BetweennessCentrality(c, bo, ctl).status().code());
    return codes;
  };
  auto nothing = [] {};

  std::atomic<bool> cancel{true};
  AlgoControl cancelled;
  cancelled.cancel = &cancel;
  for (auto code : run_all(cancelled, nothing)) CHECK(code == absl::StatusCode::kCancelled);

  AlgoControl late;
  late.deadline = absl::FromUnixSeconds(1000);
  late.now = [] { return absl::FromUnixSeconds(2000); };
  for (auto code : run_all(late, nothing)) CHECK(code == absl::StatusCode::kDeadlineExceeded);

  // A check that fails on its 3rd call: the stop happens inside the loops.
  int calls = 0;
  AlgoControl budget;
  budget.check_every = 4;
  budget.check = [&] {
    return ++calls >= 3 ? absl::ResourceExhaustedError("budget") : absl::OkStatus();
  };
  {
    const auto codes = run_all(budget, [&] { calls = 0; });
    for (size_t i = 0; i < codes.size(); ++i) {
      CAPTURE(i);
      CHECK(codes[i] == absl::StatusCode::kResourceExhausted);
    }
  }
  // A cancel raised mid-run, from inside a check.
  std::atomic<bool> flag{false};
  AlgoControl mid;
  mid.cancel = &flag;
  mid.check_every = 16;
  int n = 0;
  mid.check = [&] {
    if (++n == 5) flag = true;
    return absl::OkStatus();
  };
  BetweennessOptions bo;
  CHECK(BetweennessCentrality(c, bo, mid).status().code() ==
        absl::StatusCode::kCancelled);
  CHECK(n >= 5);

  // Without a stop, the same calls succeed.
  for (auto code : run_all(AlgoControl{}, nothing)) CHECK(code == absl::StatusCode::kOk);
}

}  // namespace
}  // namespace dossier::graph
