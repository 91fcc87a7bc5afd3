// Rule: count(*) over one Expand from the adjacency's degrees.
//
//   Aggregate keys [k…] aggregates [count(*)…] ← Expand (a)-[r:T]->(b) ← in
//
// becomes ExpandCount ← in when each key reads only variables of `in` (or
// is `type(r)`), every aggregate is count(*), the Expand is neither Into
// nor bound to a relationship and has no other relationship of its MATCH
// to stay distinct from, and no Filter sits between (the target is not
// checked). Then a group's count is the number of relationships of a
// (per type when grouped by type) — a degree the Csr holds — and no row
// per relationship is made (query/exec/ops_count.cc).
//
// A Filter between them that only checks labels of the Expand's target
// (`(b:Label)`, `WHERE b:Label`) is folded in: only relationships whose
// other end has those labels count.
//
// When the input is then a scan of every node (no label) straight over
// the query's start and every key is `type(r)` (or there is none), the
// scan goes too (`all_nodes`): the counts are those of the whole
// adjacency per type, no node is visited.
#include <string>
#include <vector>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

// True when `e` is `type(name)`.
bool IsTypeOf(const Expr& e, const std::string& name) {
  if (e.kind() != ExprKind::kFunctionCall) return false;
  const auto& f = e.As<FunctionCallExpr>();
  return f.name == "type" && f.args.size() == 1 &&
         f.args[0]->kind() == ExprKind::kVariable &&
         f.args[0]->As<VariableExpr>().name == name;
}

// True when `filter` only checks labels of `expand`'s target node, whose
// labels it appends to *labels.
bool TargetLabels(const LogicalOp& filter, const LogicalOp& expand,
                  std::vector<std::string>* labels) {
  if (!filter.overrides.empty() || expand.slot < 0) return false;
  const std::string& target = expand.layout.name(expand.slot);
  for (const EntityCheck& c : filter.checks) {
    if (c.slot != expand.slot || c.labels.empty() || !c.types.empty() ||
        c.properties != nullptr) {
      return false;
    }
    labels->insert(labels->end(), c.labels.begin(), c.labels.end());
  }
  std::vector<const Expr*> exprs = filter.conjuncts;
  if (filter.predicate != nullptr) exprs.push_back(filter.predicate);
  for (const Expr* e : exprs) {
    if (e->kind() != ExprKind::kLabelCheck) return false;
    const auto& l = e->As<LabelCheckExpr>();
    if (l.operand->kind() != ExprKind::kVariable ||
        l.operand->As<VariableExpr>().name != target || l.labels.empty()) {
      return false;
    }
    labels->insert(labels->end(), l.labels.begin(), l.labels.end());
  }
  return !labels->empty();
}

bool TryRewrite(LogicalOp* agg) {
  if (agg->children.empty() || !IsCountStarOnly(*agg)) return false;
  LogicalOp* ex = agg->children[0].get();
  std::vector<std::string> labels;
  if (ex->kind == LogicalOpKind::kFilter && ex->children.size() == 1 &&
      ex->children[0]->kind == LogicalOpKind::kExpand) {
    if (!TargetLabels(*ex, *ex->children[0], &labels)) return false;
    ex = ex->children[0].get();
  }
  if (ex->kind != LogicalOpKind::kExpand || ex->into || ex->rel_bound ||
      !ex->exclude_slots.empty() || ex->children.size() != 1) {
    return false;
  }
  const Layout& input = ex->children[0]->layout;
  const std::string rel = ex->layout.name(ex->rel_slot);
  std::vector<bool> key_is_type;
  for (const NamedExpr& it : agg->items) {
    if (it.expr == nullptr) {
      if (!input.Has(it.name)) return false;
      key_is_type.push_back(false);
      continue;
    }
    if (!IsHiddenName(rel) && IsTypeOf(*it.expr, rel)) {
      key_is_type.push_back(true);
      continue;
    }
    std::vector<std::string> vars;
    if (!FreeVariables(*it.expr, &vars)) return false;
    for (const auto& v : vars) {
      // Names of the input that the Expand re-binds cannot occur (a bound
      // target makes an Into), so the input's value is the row's value.
      if (!input.Has(v)) return false;
    }
    key_is_type.push_back(false);
  }
  agg->kind = LogicalOpKind::kExpandCount;
  agg->key_is_type = std::move(key_is_type);
  agg->from_slot = ex->from_slot;
  agg->types = ex->types;
  agg->direction = ex->direction;
  agg->edge_variable = rel;
  agg->target_labels = std::move(labels);
  std::unique_ptr<LogicalOp> in = std::move(ex->children[0]);
  bool only_types = true;
  for (bool t : agg->key_is_type) only_types = only_types && t;
  if (only_types && agg->target_labels.empty() &&
      in->kind == LogicalOpKind::kNodeScan && in->label.empty() &&
      in->seek_value == nullptr &&
      in->slot == agg->from_slot && in->children.size() == 1 &&
      in->children[0]->kind == LogicalOpKind::kOnce) {
    agg->all_nodes = true;
    in = std::move(in->children[0]);
  }
  agg->children[0] = std::move(in);
  return true;
}

int Walk(LogicalOp* op) {
  int n = 0;
  if (op->kind == LogicalOpKind::kAggregate && TryRewrite(op)) ++n;
  for (auto& c : op->children) n += Walk(c.get());
  return n;
}

}  // namespace

int RewriteCountOverExpand(LogicalOp* root) { return Walk(root); }

}  // namespace dossier::query::internal
