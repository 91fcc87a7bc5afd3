// Binding of MATCH patterns: variable kinds, re-use, property maps.
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/bind/binder_internal.h"

namespace dossier::query::internal {

namespace {
bool Compatible(VarKind have, VarKind want) {
  return have == VarKind::kAny || have == VarKind::kNull || have == want;
}
}  // namespace

absl::Status Binder::BindPatternVariables(const PathPattern& p, Scope* scope,
                                          std::vector<std::string>* clause_rels,
                                          const Scope& before) {
  for (const NodePattern& n : p.nodes) {
    if (!n.variable.empty()) {
      if (scope->Has(n.variable)) {
        if (!Compatible(scope->Kind(n.variable), VarKind::kNode)) {
          return Error(n.span, "VariableTypeConflict",
                       "variable `" + n.variable + "` is not a node");
        }
      } else {
        scope->Add(n.variable, VarKind::kNode);
      }
    }
  }
  for (const RelPattern& r : p.rels) {
    if (r.variable.empty()) continue;
    VarKind want = r.var_length ? VarKind::kRelList : VarKind::kRel;
    if (std::find(clause_rels->begin(), clause_rels->end(), r.variable) !=
        clause_rels->end()) {
      if (!Compatible(scope->Kind(r.variable), want)) {
        return Error(r.span, "VariableTypeConflict",
                     "variable `" + r.variable + "` is not a relationship");
      }
      return Error(r.span, "RelationshipUniquenessViolation",
                   "relationship `" + r.variable + "` is used twice");
    }
    clause_rels->push_back(r.variable);
    if (scope->Has(r.variable)) {
      VarKind have = scope->Kind(r.variable);
      bool ok = have == VarKind::kAny || have == VarKind::kNull || have == want ||
                (want == VarKind::kRelList && have == VarKind::kList);
      if (!ok || !before.Has(r.variable)) {
        return Error(r.span, "VariableTypeConflict",
                     "variable `" + r.variable + "` is not a relationship");
      }
    } else {
      scope->Add(r.variable, want);
    }
  }
  // Property maps may use the pattern's own variables.
  for (const NodePattern& n : p.nodes) {
    if (n.properties && n.properties->kind() == ExprKind::kParameter) {
      return Error(n.properties->span, "InvalidParameterUse",
                   "a parameter cannot be a pattern's property map");
    }
    if (n.properties) DOSSIER_RETURN_IF_ERROR(BindExpr(*n.properties, *scope, {}));
  }
  for (const RelPattern& r : p.rels) {
    if (r.properties && r.properties->kind() == ExprKind::kParameter) {
      return Error(r.properties->span, "InvalidParameterUse",
                   "a parameter cannot be a pattern's property map");
    }
    if (r.properties) DOSSIER_RETURN_IF_ERROR(BindExpr(*r.properties, *scope, {}));
  }
  if (!p.variable.empty()) {
    if (scope->Has(p.variable)) {
      return Error(p.span, "VariableAlreadyBound",
                   "variable `" + p.variable + "` already declared");
    }
    scope->Add(p.variable, VarKind::kPath);
  }
  return absl::OkStatus();
}

absl::Status Binder::BindMatch(const MatchClause& m, Scope* scope) {
  Scope before = *scope;
  std::vector<std::string> clause_rels;
  for (const PathPattern& p : m.patterns) {
    DOSSIER_RETURN_IF_ERROR(BindPatternVariables(p, scope, &clause_rels, before));
    if (p.shortest != ShortestKind::kNone) {
      if (p.rels.size() != 1) {
        return Error(p.span, "InvalidArgumentType",
                     "shortestPath needs a single relationship pattern");
      }
    }
  }
  if (m.where != nullptr) {
    DOSSIER_RETURN_IF_ERROR(BindExpr(*m.where, *scope, {}));
    VarKind k = InferKind(*m.where, *scope);
    if (k != VarKind::kAny && k != VarKind::kBool && k != VarKind::kNull) {
      return Error(m.where->span, "InvalidArgumentType",
                   "WHERE expects a BOOLEAN");
    }
  }
  return absl::OkStatus();
}

}  // namespace dossier::query::internal
