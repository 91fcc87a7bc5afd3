// ProcedureCall: CALL algo.pagerank() / algo.components() /
// algo.betweenness(), yielding (node, score|component) rows, and
// db.labels() / db.relationshipTypes() / db.propertyKeys(), yielding the
// names in use (property keys: every key the catalog holds), sorted.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/algo_bridge.h"
#include "query/exec/operators.h"
#include "query/procedures.h"

namespace dossier::query::internal {

namespace {

using graph::CatalogKind;

class ProcedureCallOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    if (!computed_) {
      const auto& call = op_->clause->As<CallClause>();
      const ProcedureSignature* proc = FindProcedure(call.procedure);
      if (proc == nullptr) {
        return absl::InternalError("unplanned procedure " + call.procedure);
      }
      DOSSIER_RETURN_IF_ERROR(Compute(proc->id));
      computed_ = true;
    }
    int base = child().logical().layout.size();
    for (const auto& [node, value] : results_) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (node != kNoNode && ctx_->IsDeletedNode(node)) continue;
      Row r = in;
      for (size_t i = 0; i < op_->items.size(); ++i) {
        r[base + i] =
            op_->items[i].name == "node" ? graph::Value::Node(node) : value;
      }
      out->push_back(std::move(r));
    }
    return absl::OkStatus();
  }

 private:
  static constexpr graph::NodeId kNoNode = ~graph::NodeId{0};

  absl::Status Compute(Procedure id) {
    switch (id) {
      case Procedure::kPageRank:
        return RunAlgo(Algorithm::kPageRank);
      case Procedure::kComponents:
        return RunAlgo(Algorithm::kComponents);
      case Procedure::kBetweenness:
        return RunAlgo(Algorithm::kBetweenness);
      case Procedure::kLabels:
        return Labels();
      case Procedure::kRelationshipTypes:
        return RelationshipTypes();
      case Procedure::kPropertyKeys: {
        std::vector<std::string> names =
            ctx_->store().catalog().Names(CatalogKind::kPropKey);
        return Emit(std::move(names));
      }
    }
    return absl::OkStatus();
  }

  absl::Status RunAlgo(Algorithm algo) {
    DOSSIER_ASSIGN_OR_RETURN(auto csr, ctx_->txn().GetCsr());
    AlgoLimits limits;
    limits.check = [this]() { return ctx_->CheckBudget(); };
    DOSSIER_ASSIGN_OR_RETURN(results_, RunAlgorithm(algo, *csr, limits));
    return absl::OkStatus();
  }

  // Labels carried by at least one node this statement can see.
  absl::Status Labels() {
    std::vector<std::string> names =
        ctx_->store().catalog().Names(CatalogKind::kLabel);
    std::vector<std::string> used;
    for (uint32_t id = 0; id < names.size(); ++id) {
      if (names[id].empty()) continue;
      DOSSIER_ASSIGN_OR_RETURN(
          std::shared_ptr<const std::vector<graph::NodeId>> nodes,
          ctx_->ScanNodes(id));
      for (graph::NodeId n : *nodes) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        if (ctx_->IsDeletedNode(n)) continue;
        // The label index may list a node whose label this statement
        // removed: the record decides.
        DOSSIER_ASSIGN_OR_RETURN(bool has, ctx_->HasLabel(n, id));
        if (has) {
          used.push_back(names[id]);
          break;
        }
      }
    }
    return Emit(std::move(used));
  }

  // Relationship types of at least one relationship this statement can see:
  // from the Csr's type array, or, once the statement changed
  // relationships, by a scan of the transaction's relationships.
  absl::Status RelationshipTypes() {
    std::vector<std::string> names =
        ctx_->store().catalog().Names(CatalogKind::kType);
    std::vector<bool> seen(names.size(), false);
    if (!ctx_->txn().HasAdjacencyChanges() && ctx_->write_generation() == 0) {
      DOSSIER_ASSIGN_OR_RETURN(auto csr, ctx_->txn().GetCsr());
      for (uint64_t o = 0; o < csr->num_edges(); ++o) {
        if ((o & 0xffff) == 0) DOSSIER_RETURN_IF_ERROR(ctx_->CheckBudget());
        graph::TypeId t = csr->Type(o);
        if (t < seen.size()) seen[t] = true;
      }
    } else {
      absl::Status budget;
      DOSSIER_RETURN_IF_ERROR(
          ctx_->txn().ScanEdges([&](const graph::EdgeRef& e) {
            budget = ctx_->Tick();
            if (!budget.ok()) return false;
            if (!ctx_->IsDeletedEdge(e.id) && e.type < seen.size()) {
              seen[e.type] = true;
            }
            return true;
          }));
      DOSSIER_RETURN_IF_ERROR(budget);
    }
    std::vector<std::string> used;
    for (size_t t = 0; t < names.size(); ++t) {
      if (seen[t] && !names[t].empty()) used.push_back(names[t]);
    }
    return Emit(std::move(used));
  }

  absl::Status Emit(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    for (std::string& n : names) {
      if (n.empty()) continue;
      DOSSIER_RETURN_IF_ERROR(
          ctx_->Charge(48 + static_cast<int64_t>(n.size())));
      results_.emplace_back(kNoNode, graph::Value::String(std::move(n)));
    }
    return absl::OkStatus();
  }

  bool computed_ = false;
  std::vector<std::pair<graph::NodeId, graph::Value>> results_;
};

}  // namespace

PhysPtr MakeProcedureCall(const LogicalOp* op, ExecContext* ctx,
                          Evaluator* eval) {
  return std::make_unique<ProcedureCallOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
