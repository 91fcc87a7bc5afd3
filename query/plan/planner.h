// The planner: BoundQuery → LogicalPlan.
//
// Reading clauses become chains of operators that extend each input row
// (scan, seek, expand, ...) starting from Once; OPTIONAL MATCH, pattern
// predicates and EXISTS subqueries run an inner plan whose leaf is an
// Argument (the outer row). Write clauses are fenced by Eager operators so
// that every clause sees the effects of the previous one as a whole.
#ifndef DOSSIER_QUERY_PLAN_PLANNER_H_
#define DOSSIER_QUERY_PLAN_PLANNER_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/bind/bound_query.h"
#include "query/plan/logical_plan.h"

namespace dossier::query {

// Plans a whole statement. Errors: InvalidArgument for constructs the
// binder let through but the planner cannot run.
absl::StatusOr<LogicalPlan> Plan(const BoundQuery& query);

// Plans `patterns` (and `where`, may be null) as one MATCH over rows of
// `argument` (the slots of the outer row). The result's leaf is an
// Argument; its layout starts with `argument`'s slots.
absl::StatusOr<std::unique_ptr<LogicalOp>> PlanPatternSubquery(
    const Layout& argument, const std::vector<const PathPattern*>& patterns,
    const Expr* where);

// Plans the clauses of an EXISTS subquery over rows of `argument`.
absl::StatusOr<std::unique_ptr<LogicalOp>> PlanSubquery(
    const Layout& argument, const SingleQuery& query);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PLAN_PLANNER_H_
