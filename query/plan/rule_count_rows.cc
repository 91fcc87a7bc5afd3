// Rule: count(*) without grouping keys does not need the rows projected.
//
//   Aggregate keys [] aggregates [count(*)…] ← Projection v1, v2… ← in
//
// becomes Aggregate ← in when every item of the Projection passes a
// variable of `in` through unchanged (no expression that could fail or
// write) and the Projection keeps no other input. count(*) reads no
// value, so the count is that of the rows of `in`; only the copying of
// each row into its projected form is saved. This is the shape
// `WITH DISTINCT a, b RETURN count(*)` leaves once RewriteDistinctReachToBfs
// has found the pairs unique and dropped the Distinct.
#include <memory>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

bool TryRewrite(LogicalOp* agg) {
  if (!agg->items.empty() || !IsCountStarOnly(*agg) ||
      agg->children.size() != 1) {
    return false;
  }
  LogicalOp* proj = agg->children[0].get();
  if (proj->kind != LogicalOpKind::kProjection || proj->keep_input ||
      proj->children.size() != 1) {
    return false;
  }
  const Layout& input = proj->children[0]->layout;
  for (const NamedExpr& it : proj->items) {
    if (it.expr == nullptr) {
      if (!input.Has(it.name)) return false;
      continue;
    }
    if (it.expr->kind() != ExprKind::kVariable ||
        !input.Has(it.expr->As<VariableExpr>().name)) {
      return false;
    }
  }
  agg->children[0] = std::move(proj->children[0]);
  return true;
}

int Walk(LogicalOp* op) {
  int n = 0;
  if (op->kind == LogicalOpKind::kAggregate && TryRewrite(op)) ++n;
  for (auto& c : op->children) n += Walk(c.get());
  return n;
}

}  // namespace

int RewriteCountOverPassThrough(LogicalOp* root) { return Walk(root); }

}  // namespace dossier::query::internal
