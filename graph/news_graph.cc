#include "graph/news_graph.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "graph/kronecker.h"

namespace dossier::graph {
namespace {

// Draws ranks 0..n-1 with P(r) proportional to 1 / (r + 1) (Zipf, s = 1)
// from a cumulative table and a binary search.
class Zipf {
 public:
  explicit Zipf(uint64_t n) : cdf_(n) {
    double sum = 0;
    for (uint64_t r = 0; r < n; ++r) {
      sum += 1.0 / static_cast<double>(r + 1);
      cdf_[r] = sum;
    }
    for (double& c : cdf_) c /= sum;
  }
  uint64_t Draw(SplitMix64& rng) const {
    double u = rng.NextDouble();
    auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    if (it == cdf_.end()) return cdf_.size() - 1;
    return static_cast<uint64_t>(it - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

// The nodes of one label: ids first..first+count-1, drawn by popularity.
struct Pool {
  uint64_t first = 0;
  uint64_t count = 0;
  Zipf zipf{1};
  uint64_t Draw(SplitMix64& rng) const { return first + zipf.Draw(rng); }
};

}  // namespace

std::string_view NewsLabelName(NewsLabel label) {
  static constexpr std::array<std::string_view, kNewsLabels> kNames = {
      "State", "Organisation", "Person",    "Facility",
      "Place", "Article",      "Accusation"};
  return kNames[static_cast<int>(label)];
}

std::string_view NewsTypeName(NewsType type) {
  static constexpr std::array<std::string_view, kNewsTypes> kNames = {
      "MENTIONS",  "MAKES", "AGAINST",   "ACCUSES",   "DENIES",    "SANCTIONS",
      "BANS",      "MEMBER_OF", "WORKS_FOR", "OPERATES", "LOCATED_IN"};
  return kNames[static_cast<int>(type)];
}

absl::StatusOr<NewsGraph> GenerateNewsGraph(const NewsGraphOptions& options) {
  if (options.scale < 6 || options.scale > 28) {
    return absl::InvalidArgumentError(
        absl::StrCat("news graph scale must be 6..28, not ", options.scale));
  }
  const uint64_t n = uint64_t{1} << options.scale;
  // Node counts per label: a few hundred states at most, then fixed shares.
  std::array<uint64_t, kNewsLabels> count{};
  count[0] = std::min<uint64_t>(195, std::max<uint64_t>(8, n / 64));
  const uint64_t rest = n - count[0];
  const std::array<double, kNewsLabels> share = {0,    0.16, 0.16, 0.05,
                                                 0.03, 0.40, 0.20};
  uint64_t given = count[0];
  for (int l = 1; l < kNewsLabels - 1; ++l) {
    count[l] = std::max<uint64_t>(2, static_cast<uint64_t>(rest * share[l]));
    given += count[l];
  }
  count[kNewsLabels - 1] = n - given;  // Accusations take what is left.

  NewsGraph g;
  g.labels.reserve(n);
  std::array<Pool, kNewsLabels> pool;
  for (int l = 0; l < kNewsLabels; ++l) {
    pool[l].first = g.labels.size();
    pool[l].count = count[l];
    pool[l].zipf = Zipf(count[l]);
    g.labels.insert(g.labels.end(), count[l], static_cast<NewsLabel>(l));
  }
  const Pool& states = pool[0];
  const Pool& orgs = pool[1];
  const Pool& persons = pool[2];
  const Pool& facilities = pool[3];
  const Pool& places = pool[4];
  const Pool& articles = pool[5];
  const Pool& accusations = pool[6];

  SplitMix64 rng(options.seed * 0x9e3779b97f4a7c15ull + 0x6e657773);
  g.edges.reserve(n * 7);
  auto add = [&](uint64_t s, uint64_t d, NewsType t) {
    if (s != d) g.edges.push_back({s, d, t});
  };
  // An actor: a State (40 %), an Organisation (40 %) or a Person (20 %).
  auto actor = [&]() {
    uint64_t r = rng.Bounded(10);
    if (r < 4) return states.Draw(rng);
    if (r < 8) return orgs.Draw(rng);
    return persons.Draw(rng);
  };

  // Articles mention 2 + Geometric(1/4) entities (mean 5, at most 20).
  for (uint64_t a = articles.first; a < articles.first + articles.count; ++a) {
    int k = 2;
    while (k < 20 && rng.Bounded(4) != 0) ++k;
    for (int i = 0; i < k; ++i) {
      uint64_t r = rng.Bounded(20);
      uint64_t target = r < 7    ? states.Draw(rng)
                        : r < 14 ? orgs.Draw(rng)
                        : r < 19 ? persons.Draw(rng)
                                 : facilities.Draw(rng);
      add(a, target, NewsType::kMentions);
    }
  }
  // Accusations: accuser -MAKES-> acc -AGAINST-> accused, accuser -ACCUSES->
  // accused, a third denied; an article mentions each.
  for (uint64_t c = accusations.first; c < accusations.first + accusations.count;
       ++c) {
    uint64_t accuser = actor();
    uint64_t accused = actor();
    while (accused == accuser) accused = actor();
    add(accuser, c, NewsType::kMakes);
    add(c, accused, NewsType::kAgainst);
    add(accuser, accused, NewsType::kAccuses);
    if (rng.Bounded(3) == 0) add(accused, c, NewsType::kDenies);
    add(articles.first + rng.Bounded(articles.count), c, NewsType::kMentions);
  }
  // Measures and memberships, about one per organisation or person.
  for (uint64_t i = 0; i < orgs.count; ++i) {
    uint64_t r = rng.Bounded(10);
    if (r < 3) {
      add(states.Draw(rng), orgs.Draw(rng), NewsType::kSanctions);
    } else if (r < 5) {
      add(states.Draw(rng), orgs.Draw(rng), NewsType::kBans);
    } else if (r < 8) {
      uint64_t member = rng.Bounded(2) == 0 ? states.Draw(rng) : orgs.Draw(rng);
      add(member, orgs.Draw(rng), NewsType::kMemberOf);
    } else {
      add(orgs.Draw(rng), facilities.Draw(rng), NewsType::kOperates);
    }
  }
  for (uint64_t p = persons.first; p < persons.first + persons.count; ++p) {
    uint64_t employer = rng.Bounded(2) == 0 ? states.Draw(rng) : orgs.Draw(rng);
    add(p, employer, NewsType::kWorksFor);
    if (rng.Bounded(8) == 0) add(states.Draw(rng), p, NewsType::kSanctions);
  }
  for (uint64_t f = facilities.first; f < facilities.first + facilities.count;
       ++f) {
    add(f, rng.Bounded(3) == 0 ? places.Draw(rng) : states.Draw(rng),
        NewsType::kLocatedIn);
  }
  return g;
}

}  // namespace dossier::graph
