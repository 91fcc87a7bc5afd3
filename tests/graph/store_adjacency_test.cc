// The Csr-backed expansion of the store against a brute-force adjacency, on
// random graphs under random writes: inside write transactions (overlay),
// after commits (rebuild), and across reopen.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "graph/store.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::TempDir;

struct Model {
  std::set<NodeId> nodes;
  std::map<EdgeId, EdgeRef> edges;

  // Expected (edge id, neighbour) pairs; kBoth lists a self-loop once.
  std::multiset<std::pair<EdgeId, NodeId>> Expected(
      NodeId n, Direction d, const std::vector<TypeId>& types) const {
    std::multiset<std::pair<EdgeId, NodeId>> out;
    auto wanted = [&](TypeId t) {
      return types.empty() ||
             std::find(types.begin(), types.end(), t) != types.end();
    };
    for (const auto& [id, e] : edges) {
      if (!wanted(e.type)) continue;
      bool as_out = e.src == n && d != Direction::kIn;
      bool as_in = e.dst == n && d != Direction::kOut;
      if (as_out) out.insert({id, e.dst});
      if (as_in && !(as_out && e.src == e.dst)) out.insert({id, e.src});
    }
    return out;
  }
};

std::multiset<std::pair<EdgeId, NodeId>> Actual(const Transaction& t, NodeId n,
                                                Direction d,
                                                const std::vector<TypeId>& types) {
  std::multiset<std::pair<EdgeId, NodeId>> out;
  REQUIRE(t.Expand(n, d, types, [&](const EdgeRef& e) {
             out.insert({e.id, e.src == n ? e.dst : e.src});
             return true;
           }).ok());
  return out;
}

void CheckAll(const Transaction& t, const Model& m, std::mt19937& rng) {
  for (NodeId n : m.nodes) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      std::vector<TypeId> types;
      if (rng() % 2) types.push_back(static_cast<TypeId>(rng() % 3));
      if (rng() % 4 == 0) types.push_back(static_cast<TypeId>(rng() % 3));
      INFO("node ", n, " dir ", static_cast<int>(d));
      CHECK(Actual(t, n, d, types) == m.Expected(n, d, types));
    }
  }
}

TEST_CASE("expansion matches a brute-force adjacency under random writes") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    TempDir dir("adjacency");
    std::mt19937 rng(seed);
    Model model;
    {
      auto store = Store::Open(dir.path());
      REQUIRE(store.ok());
      for (const char* t : {"A", "B", "C"}) {
        REQUIRE((*store)->GetOrCreate(CatalogKind::kType, t).ok());
      }
      for (int round = 0; round < 12; ++round) {
        auto t = (*store)->BeginWrite();
        REQUIRE(t.ok());
        Model draft = model;
        int ops = 1 + static_cast<int>(rng() % 40);
        for (int i = 0; i < ops; ++i) {
          int op = static_cast<int>(rng() % 10);
          std::vector<NodeId> nodes(draft.nodes.begin(), draft.nodes.end());
          if (op < 3 || nodes.size() < 2) {
            auto n = (*t)->CreateNode({}, {});
            REQUIRE(n.ok());
            draft.nodes.insert(*n);
          } else if (op < 8) {
            NodeId a = nodes[rng() % nodes.size()];
            NodeId b = rng() % 8 == 0 ? a : nodes[rng() % nodes.size()];
            TypeId ty = static_cast<TypeId>(rng() % 3);
            auto e = (*t)->CreateEdge(a, b, ty, {});
            REQUIRE(e.ok());
            draft.edges[*e] = EdgeRef{*e, a, b, ty};
          } else if (op == 8 && !draft.edges.empty()) {
            auto it = draft.edges.begin();
            std::advance(it, rng() % draft.edges.size());
            REQUIRE((*t)->DeleteEdge(it->first).ok());
            draft.edges.erase(it);
          } else if (op == 9) {
            NodeId victim = nodes[rng() % nodes.size()];
            REQUIRE((*t)->DeleteNode(victim, /*detach=*/true).ok());
            draft.nodes.erase(victim);
            std::erase_if(draft.edges, [&](const auto& kv) {
              return kv.second.src == victim || kv.second.dst == victim;
            });
          }
        }
        CheckAll(**t, draft, rng);  // Own writes through the overlay.
        if (rng() % 4 == 0) continue;  // Roll back.
        REQUIRE((*t)->Commit().ok());
        model = draft;
        auto r = (*store)->BeginRead();
        CheckAll(*r, model, rng);  // Committed state through a rebuilt Csr.
      }
    }
    auto store = Store::Open(dir.path());
    REQUIRE(store.ok());
    auto r = (*store)->BeginRead();
    CheckAll(*r, model, rng);
  }
}

}  // namespace
}  // namespace dossier::graph
