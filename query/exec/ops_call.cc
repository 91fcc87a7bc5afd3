// ProcedureCall: CALL algo.pagerank() / algo.components() /
// algo.betweenness(), yielding (node, score|component) rows.
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/algo_bridge.h"
#include "query/exec/operators.h"

namespace dossier::query::internal {

namespace {

class ProcedureCallOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    if (!computed_) {
      const auto& call = op_->clause->As<CallClause>();
      Algorithm algo = Algorithm::kPageRank;
      if (call.procedure == "algo.components") algo = Algorithm::kComponents;
      if (call.procedure == "algo.betweenness") algo = Algorithm::kBetweenness;
      DOSSIER_ASSIGN_OR_RETURN(auto csr, ctx_->txn().GetCsr());
      AlgoLimits limits;
      limits.check = [this]() { return ctx_->CheckBudget(); };
      DOSSIER_ASSIGN_OR_RETURN(results_, RunAlgorithm(algo, *csr, limits));
      computed_ = true;
    }
    int base = child().logical().layout.size();
    for (const auto& [node, value] : results_) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (ctx_->IsDeletedNode(node)) continue;
      Row r = in;
      for (size_t i = 0; i < op_->items.size(); ++i) {
        r[base + i] = op_->items[i].name == "node" ? graph::Value::Node(node) : value;
      }
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }

 private:
  bool computed_ = false;
  std::vector<std::pair<graph::NodeId, graph::Value>> results_;
};

}  // namespace

PhysPtr MakeProcedureCall(const LogicalOp* op, ExecContext* ctx,
                          Evaluator* eval) {
  return std::make_unique<ProcedureCallOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
