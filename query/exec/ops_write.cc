// Write operators: Create, Merge, Set, Remove, Delete.
#include <memory>
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/operators.h"
#include "query/exec/write_support.h"
#include "query/plan/planner.h"
#include "query/values/errors.h"

namespace dossier::query::internal {

using graph::CatalogKind;
using graph::Value;
using graph::ValueKind;

namespace {

class CreateOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    for (const auto& p : op_->clause->As<CreateClause>().patterns) {
      DOSSIER_RETURN_IF_ERROR(CreatePattern(ctx_, eval_, p, op_->layout, &in, false));
    }
    out->push_back(std::move(in));
    return absl::OkStatus();
  }
};

class SetOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    for (const SetItem& item : op_->clause->As<SetClause>().items) {
      DOSSIER_RETURN_IF_ERROR(ApplySetItem(ctx_, eval_, item, op_->layout, in));
    }
    out->push_back(std::move(in));
    return absl::OkStatus();
  }
};

class RemoveOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    for (const RemoveItem& item : op_->clause->As<RemoveClause>().items) {
      switch (item.kind) {
        case RemoveItem::Kind::kProperty: {
          const auto& p = item.target->As<PropertyExpr>();
          DOSSIER_ASSIGN_OR_RETURN(Value entity, eval_->Eval(*p.object, op_->layout, in));
          DOSSIER_RETURN_IF_ERROR(SetProperty(ctx_, entity, p.key, Value::Null()));
          break;
        }
        case RemoveItem::Kind::kLabels: {
          int slot = op_->layout.Find(item.variable);
          if (slot < 0) return absl::InternalError("REMOVE of an unknown variable");
          const Value& node = in[slot];
          if (node.is_null()) break;
          if (node.kind() != ValueKind::kNode)
            return TypeError(kInvalidArgumentType, "labels can only be removed from nodes");
          for (const auto& l : item.labels) {
            auto id = ctx_->FindLabel(l);
            if (!id) continue;
            DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, ctx_->Node(node.AsNode()));
            if (!rec->HasLabel(*id)) continue;
            DOSSIER_RETURN_IF_ERROR(ctx_->TouchNode(node.AsNode()));
            DOSSIER_RETURN_IF_ERROR(ctx_->txn().RemoveLabel(node.AsNode(), *id));
            ctx_->Invalidate(node.AsNode());
            ctx_->NoteWrite();
            ++ctx_->stats().labels_removed;
          }
          break;
        }
      }
    }
    out->push_back(std::move(in));
    return absl::OkStatus();
  }
};

class DeleteOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    const auto& d = op_->clause->As<DeleteClause>();
    for (const auto& target : d.targets) {
      DOSSIER_ASSIGN_OR_RETURN(Value v, eval_->Eval(*target, op_->layout, in));
      DOSSIER_RETURN_IF_ERROR(DeleteValue(ctx_, v, d.detach));
    }
    out->push_back(std::move(in));
    return absl::OkStatus();
  }
};

class MergeOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status OpenImpl() override {
    if (match_ == nullptr) {
      const auto& m = op_->clause->As<MergeClause>();
      DOSSIER_ASSIGN_OR_RETURN(
          logical_, PlanPatternSubquery(child().logical().layout, {&m.pattern}, nullptr));
      DOSSIER_ASSIGN_OR_RETURN(match_, BuildPhysical(*logical_, ctx_, eval_, &arguments_));
    }
    return FlatMapOperator::OpenImpl();
  }

  absl::Status Map(Row in, std::vector<Row>* out) override {
    const auto& m = op_->clause->As<MergeClause>();
    Row input(in.begin(), in.begin() + child().logical().layout.size());
    for (ArgumentOperator* a : arguments_) a->SetRow(input);
    DOSSIER_RETURN_IF_ERROR(match_->Open());
    const Layout& inner = logical_->layout;
    std::vector<Row> matched;
    Row r;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, match_->Next(&r));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      Row o = in;
      for (int s = 0; s < op_->layout.size(); ++s) {
        int is = inner.Find(op_->layout.name(s));
        if (is >= 0) o[s] = r[is];
      }
      matched.push_back(std::move(o));
    }
    if (matched.empty()) {
      DOSSIER_RETURN_IF_ERROR(CreatePattern(ctx_, eval_, m.pattern, op_->layout, &in, true));
      for (const SetItem& item : m.on_create) {
        DOSSIER_RETURN_IF_ERROR(ApplySetItem(ctx_, eval_, item, op_->layout, in));
      }
      out->push_back(std::move(in));
      return absl::OkStatus();
    }
    for (Row& o : matched) {
      for (const SetItem& item : m.on_match) {
        DOSSIER_RETURN_IF_ERROR(ApplySetItem(ctx_, eval_, item, op_->layout, o));
      }
      out->push_back(std::move(o));
    }
    return absl::OkStatus();
  }

 private:
  std::unique_ptr<LogicalOp> logical_;
  std::unique_ptr<PhysicalOperator> match_;
  std::vector<ArgumentOperator*> arguments_;
};

}  // namespace

PhysPtr MakeCreate(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<CreateOp>(op, ctx, eval);
}
PhysPtr MakeMerge(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<MergeOp>(op, ctx, eval);
}
PhysPtr MakeSet(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<SetOp>(op, ctx, eval);
}
PhysPtr MakeRemove(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<RemoveOp>(op, ctx, eval);
}
PhysPtr MakeDelete(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<DeleteOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
