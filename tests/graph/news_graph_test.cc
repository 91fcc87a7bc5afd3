// GenerateNewsGraph: deterministic, schema-shaped, power-law in-degrees.
#include "graph/news_graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "doctest/doctest.h"

namespace dossier::graph {
namespace {

TEST_CASE("the news graph is a pure function of scale and seed") {
  auto a = GenerateNewsGraph({12, 7});
  auto b = GenerateNewsGraph({12, 7});
  auto c = GenerateNewsGraph({12, 8});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  REQUIRE(a->edges.size() == b->edges.size());
  bool same = a->labels == b->labels;
  for (size_t i = 0; same && i < a->edges.size(); ++i) {
    same = a->edges[i].src == b->edges[i].src &&
           a->edges[i].dst == b->edges[i].dst &&
           a->edges[i].type == b->edges[i].type;
  }
  CHECK(same);
  bool differs = a->edges.size() != c->edges.size();
  for (size_t i = 0; !differs && i < a->edges.size(); ++i) {
    differs = a->edges[i].dst != c->edges[i].dst;
  }
  CHECK(differs);
  CHECK_FALSE(GenerateNewsGraph({5, 1}).ok());
  CHECK_FALSE(GenerateNewsGraph({29, 1}).ok());
}

TEST_CASE("the news graph follows the schema's label pairs") {
  auto g = GenerateNewsGraph({14, 1});
  REQUIRE(g.ok());
  const uint64_t n = uint64_t{1} << 14;
  REQUIRE(g->labels.size() == n);
  using L = NewsLabel;
  using T = NewsType;
  // The allowed (start label, end label) pairs of each type.
  const std::map<T, std::set<std::pair<L, L>>> allowed = [] {
    std::set<L> actors = {L::kState, L::kOrganisation, L::kPerson};
    std::map<T, std::set<std::pair<L, L>>> m;
    for (L x : {L::kState, L::kOrganisation, L::kPerson, L::kFacility,
                L::kAccusation}) {
      m[T::kMentions].insert({L::kArticle, x});
    }
    for (L a : actors) {
      m[T::kMakes].insert({a, L::kAccusation});
      m[T::kAgainst].insert({L::kAccusation, a});
      m[T::kDenies].insert({a, L::kAccusation});
      for (L b : actors) m[T::kAccuses].insert({a, b});
    }
    m[T::kSanctions] = {{L::kState, L::kOrganisation}, {L::kState, L::kPerson}};
    m[T::kBans] = {{L::kState, L::kOrganisation}};
    m[T::kMemberOf] = {{L::kState, L::kOrganisation},
                       {L::kOrganisation, L::kOrganisation}};
    m[T::kWorksFor] = {{L::kPerson, L::kState}, {L::kPerson, L::kOrganisation}};
    m[T::kOperates] = {{L::kOrganisation, L::kFacility}};
    m[T::kLocatedIn] = {{L::kFacility, L::kState}, {L::kFacility, L::kPlace}};
    return m;
  }();
  std::map<T, int64_t> per_type;
  std::vector<int64_t> in_degree(n, 0);
  int64_t bad = 0;
  for (const NewsEdge& e : g->edges) {
    REQUIRE(e.src < n);
    REQUIRE(e.dst < n);
    if (e.src == e.dst ||
        !allowed.at(e.type).contains({g->labels[e.src], g->labels[e.dst]})) {
      if (bad++ == 0) FAIL_CHECK("a ", NewsTypeName(e.type), " off the schema");
    }
    ++per_type[e.type];
    ++in_degree[e.dst];
  }
  CHECK(bad == 0);
  CHECK(per_type.size() == kNewsTypes);  // Every type occurs.
  double per_node = static_cast<double>(g->edges.size()) / n;
  CHECK(per_node > 2.5);
  CHECK(per_node < 4.5);
  // Power law: the most mentioned State has far more relationships in than
  // the median State.
  std::vector<int64_t> states;
  for (uint64_t i = 0; i < n; ++i) {
    if (g->labels[i] == L::kState) states.push_back(in_degree[i]);
  }
  REQUIRE(states.size() >= 100);
  std::sort(states.begin(), states.end());
  CHECK(states.back() > 20 * states[states.size() / 2]);
}

}  // namespace
}  // namespace dossier::graph
