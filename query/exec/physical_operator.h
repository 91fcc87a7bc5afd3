// PhysicalOperator: a pull-based, row-at-a-time operator.
//
// Open() (re)starts the operator and its children; Next() produces one row
// at a time until it returns false. Operators that extend their input
// (scans, expansions) compute all extensions of one input row, then hand
// them out one by one. Budget checks (ExecContext::Tick) sit in every loop.
#ifndef DOSSIER_QUERY_EXEC_PHYSICAL_OPERATOR_H_
#define DOSSIER_QUERY_EXEC_PHYSICAL_OPERATOR_H_

#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "query/exec/context.h"
#include "query/exec/row.h"
#include "query/plan/logical_plan.h"

namespace dossier::query {

class Evaluator;

class PhysicalOperator {
 public:
  PhysicalOperator(const LogicalOp* op, ExecContext* ctx, Evaluator* eval)
      : op_(op), ctx_(ctx), eval_(eval) {}
  virtual ~PhysicalOperator() = default;

  // Restarts the operator (and its children).
  absl::Status Open();
  // Produces the next row into *row; false when there is none.
  absl::StatusOr<bool> Next(Row* row);

  const LogicalOp& logical() const { return *op_; }
  std::vector<std::unique_ptr<PhysicalOperator>>& children() {
    return children_;
  }
  // PROFILE counters.
  int64_t rows() const { return rows_; }
  absl::Duration time() const { return time_; }

 protected:
  virtual absl::Status OpenImpl();
  virtual absl::StatusOr<bool> NextImpl(Row* row) = 0;
  PhysicalOperator& child(size_t i = 0) { return *children_[i]; }

  const LogicalOp* op_;
  ExecContext* ctx_;
  Evaluator* eval_;
  std::vector<std::unique_ptr<PhysicalOperator>> children_;

 private:
  int64_t rows_ = 0;
  absl::Duration time_;
};

// An operator that maps each input row to zero or more output rows.
class FlatMapOperator : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override;
  absl::StatusOr<bool> NextImpl(Row* row) override;
  // Appends the outputs of `in` to *out.
  virtual absl::Status Map(Row in, std::vector<Row>* out) = 0;

 private:
  std::vector<Row> buffer_;
  size_t pos_ = 0;
};

// The leaf of an inner plan: yields the row its owner set, once per Open.
class ArgumentOperator : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;
  void SetRow(Row row) { row_ = std::move(row); }

 protected:
  absl::Status OpenImpl() override {
    done_ = false;
    return absl::OkStatus();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (done_) return false;
    done_ = true;
    *row = row_;
    return true;
  }

 private:
  Row row_;
  bool done_ = false;
};

// A built operator tree and the Argument leaves of its inner plans.
struct PhysicalPlan {
  std::unique_ptr<PhysicalOperator> root;
  // Argument leaves directly fed by the caller (sub-plans).
  std::vector<ArgumentOperator*> arguments;
};

// Builds the physical operators of `op` (one exhaustive switch over
// LogicalOpKind). Leaves of kind Argument are registered in *arguments.
absl::StatusOr<std::unique_ptr<PhysicalOperator>> BuildPhysical(
    const LogicalOp& op, ExecContext* ctx, Evaluator* eval,
    std::vector<ArgumentOperator*>* arguments);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_PHYSICAL_OPERATOR_H_
