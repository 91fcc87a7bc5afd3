// Reading operators: Once, NodeScan, PropertyIndexSeek, Expand, Filter,
// NamedPath.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "graph/status_macros.h"
#include "query/exec/operators.h"
#include "query/values/errors.h"

namespace dossier::query::internal {

using graph::Value;
using graph::ValueKind;

graph::Direction ToGraphDirection(Direction d) {
  switch (d) {
    case Direction::kLeft:
      return graph::Direction::kIn;
    case Direction::kRight:
      return graph::Direction::kOut;
    case Direction::kBoth:
      return graph::Direction::kBoth;
  }
  return graph::Direction::kBoth;
}

absl::StatusOr<bool> CheckEntity(const EntityCheck& check, const Layout& layout,
                                 const Row& row, ExecContext* ctx,
                                 Evaluator* eval) {
  const Value& v = row[check.slot];
  if (v.is_null()) return false;
  std::vector<Value> entities;
  if (v.kind() == ValueKind::kList) {
    entities = v.AsList();
  } else {
    entities.push_back(v);
  }
  Value props;
  if (check.properties != nullptr) {
    DOSSIER_ASSIGN_OR_RETURN(props, eval->Eval(*check.properties, layout, row));
    if (props.is_null()) props = Value::Map({});
    if (props.kind() != ValueKind::kMap) {
      return TypeError(kInvalidArgumentType, "a property map must be a MAP");
    }
  }
  for (const Value& e : entities) {
    if (e.kind() == ValueKind::kNode) {
      if (!check.labels.empty()) {
        if (ctx->IsDeletedNode(e.AsNode())) {
          DOSSIER_RETURN_IF_ERROR(ctx->Node(e.AsNode()).status());
        }
        for (const auto& l : check.labels) {
          auto id = ctx->FindLabel(l);
          if (!id) return false;
          DOSSIER_ASSIGN_OR_RETURN(bool has, ctx->HasLabel(e.AsNode(), *id));
          if (!has) return false;
        }
      }
    } else if (e.kind() == ValueKind::kEdge) {
      if (!check.types.empty()) {
        bool any = false;
        for (const auto& t : check.types) {
          auto id = ctx->FindType(t);
          if (id && *id == e.AsEdge().type) any = true;
        }
        if (!any) return false;
      }
    } else {
      return TypeError(kInvalidArgumentType,
                       "expected a node or relationship in a pattern");
    }
    if (check.properties != nullptr) {
      for (const auto& [k, want] : props.AsMap()) {
        DOSSIER_ASSIGN_OR_RETURN(Value have, eval->Property(e, k));
        if (Equals(have, want) != Tri::kTrue) return false;
      }
    }
  }
  return true;
}

namespace {

class OnceOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    done_ = false;
    return absl::OkStatus();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (done_) return false;
    done_ = true;
    row->clear();
    return true;
  }

 private:
  bool done_ = false;
};

// NodeScan: per input row, one row per node of the label (every node when
// none), in id order. The id list is the one ScanNodes gave when the input
// row arrived, held until the next one: nodes a later write of the query
// adds or deletes do not change it. Rows are filled in the caller's row.
// With a prefilter (logical_plan.h, seek_value) it skips the nodes whose
// value cannot pass; a value of another kind goes on to the Filter above,
// which decides; a failed read is returned as the Filter would raise it.
class NodeScanOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    ids_ = nullptr;
    pos_ = 0;
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (true) {
      while (ids_ == nullptr || pos_ >= ids_->size()) {
        ids_ = nullptr;
        DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in_));
        if (!more) return false;
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        SetWanted();
        in_.resize(op_->layout.size());
        std::optional<graph::LabelId> label;
        if (!op_->label.empty()) {
          label = ctx_->FindLabel(op_->label);
          if (!label) continue;
        }
        DOSSIER_ASSIGN_OR_RETURN(ids_, ctx_->ScanNodes(label));
        pos_ = 0;
      }
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      const graph::NodeId id = (*ids_)[pos_++];
      if (wanted_.active) {
        DOSSIER_ASSIGN_OR_RETURN(bool may_pass, MayPass(id));
        if (!may_pass) continue;
      }
      *row = in_;  // Keeps the caller's capacity.
      (*row)[op_->slot] = Value::Node(id);
      return true;
    }
  }

 private:
  // The integers and strings the prefilter keeps, from the constant
  // seek_value evaluated for the current input row; inactive (every node
  // handed out) without a prefilter, for an unknown key, an evaluation
  // error or a value of another kind (`1 = 1.0` holds: doubles are left
  // to the Filter).
  struct Wanted {
    bool active = false;
    graph::PropKeyId key = 0;
    absl::flat_hash_set<int64_t> ints;
    absl::flat_hash_set<std::string> strings;
  };

  void SetWanted() {
    wanted_.active = false;
    wanted_.ints.clear();
    wanted_.strings.clear();
    if (op_->seek_value == nullptr) return;
    std::optional<graph::PropKeyId> key = ctx_->FindKey(op_->key);
    if (!key) return;
    absl::StatusOr<Value> v =
        eval_->Eval(*op_->seek_value, child().logical().layout, in_);
    if (!v.ok()) return;
    auto add = [&](const Value& x) {
      if (x.is_null()) return true;  // Matches nothing.
      if (x.kind() == ValueKind::kInt) {
        wanted_.ints.insert(x.AsInt());
        return true;
      }
      if (x.kind() == ValueKind::kString) {
        wanted_.strings.insert(x.AsString());
        return true;
      }
      return false;
    };
    if (op_->seek_in) {
      if (v->kind() != ValueKind::kList) return;
      for (const Value& x : v->AsList()) {
        if (!add(x)) return;
      }
    } else if (!add(*v)) {
      return;
    }
    wanted_.key = *key;
    wanted_.active = true;
  }

  // False when node `id`'s value of the prefilter's key is null, or an
  // integer or string not wanted. A failed read is the error the Filter's
  // first read of the same property would raise (plan_match.cc,
  // SetScanPrefilter): it is returned.
  absl::StatusOr<bool> MayPass(graph::NodeId id) {
    DOSSIER_ASSIGN_OR_RETURN(Value v, ctx_->NodeProperty(id, wanted_.key));
    switch (v.kind()) {
      case ValueKind::kNull:
        return false;
      case ValueKind::kInt:
        return wanted_.ints.contains(v.AsInt());
      case ValueKind::kString:
        return wanted_.strings.contains(v.AsString());
      default:
        return true;
    }
  }

  Row in_;
  std::shared_ptr<const std::vector<graph::NodeId>> ids_;
  size_t pos_ = 0;
  Wanted wanted_;
};

class PropertyIndexSeekOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    auto label = ctx_->FindLabel(op_->label);
    auto key = ctx_->FindKey(op_->key);
    if (!label || !key) return absl::OkStatus();
    const Layout& layout = child().logical().layout;
    graph::PropertyRange range;
    auto scalar = [](const Value& v) {
      return v.kind() == ValueKind::kBool || v.kind() == ValueKind::kInt ||
             v.kind() == ValueKind::kDouble || v.kind() == ValueKind::kString;
    };
    if (op_->seek_in) {
      DOSSIER_ASSIGN_OR_RETURN(Value list,
                               eval_->Eval(*op_->seek_value, layout, in));
      return SeekList(std::move(in), *label, *key, list, out);
    }
    if (op_->seek_value != nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(Value v,
                               eval_->Eval(*op_->seek_value, layout, in));
      if (v.is_null()) return absl::OkStatus();
      if (!scalar(v) ||
          (v.kind() == ValueKind::kDouble && std::isnan(v.AsDouble()))) {
        return Fallback(std::move(in), *label, *key, v, out);
      }
      range = graph::PropertyRange::Equal(v);
    } else {
      if (op_->seek_lower != nullptr) {
        DOSSIER_ASSIGN_OR_RETURN(Value v,
                                 eval_->Eval(*op_->seek_lower, layout, in));
        if (v.is_null()) return absl::OkStatus();
        if (!scalar(v) ||
            (v.kind() == ValueKind::kDouble && std::isnan(v.AsDouble())))
          return Fallback(std::move(in), *label, *key, std::nullopt, out);
        range.lower = v;
        range.lower_inclusive = op_->lower_inclusive;
      }
      if (op_->seek_upper != nullptr) {
        DOSSIER_ASSIGN_OR_RETURN(Value v,
                                 eval_->Eval(*op_->seek_upper, layout, in));
        if (v.is_null()) return absl::OkStatus();
        if (!scalar(v) ||
            (v.kind() == ValueKind::kDouble && std::isnan(v.AsDouble())))
          return Fallback(std::move(in), *label, *key, std::nullopt, out);
        range.upper = v;
        range.upper_inclusive = op_->upper_inclusive;
      }
    }
    std::vector<graph::NodeId> ids;
    absl::Status budget;
    DOSSIER_RETURN_IF_ERROR(
        ctx_->txn().SeekProperty(*label, *key, range, [&](graph::NodeId id) {
          if (ctx_->IsDeletedNode(id)) return true;
          ids.push_back(id);
          budget = ctx_->Tick();
          return budget.ok();
        }));
    DOSSIER_RETURN_IF_ERROR(budget);
    for (graph::NodeId id : ids) {
      Row r = in;
      r[op_->slot] = Value::Node(id);
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }

 private:
  // `key IN list`: one equality seek per distinct element, the nodes
  // deduplicated and handed out in id order (as a label scan would). Null
  // elements match nothing; an element the index cannot order (a list, a
  // map, NaN) or a non-list falls back to the label scan, and the filter
  // above decides.
  absl::Status SeekList(Row in, graph::LabelId label, graph::PropKeyId key,
                        const Value& list, std::vector<Row>* out) {
    if (list.is_null()) return absl::OkStatus();
    if (list.kind() != ValueKind::kList) {
      return Fallback(std::move(in), label, key, std::nullopt, out);
    }
    for (const Value& v : list.AsList()) {
      bool scalar =
          v.is_null() || v.kind() == ValueKind::kBool ||
          v.kind() == ValueKind::kInt || v.kind() == ValueKind::kString ||
          (v.kind() == ValueKind::kDouble && !std::isnan(v.AsDouble()));
      if (!scalar)
        return Fallback(std::move(in), label, key, std::nullopt, out);
    }
    std::vector<graph::NodeId> ids;
    absl::Status budget;
    for (const Value& v : list.AsList()) {
      if (v.is_null()) continue;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      DOSSIER_RETURN_IF_ERROR(ctx_->txn().SeekProperty(
          label, key, graph::PropertyRange::Equal(v), [&](graph::NodeId id) {
            if (ctx_->IsDeletedNode(id)) return true;
            ids.push_back(id);
            budget = ctx_->Tick();
            return budget.ok();
          }));
      DOSSIER_RETURN_IF_ERROR(budget);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    out->reserve(out->size() + ids.size());
    for (graph::NodeId id : ids) {
      Row r = in;
      r[op_->slot] = Value::Node(id);
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }

  // Values the index cannot order exactly (lists, NaN, doubles in ranges):
  // scan the label and let the filter above decide.
  absl::Status Fallback(Row in, graph::LabelId label, graph::PropKeyId,
                        std::optional<Value>, std::vector<Row>* out) {
    DOSSIER_ASSIGN_OR_RETURN(
        std::shared_ptr<const std::vector<graph::NodeId>> ids,
        ctx_->ScanNodes(label));
    for (graph::NodeId id : *ids) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      Row r = in;
      r[op_->slot] = Value::Node(id);
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }
};

// True when row[slot] is `edge` or a list holding it.
bool Uses(const Row& row, int slot, graph::EdgeId edge) {
  const Value& v = row[slot];
  if (v.kind() == ValueKind::kEdge) return v.AsEdge().id == edge;
  if (v.kind() == ValueKind::kList) {
    for (const auto& x : v.AsList()) {
      if (x.kind() == ValueKind::kEdge && x.AsEdge().id == edge) return true;
    }
  }
  return false;
}

class ExpandOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    const Value& from = in[op_->from_slot];
    if (from.kind() != ValueKind::kNode) return absl::OkStatus();
    graph::NodeId src = from.AsNode();
    std::vector<graph::TypeId> types;
    for (const auto& t : op_->types) {
      if (auto id = ctx_->FindType(t)) types.push_back(*id);
    }
    if (!op_->types.empty() && types.empty()) return absl::OkStatus();
    std::vector<graph::EdgeRef> edges;
    absl::Status budget;
    DOSSIER_RETURN_IF_ERROR(
        ctx_->txn().Expand(src, ToGraphDirection(op_->direction), types,
                           [&](const graph::EdgeRef& e) {
                             edges.push_back(e);
                             budget = ctx_->Tick();
                             return budget.ok();
                           }));
    DOSSIER_RETURN_IF_ERROR(budget);
    for (const graph::EdgeRef& e : edges) {
      if (ctx_->IsDeletedEdge(e.id)) continue;
      bool excluded = false;
      for (int s : op_->exclude_slots) excluded = excluded || Uses(in, s, e.id);
      if (excluded) continue;
      graph::NodeId other = e.src == src ? e.dst : e.src;
      if (op_->rel_bound) {
        const Value& r = in[op_->rel_slot];
        if (r.kind() != ValueKind::kEdge || r.AsEdge().id != e.id) continue;
      }
      if (op_->into) {
        const Value& t = in[op_->slot];
        if (t.kind() != ValueKind::kNode || t.AsNode() != other) continue;
      }
      Row r = in;
      r[op_->slot] = Value::Node(other);
      r[op_->rel_slot] = Value::Edge(e);
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }
};

class FilterOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::StatusOr<bool> NextImpl(Row* row) override {
    const Layout& layout = op_->layout;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(row));
      if (!more) return false;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      bool pass = true;
      for (const EntityCheck& c : op_->checks) {
        DOSSIER_ASSIGN_OR_RETURN(pass,
                                 CheckEntity(c, layout, *row, ctx_, eval_));
        if (!pass) break;
      }
      for (size_t i = 0; pass && i < op_->conjuncts.size(); ++i) {
        DOSSIER_ASSIGN_OR_RETURN(pass, eval_->Test(*op_->conjuncts[i], layout,
                                                   *row, &op_->overrides));
      }
      if (pass && op_->predicate != nullptr) {
        DOSSIER_ASSIGN_OR_RETURN(
            pass, eval_->Test(*op_->predicate, layout, *row, &op_->overrides));
      }
      if (pass) return true;
    }
  }
};

class NamedPathOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    graph::PathValue path;
    const Value& first = in[op_->path_nodes[0]];
    if (first.kind() != ValueKind::kNode) {
      in[op_->path_slot] = Value::Null();
      out->push_back(std::move(in));
      return absl::OkStatus();
    }
    graph::NodeId cur = first.AsNode();
    path.nodes.push_back(cur);
    for (int slot : op_->path_rels) {
      const Value& r = in[slot];
      std::vector<graph::EdgeRef> edges;
      if (r.kind() == ValueKind::kEdge) edges.push_back(r.AsEdge());
      if (r.kind() == ValueKind::kList) {
        for (const auto& x : r.AsList()) edges.push_back(x.AsEdge());
      }
      for (const auto& e : edges) {
        cur = e.src == cur ? e.dst : e.src;
        path.edges.push_back(e);
        path.nodes.push_back(cur);
      }
    }
    in[op_->path_slot] = Value::Path(std::move(path));
    out->push_back(std::move(in));
    return absl::OkStatus();
  }
};

}  // namespace

PhysPtr MakeOnce(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<OnceOp>(op, ctx, eval);
}
PhysPtr MakeNodeScan(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<NodeScanOp>(op, ctx, eval);
}
PhysPtr MakePropertyIndexSeek(const LogicalOp* op, ExecContext* ctx,
                              Evaluator* eval) {
  return std::make_unique<PropertyIndexSeekOp>(op, ctx, eval);
}
PhysPtr MakeExpand(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<ExpandOp>(op, ctx, eval);
}
PhysPtr MakeFilter(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<FilterOp>(op, ctx, eval);
}
PhysPtr MakeNamedPath(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<NamedPathOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
