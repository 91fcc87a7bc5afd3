// Binding of CREATE, MERGE, SET, REMOVE and DELETE.
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/bind/binder_internal.h"

namespace dossier::query::internal {

namespace {

// Checks one pattern to be created; adds its new variables to `scope`.
absl::Status BindCreatedPattern(Binder* b, const PathPattern& p, Scope* scope,
                                bool merge) {
  Scope before = *scope;
  for (const NodePattern& n : p.nodes) {
    if (n.variable.empty()) continue;
    if (scope->Has(n.variable)) {
      VarKind k = scope->Kind(n.variable);
      if (k != VarKind::kAny && k != VarKind::kNode && k != VarKind::kNull) {
        return b->Error(n.span, "VariableTypeConflict",
                        "variable `" + n.variable + "` is not a node");
      }
      bool introduced_here = !before.Has(n.variable);
      // A bound node cannot be re-declared with labels or properties, nor
      // created again on its own.
      if (!n.labels.empty() || n.properties != nullptr ||
          (p.nodes.size() == 1 && !introduced_here)) {
        return b->Error(n.span, "VariableAlreadyBound",
                        "variable `" + n.variable + "` already declared");
      }
    } else {
      scope->Add(n.variable, VarKind::kNode);
    }
  }
  for (const RelPattern& r : p.rels) {
    if (!r.variable.empty() && scope->Has(r.variable)) {
      VarKind k = scope->Kind(r.variable);
      if (k != VarKind::kAny && k != VarKind::kRel && k != VarKind::kNull) {
        return b->Error(r.span, "VariableTypeConflict",
                        "variable `" + r.variable + "` is not a relationship");
      }
      return b->Error(r.span, "VariableAlreadyBound",
                      "variable `" + r.variable + "` already declared");
    }
    if (r.var_length) {
      return b->Error(r.span, "CreatingVarLength",
                      "variable-length relationships cannot be created");
    }
    if (r.types.size() != 1) {
      return b->Error(r.span, "NoSingleRelationshipType",
                      "a relationship to create needs exactly one type");
    }
    if (!merge && r.direction == Direction::kBoth) {
      return b->Error(r.span, "RequiresDirectedRelationship",
                      "a relationship to create needs a direction");
    }
    if (!r.variable.empty()) scope->Add(r.variable, VarKind::kRel);
  }
  for (const NodePattern& n : p.nodes) {
    if (n.properties == nullptr) continue;
    if (merge && n.properties->kind() == ExprKind::kParameter) {
      return b->Error(n.properties->span, "InvalidParameterUse",
                      "MERGE cannot take a parameter as a property map");
    }
    DOSSIER_RETURN_IF_ERROR(b->BindExpr(*n.properties, *scope, {}));
  }
  for (const RelPattern& r : p.rels) {
    if (r.properties == nullptr) continue;
    if (merge && r.properties->kind() == ExprKind::kParameter) {
      return b->Error(r.properties->span, "InvalidParameterUse",
                      "MERGE cannot take a parameter as a property map");
    }
    DOSSIER_RETURN_IF_ERROR(b->BindExpr(*r.properties, *scope, {}));
  }
  if (!p.variable.empty()) {
    if (scope->Has(p.variable)) {
      return b->Error(p.span, "VariableAlreadyBound",
                      "variable `" + p.variable + "` already declared");
    }
    scope->Add(p.variable, VarKind::kPath);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Binder::BindCreate(const CreateClause& c, Scope* scope) {
  for (const PathPattern& p : c.patterns) {
    DOSSIER_RETURN_IF_ERROR(BindCreatedPattern(this, p, scope, false));
  }
  return absl::OkStatus();
}

absl::Status Binder::BindMerge(const MergeClause& m, Scope* scope) {
  DOSSIER_RETURN_IF_ERROR(BindCreatedPattern(this, m.pattern, scope, true));
  for (const SetItem& item : m.on_create) {
    DOSSIER_RETURN_IF_ERROR(BindSetItem(item, *scope, item.span));
  }
  for (const SetItem& item : m.on_match) {
    DOSSIER_RETURN_IF_ERROR(BindSetItem(item, *scope, item.span));
  }
  return absl::OkStatus();
}

absl::Status Binder::BindSetItem(const SetItem& item, const Scope& scope,
                                 SourceSpan span) {
  switch (item.kind) {
    case SetItem::Kind::kProperty:
      DOSSIER_RETURN_IF_ERROR(BindExpr(*item.target, scope, {}));
      return BindExpr(*item.value, scope, {});
    case SetItem::Kind::kReplaceAll:
    case SetItem::Kind::kMergeMap:
    case SetItem::Kind::kLabels:
      if (!scope.Has(item.variable)) {
        return Error(item.span, "UndefinedVariable",
                     "variable `" + item.variable + "` not defined");
      }
      if (item.value != nullptr) return BindExpr(*item.value, scope, {});
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

absl::Status Binder::BindRemove(const RemoveClause& r, const Scope& scope,
                                SourceSpan span) {
  for (const RemoveItem& item : r.items) {
    switch (item.kind) {
      case RemoveItem::Kind::kProperty:
        DOSSIER_RETURN_IF_ERROR(BindExpr(*item.target, scope, {}));
        break;
      case RemoveItem::Kind::kLabels:
        if (!scope.Has(item.variable)) {
          return Error(item.span, "UndefinedVariable",
                       "variable `" + item.variable + "` not defined");
        }
        break;
    }
  }
  return absl::OkStatus();
}

absl::Status Binder::BindDelete(const DeleteClause& d, const Scope& scope,
                                SourceSpan span) {
  for (const auto& t : d.targets) {
    DOSSIER_RETURN_IF_ERROR(BindExpr(*t, scope, {}));
    switch (t->kind()) {
      case ExprKind::kLabelCheck:
        return Error(t->span, "InvalidDelete",
                     "DELETE expects a node, relationship or path");
      case ExprKind::kBinary:
      case ExprKind::kUnary:
      case ExprKind::kComparison:
      case ExprKind::kLiteral:
        return Error(t->span, "InvalidArgumentType",
                     "DELETE expects a node, relationship or path");
      case ExprKind::kParameter:
      case ExprKind::kVariable:
      case ExprKind::kProperty:
      case ExprKind::kSubscript:
      case ExprKind::kSlice:
      case ExprKind::kList:
      case ExprKind::kMap:
      case ExprKind::kMapProjection:
      case ExprKind::kFunctionCall:
      case ExprKind::kCase:
      case ExprKind::kListComprehension:
      case ExprKind::kPatternComprehension:
      case ExprKind::kQuantifier:
      case ExprKind::kReduce:
      case ExprKind::kPatternPredicate:
      case ExprKind::kExistsSubquery:
      case ExprKind::kIsNull:
        break;
    }
    VarKind k = InferKind(*t, scope);
    if (k == VarKind::kBool || k == VarKind::kNumber || k == VarKind::kString ||
        k == VarKind::kMap) {
      return Error(t->span, "InvalidArgumentType",
                   "DELETE expects a node, relationship or path");
    }
  }
  return absl::OkStatus();
}

}  // namespace dossier::query::internal
