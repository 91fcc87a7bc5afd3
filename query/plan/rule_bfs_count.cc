// Rule: count the pairs of a distinct reach without making a row per pair.
//
//   Aggregate keys [] aggregates [count(*)…] ← Filter* ← BfsExpand ← in
//
// becomes BfsCount over that same subtree. The BfsCount searches from up
// to 64 rows of `in` at once over the Csr (a multi-source BFS: one bit per
// start row on every vertex, each relationship scanned once per level for
// all of them) and counts the (start row, reached node) pairs that pass
// the Filters, which it reads as conditions (query/exec/ops_bfs_count.cc).
// A condition that reads only the reached node is evaluated once per
// reached vertex and level; one that reads only the start row once per
// start row; a comparison with one operand on each side as two operands
// and a comparison per pair; any other per pair on the row the BfsExpand
// would have made. When the transaction changed relationships before the
// count begins (no Csr), the subtree runs as it is; the start rows must
// not write (their writes would come during the count).
//
// This is the shape `MATCH (a)-[*1..k]->(b) WHERE … WITH DISTINCT a, b
// RETURN count(*)` takes once RewriteDistinctReachToBfs dropped the
// Distinct and RewriteCountOverPassThrough the Projection.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

using Reads = ReachCondition::Reads;

// What `e` reads relative to the reached node `target`.
Reads ReadsOf(const Expr* e, const std::string& target) {
  if (e == nullptr) return Reads::kStart;
  std::vector<std::string> vars;
  if (!FreeVariables(*e, &vars)) return Reads::kPair;
  bool has_target = false, has_other = false;
  for (const std::string& v : vars) {
    (v == target ? has_target : has_other) = true;
  }
  if (!has_target) return Reads::kStart;
  return has_other ? Reads::kPair : Reads::kTarget;
}

ReachCondition Classify(const LogicalOp& filter, const std::string& target,
                        int target_slot, const EntityCheck* check,
                        const Expr* expr) {
  ReachCondition c;
  c.filter = &filter;
  c.check = check;
  c.expr = expr;
  if (!filter.overrides.empty()) return c;  // Slots read: the whole row.
  if (check != nullptr) {
    const Reads props = ReadsOf(check->properties, target);
    if (props == Reads::kPair) return c;
    const bool on_target = check->slot == target_slot;
    if (on_target) {
      c.reads = Reads::kTarget;
    } else {
      c.reads = props == Reads::kTarget ? Reads::kPair : Reads::kStart;
    }
    return c;
  }
  c.reads = ReadsOf(expr, target);
  if (c.reads == Reads::kPair && expr->kind() == ExprKind::kComparison) {
    const auto& cmp = expr->As<ComparisonExpr>();
    if (cmp.ops.size() == 1 && cmp.operands.size() == 2) {
      const Reads x = ReadsOf(cmp.operands[0].get(), target);
      const Reads y = ReadsOf(cmp.operands[1].get(), target);
      if (x == Reads::kTarget && y == Reads::kStart) c.target_operand = 0;
      if (x == Reads::kStart && y == Reads::kTarget) c.target_operand = 1;
    }
  }
  return c;
}

// True when `op` or an operator below it writes.
bool Writes(const LogicalOp& op) {
  switch (op.kind) {
    case LogicalOpKind::kCreate:
    case LogicalOpKind::kMerge:
    case LogicalOpKind::kSet:
    case LogicalOpKind::kRemove:
    case LogicalOpKind::kDelete:
      return true;
    default:
      break;
  }
  for (const auto& c : op.children) {
    if (Writes(*c)) return true;
  }
  return false;
}

// Rewrites the Aggregate at *slot; true when done.
bool TryRewrite(std::unique_ptr<LogicalOp>* slot) {
  LogicalOp* agg = slot->get();
  if (agg->kind != LogicalOpKind::kAggregate || !agg->items.empty() ||
      !IsCountStarOnly(*agg) || agg->children.size() != 1) {
    return false;
  }
  std::vector<const LogicalOp*> filters;  // Top to bottom.
  const LogicalOp* op = agg->children[0].get();
  while (op->kind == LogicalOpKind::kFilter && op->children.size() == 1) {
    filters.push_back(op);
    op = op->children[0].get();
  }
  const LogicalOp& bfs = *op;
  if (bfs.kind != LogicalOpKind::kBfsExpand || bfs.into ||
      bfs.children.size() != 1 || bfs.slot < 0 || bfs.from_slot < 0 ||
      bfs.direction == Direction::kBoth || Writes(*bfs.children[0])) {
    return false;
  }
  const std::string& target = bfs.layout.name(bfs.slot);
  if (bfs.layout.name(bfs.from_slot) == target) return false;
  std::vector<ReachCondition> conditions;
  for (auto f = filters.rbegin(); f != filters.rend(); ++f) {
    const LogicalOp& filter = **f;
    if (filter.layout.size() != bfs.layout.size()) return false;
    for (const EntityCheck& c : filter.checks) {
      conditions.push_back(Classify(filter, target, bfs.slot, &c, nullptr));
    }
    for (const Expr* e : filter.conjuncts) {
      conditions.push_back(Classify(filter, target, bfs.slot, nullptr, e));
    }
    if (filter.predicate != nullptr) {
      conditions.push_back(
          Classify(filter, target, bfs.slot, nullptr, filter.predicate));
    }
  }
  auto count = std::make_unique<LogicalOp>();
  count->kind = LogicalOpKind::kBfsCount;
  count->layout = agg->layout;
  count->reach_conditions = std::move(conditions);
  count->children.push_back(std::move(*slot));
  *slot = std::move(count);
  return true;
}

// The BfsExpand's input under a BfsCount made by TryRewrite.
std::unique_ptr<LogicalOp>* SearchInput(LogicalOp* count) {
  LogicalOp* op = count->children[0].get();
  while (op->kind != LogicalOpKind::kBfsExpand) op = op->children[0].get();
  return &op->children[0];
}

int Walk(std::unique_ptr<LogicalOp>* slot) {
  if (TryRewrite(slot)) return 1 + Walk(SearchInput(slot->get()));
  int n = 0;
  for (auto& c : (*slot)->children) n += Walk(&c);
  return n;
}

}  // namespace

int RewriteReachCount(std::unique_ptr<LogicalOp>* root) {
  return *root == nullptr ? 0 : Walk(root);
}

}  // namespace dossier::query::internal
