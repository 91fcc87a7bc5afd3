// Rule: ORDER BY under LIMIT keeps only the rows LIMIT can return.
//
//   Limit l ← Sort keys ← in          Limit l ← Skip s ← Sort keys ← in
//
// turns the Sort into a TopK of the same keys that keeps the first l (or
// s + l) rows of the sorted order in a bounded heap (query/exec/
// ops_projection.cc). Skip and Limit stay above it and still check their
// counts. The TopK orders ties by arrival, as the stable Sort does, so the
// rows that reach the Limit are the same rows in the same order; it still
// reads every input row and evaluates every key (same errors, same writes
// below it).
#include <memory>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

bool TryRewrite(LogicalOp* limit) {
  if (limit->count == nullptr || limit->children.size() != 1) return false;
  LogicalOp* below = limit->children[0].get();
  const Expr* skip = nullptr;
  if (below->kind == LogicalOpKind::kSkip) {
    if (below->count == nullptr || below->children.size() != 1) return false;
    skip = below->count;
    below = below->children[0].get();
  }
  if (below->kind != LogicalOpKind::kSort) return false;
  below->kind = LogicalOpKind::kTopK;
  below->count = limit->count;
  below->skip = skip;
  return true;
}

int Walk(LogicalOp* op) {
  int n = 0;
  if (op->kind == LogicalOpKind::kLimit && TryRewrite(op)) ++n;
  for (auto& c : op->children) n += Walk(c.get());
  return n;
}

}  // namespace

int RewriteSortLimitToTopK(LogicalOp* root) { return Walk(root); }

}  // namespace dossier::query::internal
