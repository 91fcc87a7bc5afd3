// The text of values as the openCypher TCK writes them in result tables.
//
// Rendering: null, true, 42, 1.0, 1e-305, NaN, 'it\'s', [1, 2], {a: 1},
// (:L {p: 1}), [:T {p: 1}], <(:A)-[:T]->(:B)<-[:U]-()>. Parsing reads the
// same texts back. Since a test cannot know the ids of the nodes it expects,
// expected cells parse into TckValue, a tree whose graph elements carry
// labels, type and properties instead of ids; the TCK runner turns actual
// results into TckValue with a TckResolver and compares with TckMatches.
#ifndef DOSSIER_QUERY_VALUES_LITERAL_TEXT_H_
#define DOSSIER_QUERY_VALUES_LITERAL_TEXT_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::query {

// A node as the TCK writes it: labels and properties, no id.
struct TckNode {
  std::vector<std::string> labels;  // in written order; compared as a set
  graph::ValueMap props;
};

// A relationship as the TCK writes it: type and properties, no id.
struct TckRelationship {
  std::string type;
  graph::ValueMap props;
};

// A path: nodes.size() == rels.size() + 1; forward[i] is true when rels[i]
// points from nodes[i] to nodes[i + 1] (written `-[...]->`).
struct TckPath {
  std::vector<TckNode> nodes;
  std::vector<TckRelationship> rels;
  std::vector<bool> forward;
};

// A result cell: a scalar, or a list, map, node, relationship or path.
struct TckValue {
  enum class Kind { kScalar, kList, kMap, kNode, kRelationship, kPath };
  Kind kind = Kind::kScalar;
  graph::Value scalar;              // kScalar: null/bool/int/double/string
  std::vector<TckValue> list;       // kList
  std::map<std::string, TckValue, std::less<>> map;  // kMap
  TckNode node;                     // kNode
  TckRelationship rel;              // kRelationship
  TckPath path;                     // kPath
};


// Text of a string literal: single-quoted, with \\ \' \n \t \r \b \f
// escaped.
std::string QuotedText(std::string_view s);

// TCK text of a Value. Graph elements have no labels here: nodes render as
// (#id), relationships as [#id], paths as <(#1)-[#7]->(#2)>; use
// ToTckValue + TckText for the TCK's notation.
std::string ValueText(const graph::Value& v);

// TCK text of a TckValue (map keys in sorted order).
std::string TckText(const TckValue& v);

// Parses a TCK result or parameter cell. Errors: InvalidArgument naming the
// offset of the first character that does not fit.
absl::StatusOr<TckValue> ParseTckValue(std::string_view text);

// Converts a TckValue holding no node, relationship or path into a Value
// (for parameters). Errors: InvalidArgument when it holds one.
absl::StatusOr<graph::Value> TckToValue(const TckValue& v);

// Looks up what an actual result's graph elements look like.
struct TckResolver {
  std::function<TckNode(graph::NodeId)> node;
  std::function<TckRelationship(const graph::EdgeRef&)> relationship;
};

// Converts an actual result Value to a TckValue. REQUIRES: the resolver's
// functions are set when v holds a node, relationship or path.
TckValue ToTckValue(const graph::Value& v, const TckResolver& resolver);

// True when `actual` is what the TCK cell `expected` describes: same kinds
// (1 and 1.0 differ), numbers equal (NaN matches NaN), labels as sets,
// properties equal. With ignore_list_order, list elements match as
// multisets at every depth ("ignoring element order for lists").
bool TckMatches(const TckValue& expected, const TckValue& actual,
                bool ignore_list_order);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_LITERAL_TEXT_H_
