// NewsGraph: a deterministic generated graph shaped like Dossier's own.
//
// Nodes carry the labels of DESIGN §3 (State, Organisation, Person,
// Facility, Place, Article, Accusation) in fixed proportions; relationships
// have its types between the label pairs the loaders write:
//   Article -MENTIONS-> State|Organisation|Person|Facility
//   accuser -MAKES-> Accusation -AGAINST-> accused, and accuser -ACCUSES->
//     accused (accusers and accused: State|Organisation|Person)
//   accused -DENIES-> Accusation (a third of them)
//   State -SANCTIONS-> Organisation|Person, State -BANS-> Organisation
//   State|Organisation -MEMBER_OF-> Organisation, Person -WORKS_FOR->
//     State|Organisation, Organisation -OPERATES-> Facility,
//   Facility -LOCATED_IN-> State|Place
// Who is mentioned, accused, sanctioned or joined is drawn with Zipf
// popularity (exponent 1) over each label's nodes, so in-degrees follow a
// power law as in news (a few states and firms in most stories); articles
// mention 2 + a geometric number of entities (5 on average). No
// self-loops; parallel relationships may repeat, as in news.
//
// The graph is a pure function of (scale, seed): all randomness comes from
// graph::SplitMix64; no <random> distributions.
#ifndef DOSSIER_GRAPH_NEWS_GRAPH_H_
#define DOSSIER_GRAPH_NEWS_GRAPH_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::graph {

// The labels of a generated node, in this order.
enum class NewsLabel : uint8_t {
  kState,
  kOrganisation,
  kPerson,
  kFacility,
  kPlace,
  kArticle,
  kAccusation,
};
inline constexpr int kNewsLabels = 7;

// The types of a generated relationship, in this order.
enum class NewsType : uint8_t {
  kMentions,
  kMakes,
  kAgainst,
  kAccuses,
  kDenies,
  kSanctions,
  kBans,
  kMemberOf,
  kWorksFor,
  kOperates,
  kLocatedIn,
};
inline constexpr int kNewsTypes = 11;

// The schema name of a label or type ("State", "MENTIONS").
std::string_view NewsLabelName(NewsLabel label);
std::string_view NewsTypeName(NewsType type);

struct NewsEdge {
  uint64_t src;
  uint64_t dst;
  NewsType type;
};

struct NewsGraph {
  std::vector<NewsLabel> labels;  // Of node i (nodes are 0..labels.size()-1).
  std::vector<NewsEdge> edges;
};

struct NewsGraphOptions {
  int scale = 16;  // 2^scale nodes; 6..28.
  uint64_t seed = 1;
};

// Generates the graph: about 3.3 relationships per node. Errors:
// InvalidArgument for a scale outside 6..28.
absl::StatusOr<NewsGraph> GenerateNewsGraph(const NewsGraphOptions& options);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_NEWS_GRAPH_H_
