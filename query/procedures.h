// The procedures CALL knows: names, output fields and their kinds.
//
// One table that the binder (names and YIELD checks), the planner (output
// columns) and the ProcedureCall operator (what to run) all read.
#ifndef DOSSIER_QUERY_PROCEDURES_H_
#define DOSSIER_QUERY_PROCEDURES_H_

#include <string_view>
#include <vector>

namespace dossier::query {

enum class Procedure {
  kPageRank,           // algo.pagerank()       → node, score
  kComponents,         // algo.components()     → node, component
  kBetweenness,        // algo.betweenness()    → node, score
  kLabels,             // db.labels()           → label
  kRelationshipTypes,  // db.relationshipTypes() → relationshipType
  kPropertyKeys,       // db.propertyKeys()     → propertyKey
};

// What an output field holds.
enum class FieldKind { kNode, kNumber, kString };

struct ProcedureField {
  std::string_view name;
  FieldKind kind;
};

struct ProcedureSignature {
  Procedure id;
  std::string_view name;  // Lowercased, as CallClause::procedure holds it.
  std::vector<ProcedureField> fields;
  // Arguments accepted: -1 = any (ignored), else exactly this many.
  int arguments;
};

// The signature of `lowercase_name`, or nullptr when there is none.
const ProcedureSignature* FindProcedure(std::string_view lowercase_name);

// The output field `name` (case-sensitive) of `signature`, or nullptr.
const ProcedureField* FindField(const ProcedureSignature& signature,
                                std::string_view name);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PROCEDURES_H_
