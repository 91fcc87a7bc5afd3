// Unwind: one row per element of a list, produced one at a time.
//
// `UNWIND range(a, b[, step])` with integer bounds counts without building
// the list, so `UNWIND range(1, 1000000000) AS i … LIMIT 5` costs five rows
// and a streamed result over a long range holds one row at a time. Any
// other list is evaluated once per input row and handed out element by
// element (never copied into rows ahead of demand).
#include <memory>
#include <utility>

#include "graph/status_macros.h"
#include "query/exec/evaluator.h"
#include "query/exec/operators.h"

namespace dossier::query::internal {

using graph::Value;
using graph::ValueKind;

namespace {

class UnwindOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    state_ = State::kNeedInput;
    list_ = Value::Null();
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (true) {
      switch (state_) {
        case State::kNeedInput: {
          DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&input_));
          if (!more) return false;
          DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
          input_.resize(op_->layout.size());
          DOSSIER_RETURN_IF_ERROR(Start());
          break;
        }
        case State::kRange: {
          DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
          *row = input_;
          (*row)[op_->slot] = Value::Int(static_cast<int64_t>(next_));
          next_ += step_;
          if (step_ > 0 ? next_ > end_ : next_ < end_) {
            state_ = State::kNeedInput;
          }
          return true;
        }
        case State::kList: {
          const graph::ValueList& list = list_.AsList();
          if (index_ >= list.size()) {
            state_ = State::kNeedInput;
            list_ = Value::Null();
            break;
          }
          DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
          *row = input_;
          (*row)[op_->slot] = list[index_++];
          return true;
        }
        case State::kSingle: {
          state_ = State::kNeedInput;
          *row = std::move(input_);
          (*row)[op_->slot] = std::move(list_);
          list_ = Value::Null();
          return true;
        }
      }
    }
  }

 private:
  enum class State { kNeedInput, kRange, kList, kSingle };

  // Sets up the elements of the current input row.
  absl::Status Start() {
    const Expr& e = *op_->count;
    const Layout& layout = child().logical().layout;
    if (e.kind() == ExprKind::kFunctionCall) {
      const auto& call = e.As<FunctionCallExpr>();
      if (call.name == "range" && !call.distinct &&
          (call.args.size() == 2 || call.args.size() == 3)) {
        Value bounds[3] = {Value::Null(), Value::Null(), Value::Int(1)};
        for (size_t i = 0; i < call.args.size(); ++i) {
          DOSSIER_ASSIGN_OR_RETURN(bounds[i],
                                   eval_->Eval(*call.args[i], layout, input_));
        }
        if (bounds[0].kind() == ValueKind::kInt &&
            bounds[1].kind() == ValueKind::kInt &&
            bounds[2].kind() == ValueKind::kInt && bounds[2].AsInt() != 0) {
          next_ = bounds[0].AsInt();
          end_ = bounds[1].AsInt();
          step_ = bounds[2].AsInt();
          bool empty = step_ > 0 ? next_ > end_ : next_ < end_;
          state_ = empty ? State::kNeedInput : State::kRange;
          return absl::OkStatus();
        }
        // Other arguments: range() itself reports what is wrong.
      }
    }
    DOSSIER_ASSIGN_OR_RETURN(list_, eval_->Eval(e, layout, input_));
    if (list_.is_null()) {
      state_ = State::kNeedInput;
    } else if (list_.kind() != ValueKind::kList) {
      state_ = State::kSingle;  // UNWIND of a scalar: one row.
    } else {
      index_ = 0;
      state_ = State::kList;
    }
    return absl::OkStatus();
  }

  State state_ = State::kNeedInput;
  Row input_;
  // kRange: the next value, the last one and the step (128 bits: the sum
  // never overflows).
  __int128 next_ = 0;
  __int128 end_ = 0;
  __int128 step_ = 1;
  // kList / kSingle: the value being unwound.
  Value list_ = Value::Null();
  size_t index_ = 0;
};

}  // namespace

PhysPtr MakeUnwind(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<UnwindOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
