// Rewrites of a LogicalPlan after planning, in place. Each rule keeps the
// plan's answers (as multisets, or as sets under a DISTINCT it checks for)
// and lives in its own file; Optimize runs them in the order listed in
// optimize.cc, with the reason for that order.
#ifndef DOSSIER_QUERY_PLAN_OPTIMIZE_H_
#define DOSSIER_QUERY_PLAN_OPTIMIZE_H_

#include <memory>

#include "query/plan/logical_plan.h"

namespace dossier::query {

// Runs every rule over the operator tree `*root` (may be null); a rule
// may replace the root.
void Optimize(std::unique_ptr<LogicalOp>* root);

namespace internal {

// rule_bfs_expand.cc: Distinct ← Projection ← Filter* ← VarLengthExpand
// becomes … ← BfsExpand when the relationship list is not read, the
// pattern is directed and its lower bound is 0 or 1; the Distinct itself
// goes when the rows are unique already. Returns the number of expansions
// rewritten.
int RewriteDistinctReachToBfs(std::unique_ptr<LogicalOp>* root);

// rule_expand_count.cc: Aggregate [count(*) …] ← Expand becomes an
// ExpandCount over the Expand's input when every grouping key reads only
// the input row or is type() of the relationship. Returns the number of
// aggregates rewritten.
int RewriteCountOverExpand(LogicalOp* root);

// rule_top_k.cc: Limit ← [Skip ←] Sort becomes Limit ← [Skip ←] TopK,
// a Sort that keeps only the first SKIP + LIMIT rows of its order.
// Returns the number of sorts rewritten.
int RewriteSortLimitToTopK(LogicalOp* root);

// rule_bfs_count.cc: Aggregate [count(*) …] without keys ← Filter* ←
// BfsExpand becomes a BfsCount over that subtree, which counts the pairs
// from many start rows at once without a row per pair. Returns the number
// of counts rewritten.
int RewriteReachCount(std::unique_ptr<LogicalOp>* root);

// rule_count_top_k.cc: TopK ← [renaming Projection ←] ExpandCount tells
// the ExpandCount the TopK's order and bound, when every sort key reads one
// of its outputs, so that it outputs only the groups the TopK can keep.
// Returns the number of ExpandCounts told.
int RewriteTopKIntoExpandCount(LogicalOp* root);

// rule_count_rows.cc: Aggregate [count(*) …] without keys ← Projection of
// variables passed through becomes Aggregate ← the Projection's input.
// Returns the number of projections dropped.
int RewriteCountOverPassThrough(LogicalOp* root);

}  // namespace internal
}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PLAN_OPTIMIZE_H_
