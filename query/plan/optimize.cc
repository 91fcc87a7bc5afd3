// The order of the rewrite rules, and why.
//
// 1. RewriteDistinctReachToBfs: runs on the plan as planned (predicates
//    already pushed down by the planner), so it sees each expansion with
//    only the Filters the pattern and WHERE put above it.
// 2. RewriteCountOverExpand: independent of 1 (it needs an Expand right
//    under an Aggregate, 1 a VarLengthExpand under a Distinct).
// 3. RewriteSortLimitToTopK: independent of both (it reads only the Sort,
//    Skip and Limit the projection planned).
// 4. RewriteCountOverPassThrough: after 1, which leaves the Projection of
//    `WITH DISTINCT a, b` bare under a count(*) when it drops the Distinct;
//    after 2, which needs an Expand right under the Aggregate and would not
//    find one under a Projection anyway.
#include "query/plan/optimize.h"

namespace dossier::query {

void Optimize(std::unique_ptr<LogicalOp>* root) {
  if (*root == nullptr) return;
  internal::RewriteDistinctReachToBfs(root);
  internal::RewriteCountOverExpand(root->get());
  internal::RewriteSortLimitToTopK(root->get());
  internal::RewriteCountOverPassThrough(root->get());
}

}  // namespace dossier::query
