#include "query/plan/logical_plan.h"

#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace dossier::query {

const char* LogicalOpName(LogicalOpKind kind) {
  switch (kind) {
    case LogicalOpKind::kOnce:
      return "Once";
    case LogicalOpKind::kArgument:
      return "Argument";
    case LogicalOpKind::kNodeScan:
      return "NodeScan";
    case LogicalOpKind::kPropertyIndexSeek:
      return "PropertyIndexSeek";
    case LogicalOpKind::kExpand:
      return "Expand";
    case LogicalOpKind::kVarLengthExpand:
      return "VarLengthExpand";
    case LogicalOpKind::kBfsExpand:
      return "BfsExpand";
    case LogicalOpKind::kShortestPath:
      return "ShortestPath";
    case LogicalOpKind::kFilter:
      return "Filter";
    case LogicalOpKind::kNamedPath:
      return "NamedPath";
    case LogicalOpKind::kProjection:
      return "Projection";
    case LogicalOpKind::kAggregate:
      return "Aggregate";
    case LogicalOpKind::kExpandCount:
      return "ExpandCount";
    case LogicalOpKind::kBfsCount:
      return "BfsCount";
    case LogicalOpKind::kDistinct:
      return "Distinct";
    case LogicalOpKind::kSort:
      return "Sort";
    case LogicalOpKind::kTopK:
      return "TopK";
    case LogicalOpKind::kSkip:
      return "Skip";
    case LogicalOpKind::kLimit:
      return "Limit";
    case LogicalOpKind::kOptional:
      return "Optional";
    case LogicalOpKind::kUnwind:
      return "Unwind";
    case LogicalOpKind::kUnion:
      return "Union";
    case LogicalOpKind::kCreate:
      return "Create";
    case LogicalOpKind::kMerge:
      return "Merge";
    case LogicalOpKind::kSet:
      return "Set";
    case LogicalOpKind::kRemove:
      return "Remove";
    case LogicalOpKind::kDelete:
      return "Delete";
    case LogicalOpKind::kProcedureCall:
      return "ProcedureCall";
    case LogicalOpKind::kEager:
      return "Eager";
  }
  return "?";
}

namespace {

std::string SlotName(const LogicalOp& op, int slot) {
  if (slot < 0 || slot >= op.layout.size()) return "_";
  const std::string& n = op.layout.name(slot);
  return IsHiddenName(n) ? "_" : n;
}

std::string Arrow(Direction d, const std::string& inner) {
  switch (d) {
    case Direction::kLeft:
      return "<-[" + inner + "]-";
    case Direction::kRight:
      return "-[" + inner + "]->";
    case Direction::kBoth:
      return "-[" + inner + "]-";
  }
  return inner;
}

std::string RelText(const LogicalOp& op) {
  std::string inner = SlotName(op, op.rel_slot);
  if (!op.types.empty())
    absl::StrAppend(&inner, ":", absl::StrJoin(op.types, "|"));
  if (op.kind == LogicalOpKind::kVarLengthExpand ||
      op.kind == LogicalOpKind::kBfsExpand ||
      op.kind == LogicalOpKind::kShortestPath) {
    absl::StrAppend(&inner, "*", op.min_hops, "..",
                    op.max_hops < 0 ? "" : absl::StrCat(op.max_hops));
  }
  return absl::StrCat("(", SlotName(op, op.from_slot), ")",
                      Arrow(op.direction, inner), "(", SlotName(op, op.slot),
                      ")");
}

}  // namespace

std::string LogicalOp::Describe() const {
  std::string s = LogicalOpName(kind);
  switch (kind) {
    case LogicalOpKind::kOnce:
    case LogicalOpKind::kArgument:
    case LogicalOpKind::kEager:
      break;
    case LogicalOpKind::kBfsCount: {
      // The search the plan below describes (Aggregate ← Filter* ←
      // BfsExpand), made for many start rows at once.
      const LogicalOp* op = children.empty() ? nullptr : children[0].get();
      while (op != nullptr && op->kind != LogicalOpKind::kBfsExpand) {
        op = op->children.empty() ? nullptr : op->children[0].get();
      }
      if (op != nullptr) {
        absl::StrAppend(&s, " count(*) of ", RelText(*op),
                        " pairs, 64 start rows per search");
      }
      break;
    }
    case LogicalOpKind::kNodeScan:
      absl::StrAppend(&s, " (", SlotName(*this, slot),
                      label.empty() ? "" : ":" + label, ")");
      if (seek_value != nullptr) {
        absl::StrAppend(&s, " skipping nodes whose ", key, " is not",
                        seek_in ? " in " : " ", query::ToString(*seek_value));
      }
      break;
    case LogicalOpKind::kPropertyIndexSeek:
      absl::StrAppend(&s, " (", SlotName(*this, slot), ":", label, ") ", label,
                      ".", key);
      if (seek_value != nullptr) {
        absl::StrAppend(&s, seek_in ? " IN " : " = ",
                        query::ToString(*seek_value));
      } else {
        if (seek_lower != nullptr)
          absl::StrAppend(&s, lower_inclusive ? " >= " : " > ",
                          query::ToString(*seek_lower));
        if (seek_upper != nullptr)
          absl::StrAppend(&s, upper_inclusive ? " <= " : " < ",
                          query::ToString(*seek_upper));
      }
      break;
    case LogicalOpKind::kExpand:
    case LogicalOpKind::kVarLengthExpand:
    case LogicalOpKind::kBfsExpand:
      absl::StrAppend(&s, into ? "Into " : " ", RelText(*this));
      break;
    case LogicalOpKind::kShortestPath:
      absl::StrAppend(&s, all_shortest ? " all " : " ",
                      SlotName(*this, path_slot), " = ", RelText(*this));
      for (const EdgePredicate& e : edge_predicates) {
        absl::StrAppend(&s, e.negated ? " none " : " all ",
                        query::ToString(*e.where));
      }
      break;
    case LogicalOpKind::kFilter: {
      std::vector<std::string> parts;
      for (const EntityCheck& c : checks) {
        std::string t = SlotName(*this, c.slot);
        for (const auto& l : c.labels) absl::StrAppend(&t, ":", l);
        if (!c.types.empty())
          absl::StrAppend(&t, ":", absl::StrJoin(c.types, "|"));
        if (c.properties != nullptr)
          absl::StrAppend(&t, " ", query::ToString(*c.properties));
        parts.push_back(t);
      }
      for (const Expr* c : conjuncts) parts.push_back(query::ToString(*c));
      if (predicate != nullptr) parts.push_back(query::ToString(*predicate));
      absl::StrAppend(&s, " ", absl::StrJoin(parts, " AND "));
      break;
    }
    case LogicalOpKind::kNamedPath:
      absl::StrAppend(&s, " ", SlotName(*this, path_slot));
      break;
    case LogicalOpKind::kProjection:
    case LogicalOpKind::kAggregate:
    case LogicalOpKind::kExpandCount: {
      std::vector<std::string> parts;
      for (const NamedExpr& it : items) {
        std::string e = it.expr ? query::ToString(*it.expr) : it.name;
        parts.push_back(e == it.name ? e : e + " AS " + it.name);
      }
      if (kind == LogicalOpKind::kExpandCount) {
        const LogicalOp* in = children.empty() ? nullptr : children[0].get();
        std::string rel = IsHiddenName(edge_variable) ? "_" : edge_variable;
        if (!types.empty())
          absl::StrAppend(&rel, ":", absl::StrJoin(types, "|"));
        std::string target;
        for (const std::string& l : target_labels)
          absl::StrAppend(&target, ":", l);
        absl::StrAppend(&s, " (", in ? SlotName(*in, from_slot) : "_", ")",
                        Arrow(direction, rel), "(", target, ")");
      }
      if (kind == LogicalOpKind::kAggregate ||
          kind == LogicalOpKind::kExpandCount) {
        absl::StrAppend(&s, " keys [", absl::StrJoin(parts, ", "),
                        "] aggregates [");
        std::vector<std::string> aggs;
        for (const Expr* a : aggregates) aggs.push_back(query::ToString(*a));
        absl::StrAppend(&s, absl::StrJoin(aggs, ", "), "]");
        if (all_nodes) absl::StrAppend(&s, " over all nodes");
        if (!top_slots.empty()) {
          std::vector<std::string> by;
          for (const auto& [slot, desc] : top_slots) {
            const int keys = static_cast<int>(items.size());
            std::string name =
                slot < keys ? items[slot].name
                : slot - keys < static_cast<int>(aggregates.size())
                    ? query::ToString(*aggregates[slot - keys])
                    : layout.name(slot);
            by.push_back(name + (desc ? " DESC" : ""));
          }
          absl::StrAppend(&s, " top ", query::ToString(*count));
          if (skip != nullptr)
            absl::StrAppend(&s, " + ", query::ToString(*skip));
          absl::StrAppend(&s, " by ", absl::StrJoin(by, ", "));
        }
      } else {
        absl::StrAppend(&s, " ", absl::StrJoin(parts, ", "));
      }
      break;
    }
    case LogicalOpKind::kDistinct:
      break;
    case LogicalOpKind::kSort:
    case LogicalOpKind::kTopK: {
      std::vector<std::string> parts;
      for (const auto& [e, desc] : sort_keys)
        parts.push_back(query::ToString(*e) + (desc ? " DESC" : ""));
      absl::StrAppend(&s, " ", absl::StrJoin(parts, ", "));
      if (kind == LogicalOpKind::kTopK) {
        if (skip != nullptr)
          absl::StrAppend(&s, " skip ", query::ToString(*skip));
        absl::StrAppend(&s, " limit ", query::ToString(*count));
      }
      break;
    }
    case LogicalOpKind::kSkip:
    case LogicalOpKind::kLimit:
      absl::StrAppend(&s, " ", query::ToString(*count));
      break;
    case LogicalOpKind::kUnwind:
      absl::StrAppend(&s, " ", query::ToString(*count), " AS ",
                      SlotName(*this, slot));
      break;
    case LogicalOpKind::kUnion:
      if (union_all) s += " All";
      break;
    case LogicalOpKind::kOptional:
    case LogicalOpKind::kCreate:
    case LogicalOpKind::kMerge:
    case LogicalOpKind::kSet:
    case LogicalOpKind::kRemove:
      break;
    case LogicalOpKind::kDelete:
      if (detach) s = "DetachDelete";
      break;
    case LogicalOpKind::kProcedureCall:
      if (clause != nullptr)
        absl::StrAppend(&s, " ", clause->As<CallClause>().original_procedure);
      break;
  }
  return s;
}

namespace {

void PrintRec(const LogicalOp& op, int depth,
              const std::function<std::string(const LogicalOp&)>& annotate,
              std::string* out) {
  absl::StrAppend(out, std::string(depth * 2, ' '), "+", op.Describe());
  if (annotate) absl::StrAppend(out, annotate(op));
  out->push_back('\n');
  for (const auto& c : op.children) PrintRec(*c, depth + 1, annotate, out);
}

}  // namespace

std::string PrintPlan(
    const LogicalOp& op,
    const std::function<std::string(const LogicalOp&)>& annotate) {
  std::string out;
  PrintRec(op, 0, annotate, &out);
  return out;
}

std::string LogicalPlan::ToString() const {
  return root ? PrintPlan(*root) : std::string();
}

}  // namespace dossier::query
