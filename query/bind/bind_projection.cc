// Binding of RETURN and WITH: items, aliases, aggregation, ORDER BY,
// SKIP/LIMIT; the new scope holds only the projected variables.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/bind/binder_internal.h"
#include "query/values/aggregate.h"

namespace dossier::query::internal {

namespace {

bool HasAggregate(const Expr& e) {
  if (e.kind() == ExprKind::kFunctionCall &&
      IsAggregateFunction(e.As<FunctionCallExpr>().name)) {
    return true;
  }
  bool found = false;
  ForEachChild(e, [&](const Expr& c) { found = found || HasAggregate(c); });
  return found;
}

// Variables used by `e` outside aggregate calls (locals excluded roughly:
// comprehension variables are skipped by name).
void FreeVariables(const Expr& e, std::set<std::string>* out,
                   std::set<std::string> locals = {}) {
  if (e.kind() == ExprKind::kFunctionCall &&
      IsAggregateFunction(e.As<FunctionCallExpr>().name)) {
    return;
  }
  if (e.kind() == ExprKind::kVariable) {
    const auto& n = e.As<VariableExpr>().name;
    if (!locals.count(n)) out->insert(n);
    return;
  }
  if (e.kind() == ExprKind::kListComprehension) {
    locals.insert(e.As<ListComprehensionExpr>().variable);
  } else if (e.kind() == ExprKind::kQuantifier) {
    locals.insert(e.As<QuantifierExpr>().variable);
  } else if (e.kind() == ExprKind::kReduce) {
    locals.insert(e.As<ReduceExpr>().variable);
    locals.insert(e.As<ReduceExpr>().accumulator);
  }
  ForEachChild(e, [&](const Expr& c) { FreeVariables(c, out, locals); });
}

bool CallsRand(const Expr& e) {
  if (e.kind() == ExprKind::kFunctionCall && e.As<FunctionCallExpr>().name == "rand") {
    return true;
  }
  bool found = false;
  ForEachChild(e, [&](const Expr& c) { found = found || CallsRand(c); });
  return found;
}

// Fails with UndefinedVariable for a variable outside `scope` that is not
// inside a subexpression equal to one of `texts` (a projected item).
absl::Status CheckVisible(const Binder& b, const Expr& e, const Scope& scope,
                          const std::vector<std::string>& texts,
                          std::set<std::string> locals = {}) {
  std::string t = ToString(e);
  for (const auto& x : texts) {
    if (x == t) return absl::OkStatus();
  }
  if (e.kind() == ExprKind::kVariable) {
    const auto& n = e.As<VariableExpr>().name;
    if (!scope.Has(n) && !locals.count(n)) {
      return b.Error(e.span, "UndefinedVariable", "variable `" + n + "` not defined");
    }
    return absl::OkStatus();
  }
  if (e.kind() == ExprKind::kListComprehension) {
    locals.insert(e.As<ListComprehensionExpr>().variable);
  } else if (e.kind() == ExprKind::kQuantifier) {
    locals.insert(e.As<QuantifierExpr>().variable);
  } else if (e.kind() == ExprKind::kReduce) {
    locals.insert(e.As<ReduceExpr>().variable);
    locals.insert(e.As<ReduceExpr>().accumulator);
  }
  absl::Status st;
  ForEachChild(e, [&](const Expr& c) {
    if (st.ok()) st = CheckVisible(b, c, scope, texts, locals);
  });
  return st;
}

bool UsesVariables(const Expr& e) {
  std::set<std::string> vars;
  FreeVariables(e, &vars);
  if (!vars.empty()) return true;
  bool pattern = false;
  std::function<void(const Expr&)> walk = [&](const Expr& x) {
    if (x.kind() == ExprKind::kPatternPredicate ||
        x.kind() == ExprKind::kPatternComprehension ||
        x.kind() == ExprKind::kExistsSubquery) {
      pattern = true;
    }
    ForEachChild(x, walk);
  };
  walk(e);
  return pattern;
}

}  // namespace

absl::Status Binder::BindProjection(const Projection& p, const Expr* where,
                                    bool is_return, SourceSpan span,
                                    Scope* scope,
                                    std::vector<std::string>* columns) {
  Scope next;
  columns->clear();
  if (p.star) {
    std::vector<std::string> names;
    for (const auto& [name, kind] : scope->vars) names.push_back(name);
    if (names.empty() && is_return) {
      return Error(span, "NoVariablesInScope",
                   "RETURN * / WITH * needs variables in scope");
    }
    for (const auto& n : names) {
      next.Add(n, scope->Kind(n));
      columns->push_back(n);
    }
  }
  bool aggregating = false;
  std::set<std::string> seen(columns->begin(), columns->end());
  for (const ProjectionItem& it : p.items) {
    ExprContext ctx;
    ctx.allow_aggregates = true;
    DOSSIER_RETURN_IF_ERROR(BindExpr(*it.expr, *scope, ctx));
    const std::string& name = it.ColumnName();
    if (!seen.insert(name).second) {
      return Error(it.span, "ColumnNameConflict",
                   "multiple result columns with the same name `" + name + "`");
    }
    columns->push_back(name);
    VarKind k = InferKind(*it.expr, *scope);
    next.Add(name, k);
    if (HasAggregate(*it.expr)) aggregating = true;
    if (HasAggregate(*it.expr) && CallsRand(*it.expr)) {
      return Error(it.span, "NonConstantExpression",
                   "an aggregate cannot take a non-deterministic argument");
    }
  }
  // Inside an aggregating item, what is not aggregated must be a grouping
  // key: a variable key, or an expression equal to a variable or property
  // key item.
  std::set<std::string> keys_vars;
  std::vector<std::string> key_texts;
  for (const ProjectionItem& it : p.items) {
    if (HasAggregate(*it.expr)) continue;
    if (it.expr->kind() == ExprKind::kVariable ||
        it.expr->kind() == ExprKind::kProperty) {
      key_texts.push_back(ToString(*it.expr));
    }
    if (it.expr->kind() == ExprKind::kVariable) {
      keys_vars.insert(it.expr->As<VariableExpr>().name);
    }
  }
  bool in_order_by = false;
  std::set<std::string> item_vars;  // Variables used by the items.
  std::vector<std::string> agg_texts;  // Aggregate calls of the items.
  for (const ProjectionItem& it : p.items) {
    FreeVariables(*it.expr, &item_vars);
    std::function<void(const Expr&)> collect = [&](const Expr& x) {
      if (x.kind() == ExprKind::kFunctionCall &&
          IsAggregateFunction(x.As<FunctionCallExpr>().name)) {
        agg_texts.push_back(ToString(x));
        return;
      }
      ForEachChild(x, collect);
    };
    collect(*it.expr);
    std::function<void(const Expr&)> all_vars = [&](const Expr& x) {
      if (x.kind() == ExprKind::kVariable) item_vars.insert(x.As<VariableExpr>().name);
      ForEachChild(x, all_vars);
    };
    all_vars(*it.expr);
  }
  std::function<absl::Status(const Expr&, std::set<std::string>)> check =
      [&](const Expr& e, std::set<std::string> locals) -> absl::Status {
    std::string t = ToString(e);
    if (e.kind() == ExprKind::kFunctionCall &&
        IsAggregateFunction(e.As<FunctionCallExpr>().name)) {
      if (!in_order_by) return absl::OkStatus();
      for (const auto& a : agg_texts) {
        if (a == t) return absl::OkStatus();
      }
      std::set<std::string> vars;
      std::function<void(const Expr&)> all_vars = [&](const Expr& x) {
        if (x.kind() == ExprKind::kVariable) vars.insert(x.As<VariableExpr>().name);
        ForEachChild(x, all_vars);
      };
      all_vars(e);
      for (const auto& v : vars) {
        if (!keys_vars.count(v) && !locals.count(v)) {
          return Error(e.span, "UndefinedVariable", "variable `" + v + "` not defined");
        }
      }
      return absl::OkStatus();
    }
    for (const auto& k : key_texts) {
      if (k == t) return absl::OkStatus();
    }
    if (e.kind() == ExprKind::kVariable) {
      const std::string& n = e.As<VariableExpr>().name;
      if (!keys_vars.count(n) && !locals.count(n)) {
        if (in_order_by && !item_vars.count(n)) {
          return Error(e.span, "UndefinedVariable",
                       "variable `" + t + "` not defined");
        }
        return Error(e.span, "AmbiguousAggregationExpression",
                     "`" + t + "` is neither aggregated nor a grouping key");
      }
      return absl::OkStatus();
    }
    if (e.kind() == ExprKind::kListComprehension) {
      locals.insert(e.As<ListComprehensionExpr>().variable);
    } else if (e.kind() == ExprKind::kQuantifier) {
      locals.insert(e.As<QuantifierExpr>().variable);
    } else if (e.kind() == ExprKind::kReduce) {
      locals.insert(e.As<ReduceExpr>().variable);
      locals.insert(e.As<ReduceExpr>().accumulator);
    }
    absl::Status st;
    ForEachChild(e, [&](const Expr& c) {
      if (st.ok()) st = check(c, locals);
    });
    return st;
  };
  if (aggregating) {
    for (const ProjectionItem& it : p.items) {
      if (HasAggregate(*it.expr)) DOSSIER_RETURN_IF_ERROR(check(*it.expr, {}));
    }
    // Projected aliases are grouping keys for ORDER BY.
    for (const auto& c : *columns) keys_vars.insert(c);
  }
  // ORDER BY sees the projected names, and the old ones unless DISTINCT or
  // aggregation hides them.
  Scope order_scope = next;
  if (!p.distinct && !aggregating) {
    for (const auto& [name, kind] : scope->vars) {
      if (!order_scope.Has(name)) order_scope.Add(name, kind);
    }
  }
  for (const SortItem& s : p.order_by) {
    ExprContext ctx;
    ctx.allow_aggregates = true;
    Scope sc = order_scope;
    absl::Status st = BindExpr(*s.expr, sc, ctx);
    if (!st.ok() && (aggregating || p.distinct)) {
      // Allow expressions equal to a projected item.
      bool same = false;
      for (const ProjectionItem& it : p.items) {
        if (ToString(*it.expr) == ToString(*s.expr)) same = true;
      }
      if (!same) {
        if (HasAggregate(*s.expr)) {
          ExprContext c2;
          c2.allow_aggregates = true;
          Scope wide = order_scope;
          for (const auto& [name, kind] : scope->vars) {
            if (!wide.Has(name)) wide.Add(name, kind);
          }
          DOSSIER_RETURN_IF_ERROR(BindExpr(*s.expr, wide, c2));
        } else {
          return st;
        }
      }
    } else if (!st.ok()) {
      return st;
    }
    if (aggregating && HasAggregate(*s.expr)) {
      in_order_by = true;
      DOSSIER_RETURN_IF_ERROR(check(*s.expr, {}));
    }
    if (!aggregating && HasAggregate(*s.expr)) {
      return Error(s.expr->span, "InvalidAggregation",
                   "aggregation in ORDER BY needs an aggregating projection");
    }
  }
  for (const ProjectionItem& it : p.items) {
    if (!is_return && it.alias.empty() &&
        it.expr->kind() != ExprKind::kVariable) {
      return Error(it.span, "NoExpressionAlias",
                   "an expression in WITH must be aliased (use AS)");
    }
  }
  for (const Expr* e : {p.skip.get(), p.limit.get()}) {
    if (e == nullptr) continue;
    if (UsesVariables(*e)) {
      return Error(e->span, "NonConstantExpression",
                   "SKIP and LIMIT take a constant expression");
    }
    DOSSIER_RETURN_IF_ERROR(BindExpr(*e, Scope{}, {}));
  }
  if (where != nullptr && !aggregating && !p.distinct) {
    Scope wide = next;
    for (const auto& [name, kind] : scope->vars) {
      if (!wide.Has(name)) wide.Add(name, kind);
    }
    DOSSIER_RETURN_IF_ERROR(BindExpr(*where, wide, {}));
  } else if (where != nullptr) {
    absl::Status st = BindExpr(*where, next, {});
    if (!st.ok()) {
      // WHERE may repeat a projected expression over the old variables.
      std::vector<std::string> texts;
      for (const ProjectionItem& it : p.items) texts.push_back(ToString(*it.expr));
      Scope wide = next;
      for (const auto& [name, kind] : scope->vars) {
        if (!wide.Has(name)) wide.Add(name, kind);
      }
      if (!CheckVisible(*this, *where, next, texts).ok() ||
          !BindExpr(*where, wide, {}).ok()) {
        return st;
      }
    }
  }
  *scope = std::move(next);
  return absl::OkStatus();
}

}  // namespace dossier::query::internal
