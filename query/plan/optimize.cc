// The order of the rewrite rules, and why.
//
// 1. RewriteDistinctReachToBfs: runs on the plan as planned (predicates
//    already pushed down by the planner), so it sees each expansion with
//    only the Filters the pattern and WHERE put above it.
// 2. RewriteCountOverPassThrough: after 1, which leaves the Projection of
//    `WITH DISTINCT a, b` bare under a count(*) when it drops the Distinct;
//    before 3, so that an Expand it uncovers under a count(*) becomes an
//    ExpandCount (`WITH a, r, b RETURN count(*)`).
// 3. RewriteCountOverExpand: needs an Expand right under the Aggregate
//    (1 works on a VarLengthExpand under a Distinct).
// 4. RewriteSortLimitToTopK: independent of the others (it reads only the
//    Sort, Skip and Limit the projection planned).
// 5. RewriteReachCount: after 2, which drops the Projection between the
//    count and the BfsExpand's Filters.
// 6. RewriteTopKIntoExpandCount: after 3 and 4, whose ExpandCount and TopK
//    it joins.
#include "query/plan/optimize.h"

namespace dossier::query {

void Optimize(std::unique_ptr<LogicalOp>* root) {
  if (*root == nullptr) return;
  internal::RewriteDistinctReachToBfs(root);
  internal::RewriteCountOverPassThrough(root->get());
  internal::RewriteCountOverExpand(root->get());
  internal::RewriteReachCount(root);
  internal::RewriteSortLimitToTopK(root->get());
  internal::RewriteTopKIntoExpandCount(root->get());
}

}  // namespace dossier::query
