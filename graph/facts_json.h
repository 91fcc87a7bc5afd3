// The JSON form of Facts: one line of the "dossier-facts" JSON Lines format
// (docs/formats.md).
//
//   {"format":"dossier-facts","version":1,
//    "article":{"id":…,"source_id":…,"title":…,"source":…,"date":…,
//               "lang":…,"path":…,"extra":{…}},
//    "entities":[{"key":…,"label":…,"name":…,"aliases":[…],"wikidata":…,
//                 "kind":…,"iso2":…}],
//    "relations":[{"type":…,"source":…,"target":…,"kind":…,"evidence":…,
//                  "start":…,"end":…}]}
#ifndef DOSSIER_GRAPH_FACTS_JSON_H_
#define DOSSIER_GRAPH_FACTS_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "graph/facts.h"

namespace dossier::graph {

inline constexpr int kFactsFormatVersion = 1;

// One compact JSON line (no trailing newline).
std::string FactsToJson(const Facts& facts);

// Parses one facts line. Errors: InvalidArgument naming what is wrong (not
// JSON, wrong format tag or version, a missing or mistyped field, a relation
// naming an entity key the line does not define, an unknown label or
// relationship type). Never throws, whatever the bytes.
absl::StatusOr<Facts> ParseFactsJson(std::string_view line);

// The labels and relationship types the news schema allows (DESIGN §3).
bool IsEntityLabel(std::string_view label);
bool IsFactRelationType(std::string_view type);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_FACTS_JSON_H_
