#include "query/procedures.h"

namespace dossier::query {

const ProcedureSignature* FindProcedure(std::string_view lowercase_name) {
  static const std::vector<ProcedureSignature>* const kAll =
      new std::vector<ProcedureSignature>{
          {Procedure::kPageRank,
           "algo.pagerank",
           {{"node", FieldKind::kNode}, {"score", FieldKind::kNumber}},
           -1},
          {Procedure::kComponents,
           "algo.components",
           {{"node", FieldKind::kNode}, {"component", FieldKind::kNumber}},
           -1},
          {Procedure::kBetweenness,
           "algo.betweenness",
           {{"node", FieldKind::kNode}, {"score", FieldKind::kNumber}},
           -1},
          {Procedure::kLabels, "db.labels", {{"label", FieldKind::kString}}, 0},
          {Procedure::kRelationshipTypes,
           "db.relationshiptypes",
           {{"relationshipType", FieldKind::kString}},
           0},
          {Procedure::kPropertyKeys,
           "db.propertykeys",
           {{"propertyKey", FieldKind::kString}},
           0},
      };
  for (const ProcedureSignature& p : *kAll) {
    if (p.name == lowercase_name) return &p;
  }
  return nullptr;
}

const ProcedureField* FindField(const ProcedureSignature& signature,
                                std::string_view name) {
  for (const ProcedureField& f : signature.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace dossier::query
