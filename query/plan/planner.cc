// The planner's entry points and its walk over clauses.
#include "query/plan/planner.h"

#include <string>
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"
#include "query/procedures.h"
#include "query/values/aggregate.h"
#include "query/values/errors.h"

namespace dossier::query {
namespace internal {

OpPtr MakeOp(LogicalOpKind kind, OpPtr child) {
  auto op = std::make_unique<LogicalOp>();
  op->kind = kind;
  if (child != nullptr) {
    op->layout = child->layout;
    op->children.push_back(std::move(child));
  }
  return op;
}

void Conjuncts(const Expr* e, std::vector<const Expr*>* out) {
  if (e == nullptr) return;
  if (e->kind() == ExprKind::kBinary &&
      e->As<BinaryExpr>().op == BinaryOp::kAnd) {
    Conjuncts(e->As<BinaryExpr>().lhs.get(), out);
    Conjuncts(e->As<BinaryExpr>().rhs.get(), out);
    return;
  }
  out->push_back(e);
}

bool FreeVariables(const Expr& e, std::vector<std::string>* vars) {
  switch (e.kind()) {
    case ExprKind::kListComprehension:
    case ExprKind::kPatternComprehension:
    case ExprKind::kQuantifier:
    case ExprKind::kReduce:
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery:
    case ExprKind::kMapProjection:
      return false;
    case ExprKind::kVariable:
      vars->push_back(e.As<VariableExpr>().name);
      return true;
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kProperty:
    case ExprKind::kSubscript:
    case ExprKind::kSlice:
    case ExprKind::kList:
    case ExprKind::kMap:
    case ExprKind::kUnary:
    case ExprKind::kBinary:
    case ExprKind::kComparison:
    case ExprKind::kFunctionCall:
    case ExprKind::kCase:
    case ExprKind::kIsNull:
    case ExprKind::kLabelCheck:
      break;
  }
  bool ok = true;
  ForEachChild(e, [&](const Expr& c) { ok = ok && FreeVariables(c, vars); });
  return ok;
}

namespace {
bool IsAggregateCall(const Expr& e) {
  return e.kind() == ExprKind::kFunctionCall &&
         IsAggregateFunction(e.As<FunctionCallExpr>().name);
}
}  // namespace

bool ContainsAggregate(const Expr& e) {
  if (IsAggregateCall(e)) return true;
  bool found = false;
  ForEachChild(e, [&](const Expr& c) {
    if (!found && ContainsAggregate(c)) found = true;
  });
  return found;
}

bool IsCountStarOnly(const LogicalOp& agg) {
  if (agg.aggregates.empty()) return false;
  for (const Expr* a : agg.aggregates) {
    if (a->kind() != ExprKind::kFunctionCall) return false;
    const auto& call = a->As<FunctionCallExpr>();
    if (call.name != "count" || !call.star || call.distinct) return false;
  }
  return true;
}

void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
  if (IsAggregateCall(e)) {
    out->push_back(&e);
    return;
  }
  ForEachChild(e, [&](const Expr& c) { CollectAggregates(c, out); });
}

void CollectOverrides(const Expr& e,
                      const std::vector<std::pair<std::string, int>>& text_slots,
                      ExprSlots* out) {
  std::string text = ToString(e);
  for (const auto& [t, slot] : text_slots) {
    if (t == text) {
      out->emplace(&e, slot);
      return;
    }
  }
  ForEachChild(e, [&](const Expr& c) { CollectOverrides(c, text_slots, out); });
}

namespace {

bool IsWrite(ClauseKind k) {
  switch (k) {
    case ClauseKind::kCreate:
    case ClauseKind::kMerge:
    case ClauseKind::kSet:
    case ClauseKind::kRemove:
    case ClauseKind::kDelete:
      return true;
    case ClauseKind::kMatch:
    case ClauseKind::kUnwind:
    case ClauseKind::kWith:
    case ClauseKind::kReturn:
    case ClauseKind::kCall:
      return false;
  }
  return false;
}

}  // namespace

absl::StatusOr<OpPtr> Planner::PlanSingleQuery(OpPtr op, const SingleQuery& q) {
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    const Clause& c = q.clauses[i];
    switch (c.kind()) {
      case ClauseKind::kMatch: {
        const auto& m = c.As<MatchClause>();
        std::vector<const PathPattern*> pats;
        for (const auto& p : m.patterns) pats.push_back(&p);
        DOSSIER_ASSIGN_OR_RETURN(
            op, PlanMatch(std::move(op), pats, m.where.get(), m.optional));
        break;
      }
      case ClauseKind::kUnwind: {
        const auto& u = c.As<UnwindClause>();
        OpPtr un = MakeOp(LogicalOpKind::kUnwind, std::move(op));
        un->count = u.list.get();
        un->slot = un->layout.Add(u.variable);
        op = std::move(un);
        break;
      }
      case ClauseKind::kWith: {
        const auto& w = c.As<WithClause>();
        DOSSIER_ASSIGN_OR_RETURN(
            op, PlanProjection(std::move(op), w.projection, w.where.get()));
        break;
      }
      case ClauseKind::kReturn: {
        DOSSIER_ASSIGN_OR_RETURN(
            op, PlanProjection(std::move(op), c.As<ReturnClause>().projection,
                               nullptr));
        break;
      }
      case ClauseKind::kCreate:
      case ClauseKind::kMerge:
      case ClauseKind::kSet:
      case ClauseKind::kRemove:
      case ClauseKind::kDelete: {
        // Writes see every row of the reads before them, and the clauses
        // after them see all of their effects.
        if (op->kind != LogicalOpKind::kOnce &&
            op->kind != LogicalOpKind::kArgument &&
            op->kind != LogicalOpKind::kEager) {
          op = MakeOp(LogicalOpKind::kEager, std::move(op));
        }
        DOSSIER_ASSIGN_OR_RETURN(op, PlanWrite(std::move(op), c));
        bool next_is_write =
            i + 1 < q.clauses.size() && IsWrite(q.clauses[i + 1].kind());
        if (!next_is_write) op = MakeOp(LogicalOpKind::kEager, std::move(op));
        break;
      }
      case ClauseKind::kCall: {
        DOSSIER_ASSIGN_OR_RETURN(op, PlanCall(std::move(op), c));
        break;
      }
    }
  }
  return op;
}

absl::StatusOr<OpPtr> Planner::PlanWrite(OpPtr input, const Clause& clause) {
  LogicalOpKind kind = LogicalOpKind::kCreate;
  switch (clause.kind()) {
    case ClauseKind::kCreate: kind = LogicalOpKind::kCreate; break;
    case ClauseKind::kMerge: kind = LogicalOpKind::kMerge; break;
    case ClauseKind::kSet: kind = LogicalOpKind::kSet; break;
    case ClauseKind::kRemove: kind = LogicalOpKind::kRemove; break;
    case ClauseKind::kDelete: kind = LogicalOpKind::kDelete; break;
    case ClauseKind::kMatch:
    case ClauseKind::kUnwind:
    case ClauseKind::kWith:
    case ClauseKind::kReturn:
    case ClauseKind::kCall:
      return absl::InternalError("not a write clause");
  }
  OpPtr op = MakeOp(kind, std::move(input));
  op->clause = &clause;
  auto add_pattern_vars = [&](const PathPattern& p) {
    for (const auto& n : p.nodes) {
      if (!n.variable.empty() && !op->layout.Has(n.variable))
        op->layout.Add(n.variable);
    }
    for (const auto& r : p.rels) {
      if (!r.variable.empty() && !op->layout.Has(r.variable))
        op->layout.Add(r.variable);
    }
    if (!p.variable.empty() && !op->layout.Has(p.variable))
      op->layout.Add(p.variable);
  };
  if (clause.kind() == ClauseKind::kCreate) {
    for (const auto& p : clause.As<CreateClause>().patterns) add_pattern_vars(p);
  } else if (clause.kind() == ClauseKind::kMerge) {
    add_pattern_vars(clause.As<MergeClause>().pattern);
  } else if (clause.kind() == ClauseKind::kDelete) {
    op->detach = clause.As<DeleteClause>().detach;
  }
  return op;
}

absl::StatusOr<OpPtr> Planner::PlanCall(OpPtr input, const Clause& clause) {
  const auto& call = clause.As<CallClause>();
  const ProcedureSignature* proc = FindProcedure(call.procedure);
  if (proc == nullptr) {
    return QueryError("ProcedureError", "ProcedureNotFound",
                      "unknown procedure " + call.original_procedure);
  }
  OpPtr op = MakeOp(LogicalOpKind::kProcedureCall, std::move(input));
  op->clause = &clause;
  if (call.yields.empty()) {
    for (const auto& f : proc->fields) {
      op->items.push_back({std::string(f.name), nullptr});
    }
  } else {
    for (const auto& y : call.yields) {
      if (FindField(*proc, y.field) == nullptr) {
        return QueryError(kSyntaxError, "UndefinedVariable",
                          "procedure " + call.original_procedure +
                              " has no output " + y.field);
      }
      op->items.push_back({y.field, nullptr});
    }
  }
  std::vector<NamedExpr> named;
  for (size_t i = 0; i < op->items.size(); ++i) {
    std::string alias = call.yields.empty() ? op->items[i].name
                                            : call.yields[i].alias;
    op->layout.Add(alias);
  }
  if (call.where != nullptr) {
    OpPtr f = MakeOp(LogicalOpKind::kFilter, std::move(op));
    f->predicate = call.where.get();
    return f;
  }
  return op;
}

}  // namespace internal

absl::StatusOr<LogicalPlan> Plan(const BoundQuery& query) {
  internal::Planner planner;
  LogicalPlan plan;
  plan.writes = query.writes;
  const Statement& st = *query.statement;
  internal::OpPtr root;
  for (size_t i = 0; i < st.queries.size(); ++i) {
    DOSSIER_ASSIGN_OR_RETURN(
        internal::OpPtr part,
        planner.PlanSingleQuery(
            internal::MakeOp(LogicalOpKind::kOnce, nullptr), st.queries[i]));
    if (root == nullptr) {
      root = std::move(part);
      continue;
    }
    internal::OpPtr u = internal::MakeOp(LogicalOpKind::kUnion, std::move(root));
    u->union_all = st.union_all[i - 1];
    u->children.push_back(std::move(part));
    root = std::move(u);
  }
  plan.columns = query.columns;
  plan.root = std::move(root);
  Optimize(&plan.root);
  return plan;
}

absl::StatusOr<std::unique_ptr<LogicalOp>> PlanPatternSubquery(
    const Layout& argument, const std::vector<const PathPattern*>& patterns,
    const Expr* where) {
  internal::Planner planner;
  internal::OpPtr arg = internal::MakeOp(LogicalOpKind::kArgument, nullptr);
  arg->layout = argument;
  return planner.PlanPatterns(std::move(arg), patterns, where);
}

absl::StatusOr<std::unique_ptr<LogicalOp>> PlanSubquery(
    const Layout& argument, const SingleQuery& query) {
  internal::Planner planner;
  internal::OpPtr arg = internal::MakeOp(LogicalOpKind::kArgument, nullptr);
  arg->layout = argument;
  return planner.PlanSingleQuery(std::move(arg), query);
}

}  // namespace dossier::query
