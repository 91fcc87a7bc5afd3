// Rule: the distinct endpoints of a variable-length expansion by BFS.
//
//   Distinct ← Projection ← Filter* ← VarLengthExpand (a)-[r*m..k]->(b)
//
// With relationship isomorphism, VarLengthExpand yields one row per trail;
// when nothing above reads r and a DISTINCT on other slots follows, only
// the set of (row, b) matters. For m ≤ 1 and a directed pattern that set is
// what a BFS of k levels reaches (a shortest walk is a trail; a returns to
// itself exactly when a cycle of at most k hops goes through it), so the
// expansion becomes a BfsExpand (query/exec/ops_bfs.cc), which yields each
// b once. Not rewritten: undirected patterns (a-b-a over one relationship
// is a walk, not a trail), m ≥ 2 (b may be nearer than m yet reachable by
// a longer trail), a bound relationship list, other relationships of the
// same MATCH to stay distinct from (exclude_slots), and any Filter, item or
// check above that reads r.
//
// When the DISTINCT is on exactly (a, b) and the a rows come one each from
// a scan or seek, the pairs are unique already and the Distinct goes too.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

// True when `e` may read variable `name`: it names it, or it opens a
// scope or sub-plan (whose variables FreeVariables does not follow).
bool MayRead(const Expr& e, const std::string& name) {
  std::vector<std::string> vars;
  if (!FreeVariables(e, &vars)) return true;
  return std::find(vars.begin(), vars.end(), name) != vars.end();
}

// Tries the rewrite under one Distinct; true when done.
bool TryRewrite(LogicalOp* distinct) {
  if (distinct->children.empty()) return false;
  LogicalOp* proj = distinct->children[0].get();
  if (proj->kind != LogicalOpKind::kProjection || proj->keep_input ||
      distinct->distinct_width != static_cast<int>(proj->items.size()) ||
      proj->children.empty()) {
    return false;
  }
  std::vector<LogicalOp*> filters;
  LogicalOp* op = proj->children[0].get();
  while (op->kind == LogicalOpKind::kFilter && !op->children.empty()) {
    filters.push_back(op);
    op = op->children[0].get();
  }
  if (op->kind != LogicalOpKind::kVarLengthExpand || op->rel_bound ||
      !op->exclude_slots.empty() || op->min_hops > 1 || op->min_hops < 0 ||
      op->direction == Direction::kBoth || op->rel_slot < 0) {
    return false;
  }
  const int rel = op->rel_slot;
  const std::string& name = op->layout.name(rel);
  // A hidden name cannot be written in a query, so no expression reads it.
  auto reads = [&](const Expr* e) {
    return e != nullptr && !IsHiddenName(name) && MayRead(*e, name);
  };
  for (const NamedExpr& it : proj->items) {
    if (it.expr == nullptr ? it.name == name : reads(it.expr)) return false;
  }
  for (const auto& [e, slot] : proj->overrides) {
    if (slot == rel) return false;
  }
  for (LogicalOp* f : filters) {
    if (reads(f->predicate)) return false;
    for (const Expr* c : f->conjuncts) {
      if (reads(c)) return false;
    }
    for (const EntityCheck& c : f->checks) {
      if (c.slot == rel || reads(c.properties)) return false;
    }
    for (const auto& [e, slot] : f->overrides) {
      if (slot == rel) return false;
    }
  }
  op->kind = LogicalOpKind::kBfsExpand;
  return true;
}

// The variable an item names (`a` or `a AS x`), or "".
std::string ItemVariable(const NamedExpr& it) {
  if (it.expr == nullptr) return it.name;
  if (it.expr->kind() == ExprKind::kVariable) return it.expr->As<VariableExpr>().name;
  return "";
}

// After TryRewrite: true when the rows reaching the Distinct are distinct
// already — its items are exactly the start and end variables, and the
// start nodes come one row each from a scan or seek over a single row
// (Once), through Filters only. A BfsExpand yields each end node once per
// start row, so every (a, b) pair is unique.
bool AlreadyDistinct(const LogicalOp& distinct) {
  const LogicalOp& proj = *distinct.children[0];
  const LogicalOp* op = proj.children[0].get();
  while (op->kind == LogicalOpKind::kFilter) op = op->children[0].get();
  const LogicalOp& bfs = *op;
  if (bfs.kind != LogicalOpKind::kBfsExpand || bfs.into || proj.items.size() != 2) {
    return false;
  }
  const std::string& from = bfs.layout.name(bfs.from_slot);
  const std::string& to = bfs.layout.name(bfs.slot);
  std::string x = ItemVariable(proj.items[0]), y = ItemVariable(proj.items[1]);
  if (from == to || !((x == from && y == to) || (x == to && y == from))) return false;
  op = bfs.children[0].get();
  while (op->kind == LogicalOpKind::kFilter) op = op->children[0].get();
  if ((op->kind != LogicalOpKind::kNodeScan &&
       op->kind != LogicalOpKind::kPropertyIndexSeek) ||
      op->slot != bfs.from_slot || op->children.size() != 1) {
    return false;
  }
  return op->children[0]->kind == LogicalOpKind::kOnce;
}

int Walk(std::unique_ptr<LogicalOp>* slot) {
  LogicalOp* op = slot->get();
  int n = 0;
  if (op->kind == LogicalOpKind::kDistinct && TryRewrite(op)) {
    ++n;
    if (AlreadyDistinct(*op)) {
      std::unique_ptr<LogicalOp> child = std::move(op->children[0]);
      *slot = std::move(child);  // Drops the Distinct.
      op = slot->get();
    }
  }
  for (auto& c : op->children) n += Walk(&c);
  return n;
}

}  // namespace

int RewriteDistinctReachToBfs(std::unique_ptr<LogicalOp>* root) {
  return *root == nullptr ? 0 : Walk(root);
}

}  // namespace dossier::query::internal
