// Planning of MATCH patterns: scans, seeks, expansions, shortest paths.
#include <algorithm>
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/plan/planner.h"
#include "query/plan/planner_internal.h"
#include "query/values/errors.h"

namespace dossier::query::internal {

namespace {

// A pattern part read in the order it is planned (maybe reversed).
struct PartView {
  std::vector<const NodePattern*> nodes;
  std::vector<const RelPattern*> rels;
  std::vector<Direction> dirs;
};

Direction Flip(Direction d) {
  switch (d) {
    case Direction::kLeft: return Direction::kRight;
    case Direction::kRight: return Direction::kLeft;
    case Direction::kBoth: return Direction::kBoth;
  }
  return d;
}

PartView MakeView(const PathPattern& p, bool reversed) {
  PartView v;
  for (const auto& n : p.nodes) v.nodes.push_back(&n);
  for (const auto& r : p.rels) {
    v.rels.push_back(&r);
    v.dirs.push_back(r.direction);
  }
  if (reversed) {
    std::reverse(v.nodes.begin(), v.nodes.end());
    std::reverse(v.rels.begin(), v.rels.end());
    std::reverse(v.dirs.begin(), v.dirs.end());
    for (auto& d : v.dirs) d = Flip(d);
  }
  return v;
}

bool IsConstant(const Expr* e) {
  if (e == nullptr) return false;
  if (e->kind() == ExprKind::kParameter) return true;
  if (e->kind() != ExprKind::kLiteral) return false;
  const graph::Value& v = e->As<LiteralExpr>().value;
  switch (v.kind()) {
    case graph::ValueKind::kBool:
    case graph::ValueKind::kInt:
    case graph::ValueKind::kDouble:
    case graph::ValueKind::kString:
      return true;
    case graph::ValueKind::kNull:
    case graph::ValueKind::kList:
    case graph::ValueKind::kMap:
    case graph::ValueKind::kNode:
    case graph::ValueKind::kEdge:
    case graph::ValueKind::kPath:
      return false;
  }
  return false;
}

// A list the planner may seek element by element: a parameter, or a list
// literal of constants.
bool IsConstantList(const Expr* e) {
  if (e == nullptr) return false;
  if (e->kind() == ExprKind::kParameter) return true;
  if (e->kind() == ExprKind::kLiteral) {
    return e->As<LiteralExpr>().value.kind() == graph::ValueKind::kList;
  }
  if (e->kind() != ExprKind::kList) return false;
  for (const auto& item : e->As<ListExpr>().items) {
    if (!IsConstant(item.get())) return false;
  }
  return true;
}

// `var.key` → key, or empty.
std::string PropertyOf(const Expr* e, const std::string& var) {
  if (e == nullptr || e->kind() != ExprKind::kProperty) return "";
  const auto& p = e->As<PropertyExpr>();
  if (p.object->kind() != ExprKind::kVariable ||
      p.object->As<VariableExpr>().name != var) {
    return "";
  }
  return p.key;
}

// Adds a Filter with an entity check when there is something to check.
OpPtr AddCheck(OpPtr op, EntityCheck check) {
  if (check.labels.empty() && check.types.empty() &&
      check.properties == nullptr) {
    return op;
  }
  if (op->kind == LogicalOpKind::kFilter && op->predicate == nullptr &&
      op->conjuncts.empty()) {
    op->checks.push_back(std::move(check));
    return op;
  }
  OpPtr f = MakeOp(LogicalOpKind::kFilter, std::move(op));
  f->checks.push_back(std::move(check));
  return f;
}

// A scan of every node (no label, so no index) whose pattern or WHERE
// names `var.key = constant` or `var.key IN [constants]`: the scan skips
// the nodes whose value of `key` cannot pass (query/exec/ops_read.cc), so
// that the Filter above sees only candidates. The Filter applies the
// inline map first, then the conjuncts in WHERE order, and stops at the
// first that is not true: the condition used is the first thing that
// Filter evaluates, and nothing before it may fail, so a skipped node is
// one the Filter would drop at the same place — with the same error, when
// reading the property fails, since the scan raises it.
void SetScanPrefilter(const NodePattern& node,
                      const std::vector<const Expr*>& conj, LogicalOp* op) {
  const Expr* props = node.properties.get();
  if (props != nullptr) {
    // Only a map of constants: its entries cannot fail to evaluate, and
    // the node fails the check when any one of them does not equal.
    if (props->kind() != ExprKind::kMap) return;
    const auto& entries = props->As<MapExpr>().entries;
    for (const MapEntry& e : entries) {
      if (!IsConstant(e.value.get())) return;
    }
    if (entries.empty()) return;
    op->key = entries[0].key;
    op->seek_value = entries[0].value.get();
    return;
  }
  if (node.variable.empty()) return;
  // The first conjunct that reads the variable: the conjuncts before it
  // in this Filter (if any) read it too.
  const Expr* first = nullptr;
  for (const Expr* c : conj) {
    std::vector<std::string> vars;
    if (!FreeVariables(*c, &vars)) continue;  // Stays on top, after.
    if (std::find(vars.begin(), vars.end(), node.variable) != vars.end()) {
      first = c;
      break;
    }
  }
  if (first == nullptr) return;
  if (first->kind() == ExprKind::kBinary &&
      first->As<BinaryExpr>().op == BinaryOp::kIn) {
    const auto& in = first->As<BinaryExpr>();
    std::string key = PropertyOf(in.lhs.get(), node.variable);
    if (key.empty() || !IsConstantList(in.rhs.get())) return;
    op->key = key;
    op->seek_value = in.rhs.get();
    op->seek_in = true;
    return;
  }
  if (first->kind() != ExprKind::kComparison) return;
  const auto& cmp = first->As<ComparisonExpr>();
  if (cmp.ops.size() != 1 || cmp.ops[0] != CompareOp::kEq) return;
  for (int side : {0, 1}) {
    std::string key = PropertyOf(cmp.operands[side].get(), node.variable);
    if (key.empty() || !IsConstant(cmp.operands[1 - side].get())) continue;
    op->key = key;
    op->seek_value = cmp.operands[1 - side].get();
    return;
  }
}

}  // namespace

absl::StatusOr<OpPtr> Planner::PlanStartNode(
    OpPtr input, const NodePattern& node, const std::vector<const Expr*>& conj,
    int* slot) {
  if (!node.variable.empty() && input->layout.Has(node.variable)) {
    *slot = input->layout.Find(node.variable);
    EntityCheck c{*slot, node.labels, {}, node.properties.get()};
    return AddCheck(std::move(input), std::move(c));
  }
  std::string name = node.variable.empty() ? Hidden("node") : node.variable;
  OpPtr op;
  if (!node.labels.empty()) {
    // An inline property map entry with a constant value, or a WHERE
    // conjunct on label.key, selects by the property index.
    const Expr* props = node.properties.get();
    if (props != nullptr && props->kind() == ExprKind::kMap) {
      for (const MapEntry& e : props->As<MapExpr>().entries) {
        if (IsConstant(e.value.get())) {
          op = MakeOp(LogicalOpKind::kPropertyIndexSeek, std::move(input));
          op->key = e.key;
          op->seek_value = e.value.get();
          break;
        }
      }
    }
    if (op == nullptr && !node.variable.empty()) {
      for (const Expr* c : conj) {
        if (c->kind() == ExprKind::kBinary &&
            c->As<BinaryExpr>().op == BinaryOp::kIn) {
          // `var.key IN [constants]`: one index seek per element.
          const auto& in = c->As<BinaryExpr>();
          std::string key = PropertyOf(in.lhs.get(), node.variable);
          if (key.empty() || !IsConstantList(in.rhs.get())) continue;
          op = MakeOp(LogicalOpKind::kPropertyIndexSeek, std::move(input));
          op->key = key;
          op->seek_value = in.rhs.get();
          op->seek_in = true;
          break;
        }
        if (c->kind() != ExprKind::kComparison) continue;
        const auto& cmp = c->As<ComparisonExpr>();
        if (cmp.ops.size() != 1) continue;
        const Expr* l = cmp.operands[0].get();
        const Expr* r = cmp.operands[1].get();
        CompareOp o = cmp.ops[0];
        std::string key = PropertyOf(l, node.variable);
        if (key.empty() || !IsConstant(r)) {
          key = PropertyOf(r, node.variable);
          if (key.empty() || !IsConstant(l)) continue;
          std::swap(l, r);
          switch (o) {
            case CompareOp::kLt: o = CompareOp::kGt; break;
            case CompareOp::kGt: o = CompareOp::kLt; break;
            case CompareOp::kLe: o = CompareOp::kGe; break;
            case CompareOp::kGe: o = CompareOp::kLe; break;
            case CompareOp::kEq:
            case CompareOp::kNe: break;
          }
        }
        if (o == CompareOp::kNe) continue;
        op = MakeOp(LogicalOpKind::kPropertyIndexSeek, std::move(input));
        op->key = key;
        switch (o) {
          case CompareOp::kEq: op->seek_value = r; break;
          case CompareOp::kLt: op->seek_upper = r; op->upper_inclusive = false; break;
          case CompareOp::kLe: op->seek_upper = r; break;
          case CompareOp::kGt: op->seek_lower = r; op->lower_inclusive = false; break;
          case CompareOp::kGe: op->seek_lower = r; break;
          case CompareOp::kNe: break;
        }
        break;
      }
    }
    if (op == nullptr) {
      op = MakeOp(LogicalOpKind::kNodeScan, std::move(input));
    }
    op->label = node.labels[0];
  } else {
    op = MakeOp(LogicalOpKind::kNodeScan, std::move(input));
    SetScanPrefilter(node, conj, op.get());
  }
  op->slot = op->layout.Add(name);
  *slot = op->slot;
  std::vector<std::string> rest(node.labels.begin() +
                                    (node.labels.empty() ? 0 : 1),
                                node.labels.end());
  EntityCheck c{*slot, std::move(rest), {}, node.properties.get()};
  return AddCheck(std::move(op), std::move(c));
}

absl::StatusOr<OpPtr> Planner::PlanPatterns(
    OpPtr op, const std::vector<const PathPattern*>& pats, const Expr* where) {
  std::vector<const Expr*> conj;
  Conjuncts(where, &conj);
  // Predicate pushdown: a WHERE conjunct that reads only variables (no
  // sub-plan, no local scope) is checked right after the operator that
  // binds the last of them, so that later expansions see fewer rows. The
  // others, and conjuncts without variables, stay on top as before.
  struct Pending {
    const Expr* expr;
    std::vector<std::string> vars;
    bool placed = false;
  };
  std::vector<Pending> pending;
  for (const Expr* c : conj) {
    std::vector<std::string> vars;
    if (FreeVariables(*c, &vars) && !vars.empty()) {
      pending.push_back({c, std::move(vars), false});
    } else {
      pending.push_back({c, {}, false});
    }
  }
  bool pushed_any = false;
  auto push_ready = [&](OpPtr o) -> OpPtr {
    for (Pending& p : pending) {
      if (p.placed || p.vars.empty()) continue;
      bool ready = true;
      for (const auto& v : p.vars) ready = ready && o->layout.Has(v);
      if (!ready) continue;
      p.placed = true;
      pushed_any = true;
      if (o->kind != LogicalOpKind::kFilter || o->predicate != nullptr) {
        o = MakeOp(LogicalOpKind::kFilter, std::move(o));
      }
      o->conjuncts.push_back(p.expr);
    }
    return o;
  };
  op = push_ready(std::move(op));
  std::vector<int> clause_rels;  // Relationship isomorphism within MATCH.
  for (const PathPattern* pat : pats) {
    if (pat->shortest != ShortestKind::kNone) {
      int from = -1, to = -1;
      DOSSIER_ASSIGN_OR_RETURN(op, PlanStartNode(std::move(op), pat->nodes[0], conj, &from));
      op = push_ready(std::move(op));
      DOSSIER_ASSIGN_OR_RETURN(op, PlanStartNode(std::move(op), pat->nodes[1], conj, &to));
      op = push_ready(std::move(op));
      const RelPattern& rel = pat->rels[0];
      OpPtr sp = MakeOp(LogicalOpKind::kShortestPath, std::move(op));
      sp->from_slot = from;
      sp->slot = to;
      sp->types = rel.types;
      sp->direction = rel.direction;
      sp->all_shortest = pat->shortest == ShortestKind::kAllShortest;
      if (rel.var_length) {
        sp->min_hops = rel.var_length->min.value_or(1);
        sp->max_hops = rel.var_length->max.value_or(-1);
      }
      if (sp->min_hops > 1) {
        // A breadth-first search cannot skip shorter paths (Neo4j refuses
        // these too).
        return QueryError("SyntaxError", "UnexpectedSyntax",
                          "shortestPath() and allShortestPaths() need a "
                          "minimal length of 0 or 1");
      }
      sp->path_slot = sp->layout.Add(pat->variable.empty() ? Hidden("path")
                                                          : pat->variable);
      if (!rel.variable.empty()) sp->rel_slot = sp->layout.Add(rel.variable);
      // Every all(r IN relationships(p) WHERE ...) / none(...) conjunct (or
      // over the relationship list variable of `-[rs*]-`) prunes the search;
      // the conjuncts also stay in the filter above, where they hold.
      for (const Expr* c : conj) {
        if (c->kind() != ExprKind::kQuantifier) continue;
        const auto& q = c->As<QuantifierExpr>();
        if (q.where == nullptr || (q.kind != QuantifierKind::kAll &&
                                   q.kind != QuantifierKind::kNone)) {
          continue;
        }
        bool over_path = false;
        if (q.list->kind() == ExprKind::kFunctionCall) {
          const auto& f = q.list->As<FunctionCallExpr>();
          over_path = !pat->variable.empty() && f.name == "relationships" &&
                      f.args.size() == 1 &&
                      f.args[0]->kind() == ExprKind::kVariable &&
                      f.args[0]->As<VariableExpr>().name == pat->variable;
        } else if (q.list->kind() == ExprKind::kVariable) {
          over_path = !rel.variable.empty() && rel.var_length &&
                      q.list->As<VariableExpr>().name == rel.variable;
        }
        if (!over_path) continue;
        sp->edge_predicates.push_back(
            {q.where.get(), q.kind == QuantifierKind::kNone, q.variable});
      }
      EntityCheck rc{sp->rel_slot, {}, {}, rel.properties.get()};
      op = std::move(sp);
      if (rc.slot >= 0) op = AddCheck(std::move(op), std::move(rc));
      op = push_ready(std::move(op));
      continue;
    }
    bool reversed = false;
    if (pat->nodes.size() > 1) {
      const std::string& first = pat->nodes.front().variable;
      const std::string& last = pat->nodes.back().variable;
      reversed = !(first.empty() ? false : op->layout.Has(first)) &&
                 !last.empty() && op->layout.Has(last);
    }
    PartView v = MakeView(*pat, reversed);
    std::vector<int> node_slots, rel_slots;
    int cur = -1;
    DOSSIER_ASSIGN_OR_RETURN(op, PlanStartNode(std::move(op), *v.nodes[0], conj, &cur));
    op = push_ready(std::move(op));
    node_slots.push_back(cur);
    for (size_t i = 0; i < v.rels.size(); ++i) {
      const RelPattern& rel = *v.rels[i];
      const NodePattern& target = *v.nodes[i + 1];
      OpPtr ex = MakeOp(rel.var_length ? LogicalOpKind::kVarLengthExpand
                                       : LogicalOpKind::kExpand,
                        std::move(op));
      ex->from_slot = cur;
      ex->types = rel.types;
      ex->direction = v.dirs[i];
      ex->exclude_slots = clause_rels;
      if (rel.var_length) {
        ex->min_hops = rel.var_length->min.value_or(1);
        ex->max_hops = rel.var_length->max.value_or(-1);
      }
      if (!rel.variable.empty() && ex->layout.Has(rel.variable)) {
        ex->rel_bound = true;
        ex->rel_slot = ex->layout.Find(rel.variable);
      } else {
        ex->rel_slot = ex->layout.Add(rel.variable.empty() ? Hidden("rel")
                                                           : rel.variable);
      }
      if (!target.variable.empty() && ex->layout.Has(target.variable)) {
        ex->into = true;
        ex->slot = ex->layout.Find(target.variable);
      } else {
        ex->slot = ex->layout.Add(target.variable.empty() ? Hidden("node")
                                                          : target.variable);
      }
      int rel_slot = ex->rel_slot;
      cur = ex->slot;
      clause_rels.push_back(rel_slot);
      rel_slots.push_back(rel_slot);
      node_slots.push_back(cur);
      op = std::move(ex);
      op = AddCheck(std::move(op), EntityCheck{rel_slot, {}, {}, rel.properties.get()});
      op = AddCheck(std::move(op), EntityCheck{cur, target.labels, {}, target.properties.get()});
      op = push_ready(std::move(op));
    }
    if (!pat->variable.empty()) {
      if (reversed) {
        std::reverse(node_slots.begin(), node_slots.end());
        std::reverse(rel_slots.begin(), rel_slots.end());
      }
      OpPtr np = MakeOp(LogicalOpKind::kNamedPath, std::move(op));
      np->path_nodes = node_slots;
      np->path_rels = rel_slots;
      np->path_slot = np->layout.Add(pat->variable);
      op = std::move(np);
      op = push_ready(std::move(op));
    }
  }
  if (where != nullptr) {
    OpPtr f = MakeOp(LogicalOpKind::kFilter, std::move(op));
    if (!pushed_any) {
      f->predicate = where;
    } else {
      for (const Pending& p : pending) {
        if (!p.placed) f->conjuncts.push_back(p.expr);
      }
    }
    if (f->predicate != nullptr || !f->conjuncts.empty()) {
      op = std::move(f);
    } else {
      op = std::move(f->children[0]);
    }
  }
  return op;
}

absl::StatusOr<OpPtr> Planner::PlanMatch(
    OpPtr input, const std::vector<const PathPattern*>& pats,
    const Expr* where, bool optional) {
  if (!optional) return PlanPatterns(std::move(input), pats, where);
  OpPtr arg = MakeOp(LogicalOpKind::kArgument, nullptr);
  arg->layout = input->layout;
  DOSSIER_ASSIGN_OR_RETURN(OpPtr inner, PlanPatterns(std::move(arg), pats, where));
  OpPtr opt = MakeOp(LogicalOpKind::kOptional, std::move(input));
  opt->layout = inner->layout;
  opt->children.push_back(std::move(inner));
  return opt;
}

}  // namespace dossier::query::internal
