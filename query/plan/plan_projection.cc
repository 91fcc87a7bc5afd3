// Planning of RETURN and WITH: projection, aggregation, DISTINCT, ORDER BY,
// SKIP, LIMIT and WITH's WHERE.
#include <algorithm>
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

absl::StatusOr<OpPtr> Planner::PlanProjection(OpPtr op, const Projection& proj,
                                              const Expr* where) {
  // The items: `*` first (visible variables in name order), then the rest.
  std::vector<NamedExpr> items;
  if (proj.star) {
    std::vector<std::string> names;
    for (const auto& n : op->layout.names()) {
      if (!IsHiddenName(n) &&
          std::find(names.begin(), names.end(), n) == names.end()) {
        names.push_back(n);
      }
    }
    std::sort(names.begin(), names.end());
    for (auto& n : names) items.push_back({n, nullptr});
  }
  for (const ProjectionItem& it : proj.items) {
    items.push_back({it.ColumnName(), it.expr.get()});
  }
  bool aggregating = false;
  for (const NamedExpr& it : items) {
    if (it.expr != nullptr && ContainsAggregate(*it.expr)) aggregating = true;
  }
  bool needs_sort = !proj.order_by.empty();
  // WITH's WHERE, like ORDER BY, may read the variables before the WITH.
  bool keep = needs_sort || where != nullptr;

  // Text of each item's expression → its output slot (for ORDER BY and
  // for expressions repeating a grouping key).
  std::vector<std::pair<std::string, int>> item_slots;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].expr != nullptr) {
      item_slots.emplace_back(ToString(*items[i].expr), static_cast<int>(i));
    }
  }

  if (aggregating) {
    OpPtr agg = MakeOp(LogicalOpKind::kAggregate, std::move(op));
    Layout out;
    std::vector<std::pair<std::string, int>> key_slots;
    for (const NamedExpr& it : items) {
      if (it.expr != nullptr && ContainsAggregate(*it.expr)) continue;
      int slot = out.Add(it.name);
      agg->items.push_back(it);
      if (it.expr != nullptr) key_slots.emplace_back(ToString(*it.expr), slot);
    }
    for (const NamedExpr& it : items) {
      if (it.expr == nullptr || !ContainsAggregate(*it.expr)) continue;
      std::vector<const Expr*> calls;
      CollectAggregates(*it.expr, &calls);
      for (const Expr* c : calls) {
        agg->overrides.emplace(c, out.size());
        agg->aggregates.push_back(c);
        out.Add(Hidden("agg"));
      }
    }
    agg->layout = std::move(out);
    // The projection over groups: keys pass through, aggregate items are
    // evaluated with their calls (and repeated keys) read from slots.
    OpPtr p = MakeOp(LogicalOpKind::kProjection, std::move(agg));
    const LogicalOp& a = *p->children[0];
    for (const NamedExpr& it : items) {
      if (it.expr != nullptr && ContainsAggregate(*it.expr)) {
        for (const auto& [e, slot] : a.overrides) p->overrides.emplace(e, slot);
        CollectOverrides(*it.expr, key_slots, &p->overrides);
        p->items.push_back(it);
      } else {
        p->items.push_back({it.name, nullptr});
      }
    }
    p->keep_input = keep;
    Layout out2;
    for (const NamedExpr& it : p->items) out2.Add(it.name);
    if (p->keep_input) {
      for (const auto& n : a.layout.names()) out2.Add(n);
    }
    p->layout = std::move(out2);
    op = std::move(p);
  } else {
    OpPtr p = MakeOp(LogicalOpKind::kProjection, std::move(op));
    p->items = items;
    p->keep_input = keep && !proj.distinct;
    Layout out;
    for (const NamedExpr& it : items) out.Add(it.name);
    if (p->keep_input) {
      for (const auto& n : p->children[0]->layout.names()) out.Add(n);
    }
    p->layout = std::move(out);
    op = std::move(p);
  }
  if (proj.distinct) {
    OpPtr d = MakeOp(LogicalOpKind::kDistinct, std::move(op));
    d->distinct_width = static_cast<int>(items.size());
    op = std::move(d);
  }
  if (needs_sort) {
    OpPtr s = MakeOp(LogicalOpKind::kSort, std::move(op));
    for (const SortItem& it : proj.order_by) {
      s->sort_keys.emplace_back(it.expr.get(), it.descending);
      CollectOverrides(*it.expr, item_slots, &s->overrides);
    }
    // Aggregate calls repeated in ORDER BY read the aggregate slots.
    if (aggregating) {
      const LogicalOp* agg = s->children[0].get();
      while (agg->kind != LogicalOpKind::kAggregate) agg = agg->children[0].get();
      std::vector<std::pair<std::string, int>> agg_text;
      for (const auto& [e, slot] : agg->overrides) {
        agg_text.emplace_back(ToString(*e),
                              static_cast<int>(items.size()) + slot);
      }
      for (const SortItem& it : proj.order_by) {
        CollectOverrides(*it.expr, agg_text, &s->overrides);
      }
    }
    op = std::move(s);
  }
  if (proj.skip != nullptr) {
    OpPtr s = MakeOp(LogicalOpKind::kSkip, std::move(op));
    s->count = proj.skip.get();
    op = std::move(s);
  }
  if (proj.limit != nullptr) {
    OpPtr s = MakeOp(LogicalOpKind::kLimit, std::move(op));
    s->count = proj.limit.get();
    op = std::move(s);
  }
  if (where != nullptr) {
    OpPtr f = MakeOp(LogicalOpKind::kFilter, std::move(op));
    f->predicate = where;
    CollectOverrides(*where, item_slots, &f->overrides);
    op = std::move(f);
  }
  if (op->layout.size() != static_cast<int>(items.size())) {
    // Drop the slots kept for ORDER BY and WHERE.
    OpPtr trim = MakeOp(LogicalOpKind::kProjection, std::move(op));
    for (const NamedExpr& it : items) trim->items.push_back({it.name, nullptr});
    Layout out;
    for (const NamedExpr& it : items) out.Add(it.name);
    trim->layout = std::move(out);
    op = std::move(trim);
  }
  return op;
}

}  // namespace dossier::query::internal
