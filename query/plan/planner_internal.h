// Internal to query/plan/: the Planner's shared state and helpers.
#ifndef DOSSIER_QUERY_PLAN_PLANNER_INTERNAL_H_
#define DOSSIER_QUERY_PLAN_PLANNER_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/plan/logical_plan.h"

namespace dossier::query::internal {

using OpPtr = std::unique_ptr<LogicalOp>;

// Makes an operator over `child` (may be null) with the child's layout.
OpPtr MakeOp(LogicalOpKind kind, OpPtr child);

// Splits `e` into its AND conjuncts.
void Conjuncts(const Expr* e, std::vector<const Expr*>* out);

// Collects the variables `e` reads into *vars. False when `e` holds an
// expression that opens a scope or runs a sub-plan (comprehensions,
// quantifiers, reduce, pattern predicates, EXISTS, map projections), whose
// variables the planner does not follow: callers then treat `e` as reading
// anything (a WHERE conjunct stays on top; a rewrite does not apply).
bool FreeVariables(const Expr& e, std::vector<std::string>* vars);

// True when `e` holds an aggregate call (outside subqueries).
bool ContainsAggregate(const Expr& e);
// True when every aggregate of `agg` (at least one) is count(*).
bool IsCountStarOnly(const LogicalOp& agg);
// Appends the outermost aggregate calls inside `e`.
void CollectAggregates(const Expr& e, std::vector<const Expr*>* out);

// Maps each subexpression of `e` whose canonical text is a key of
// `text_slots` to that slot (outermost match wins).
void CollectOverrides(const Expr& e,
                      const std::vector<std::pair<std::string, int>>& text_slots,
                      ExprSlots* out);

class Planner {
 public:
  // A fresh hidden slot name.
  std::string Hidden(std::string_view what) {
    return " " + std::string(what) + std::to_string(next_hidden_++);
  }

  absl::StatusOr<OpPtr> PlanSingleQuery(OpPtr input, const SingleQuery& q);
  absl::StatusOr<OpPtr> PlanMatch(OpPtr input,
                                  const std::vector<const PathPattern*>& pats,
                                  const Expr* where, bool optional);
  absl::StatusOr<OpPtr> PlanPatterns(
      OpPtr input, const std::vector<const PathPattern*>& pats,
      const Expr* where);
  absl::StatusOr<OpPtr> PlanProjection(OpPtr input, const Projection& proj,
                                       const Expr* where);
  absl::StatusOr<OpPtr> PlanWrite(OpPtr input, const Clause& clause);
  absl::StatusOr<OpPtr> PlanCall(OpPtr input, const Clause& clause);

 private:
  // Binds the first node of a pattern part; returns its slot.
  absl::StatusOr<OpPtr> PlanStartNode(OpPtr input, const NodePattern& node,
                                      const std::vector<const Expr*>& conj,
                                      int* slot);
  int next_hidden_ = 0;
};

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_PLAN_PLANNER_INTERNAL_H_
