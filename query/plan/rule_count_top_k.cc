// Rule: an ExpandCount under a TopK outputs only the groups the TopK keeps.
//
//   TopK keys ← [Projection ←] ExpandCount
//
// When every sort key of the TopK reads one output of the ExpandCount — a
// grouping key or its count(*) — through a Projection that only renames or
// passes it on (or no Projection), the ExpandCount is told that order and the
// TopK's LIMIT (+ SKIP): it still counts every group, then hands on only the
// groups that can be among the first rows of that order, ties by
// first-seen order — the order in which the TopK would have received them,
// so its tie-break by arrival picks the same rows. The TopK stays and sorts
// what it receives (query/exec/ops_count.cc). A top-10 of a million
// degree groups then passes ten rows instead of a million.
#include <memory>
#include <string>

#include "query/plan/optimize.h"
#include "query/plan/planner_internal.h"

namespace dossier::query::internal {

namespace {

// The slot of `layout` that `e` reads as it is, through `overrides` or as
// a variable; -1 otherwise.
int SlotOf(const Expr& e, const Layout& layout, const ExprSlots& overrides) {
  auto it = overrides.find(&e);
  if (it != overrides.end()) return it->second;
  if (e.kind() == ExprKind::kVariable) {
    return layout.Find(e.As<VariableExpr>().name);
  }
  return -1;
}

// The ExpandCount output that `proj`'s output `slot` passes on unchanged
// (any slot when `proj` is null); -1 when it computes something.
int ThroughProjection(const LogicalOp* proj, int slot, const LogicalOp& count) {
  if (proj == nullptr || slot < 0) return slot;
  const int items = static_cast<int>(proj->items.size());
  if (slot >= items) {
    // The input slots a keep_input Projection appends, in order.
    return proj->keep_input && slot < proj->layout.size() ? slot - items : -1;
  }
  if (proj->layout.name(slot) != proj->items[slot].name) return -1;
  const NamedExpr& it = proj->items[slot];
  if (it.expr == nullptr) return count.layout.Find(it.name);
  return SlotOf(*it.expr, count.layout, proj->overrides);
}

bool TryRewrite(LogicalOp* topk) {
  if (topk->children.size() != 1 || topk->count == nullptr) return false;
  LogicalOp* below = topk->children[0].get();
  LogicalOp* proj = nullptr;
  if (below->kind == LogicalOpKind::kProjection) {
    if (below->children.size() != 1) return false;
    proj = below;
    below = below->children[0].get();
  }
  if (below->kind != LogicalOpKind::kExpandCount || !below->top_slots.empty()) {
    return false;
  }
  const int width =
      static_cast<int>(below->items.size() + below->aggregates.size());
  if (below->layout.size() != width) return false;
  const Layout& read = topk->children[0]->layout;
  std::vector<std::pair<int, bool>> slots;
  for (const auto& [e, desc] : topk->sort_keys) {
    int s = ThroughProjection(proj, SlotOf(*e, read, topk->overrides), *below);
    if (s < 0 || s >= width) return false;
    slots.emplace_back(s, desc);
  }
  if (slots.empty()) return false;
  below->top_slots = std::move(slots);
  below->count = topk->count;
  below->skip = topk->skip;
  return true;
}

int Walk(LogicalOp* op) {
  int n = 0;
  if (op->kind == LogicalOpKind::kTopK && TryRewrite(op)) ++n;
  for (auto& c : op->children) n += Walk(c.get());
  return n;
}

}  // namespace

int RewriteTopKIntoExpandCount(LogicalOp* root) { return Walk(root); }

}  // namespace dossier::query::internal
