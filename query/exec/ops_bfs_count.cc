// BfsCount: the count(*) of the (start row, reached node) pairs a BfsExpand
// would yield through its Filters, searched for up to 64 start rows at
// once (planned by query/plan/rule_bfs_count.cc).
//
// The operator's child is the plan it replaces — Aggregate ← Filter* ←
// BfsExpand ← input — built as usual. When the transaction has changed
// relationships the operator hands on that plan's one row. Otherwise it
// pulls the start rows straight from the BfsExpand's input and runs a
// multi-source BFS over the Csr: every vertex holds three 64-bit masks
// (start rows that reached it, that reached it at the current level, that
// reach it at the next), so a level scans each frontier vertex's
// relationships once for all the rows of the batch. The nodes reached are
// those of the BfsExpand: within max hops, the start node itself when the
// lower bound is 0 or a cycle returns to it.
//
// Each newly reached (row, node) pair is tested against the Filters'
// conditions in their order, as the Filters would (the first false one
// ends the test; an error is raised only when reached). A condition that
// reads only the reached node is evaluated once per vertex and level, one
// that reads only the start row once per row, a comparison between the two
// sides as one operand per vertex and one per row (then a comparison per
// pair), any other on the pair's row.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/evaluator.h"
#include "query/exec/operators.h"
#include "query/values/compare.h"

namespace dossier::query::internal {

using graph::Csr;
using graph::NodeId;
using graph::Value;
using graph::ValueKind;
using Reads = ReachCondition::Reads;

namespace {

constexpr int kBatch = 64;

class BfsCountOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    done_ = false;
    through_ = false;
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (through_) return child().Next(row);
    if (done_) return false;
    if (ctx_->txn().HasAdjacencyChanges()) {
      through_ = true;  // No Csr: the plan below, as it is.
      return child().Next(row);
    }
    DOSSIER_ASSIGN_OR_RETURN(int64_t pairs, Count());
    done_ = true;
    row->clear();
    for (int i = 0; i < op_->layout.size(); ++i) {
      row->push_back(Value::Int(pairs));
    }
    return true;
  }

 private:
  // What is known of one condition for one start row of the batch.
  struct StartState {
    bool known = false;
    absl::Status status;  // An error met evaluating it (or its operand).
    bool pass = false;    // kStart: the outcome.
    Value operand;        // Comparison: the start side's operand.
  };
  // What is known of one condition for the vertex being counted.
  struct TargetState {
    absl::Status status;
    bool pass = false;  // kTarget: the outcome.
    Value operand;      // Comparison: the target side's operand.
  };

  // Runs the search over every start row; the number of pairs that pass.
  absl::StatusOr<int64_t> Count() {
    PhysicalOperator* op = child().children()[0].get();
    while (op->logical().kind == LogicalOpKind::kFilter) {
      op = op->children()[0].get();
    }
    bfs_ = &op->logical();
    PhysicalOperator& input = *op->children()[0];
    types_.clear();
    for (const auto& t : bfs_->types) {
      if (auto id = ctx_->FindType(t)) types_.push_back(*id);
    }
    const bool no_type = !bfs_->types.empty() && types_.empty();
    if (csr_ == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(csr_, ctx_->txn().GetCsr());
    }
    pairs_ = 0;
    batch_.clear();
    batch_vertex_.clear();
    Row in;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, input.Next(&in));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (no_type) continue;  // The BfsExpand yields nothing.
      in.resize(bfs_->layout.size());
      const Value& from = in[bfs_->from_slot];
      if (from.kind() != ValueKind::kNode) continue;
      const Csr::Vertex v = csr_->VertexOf(from.AsNode());
      if (v == Csr::kNoVertex) {
        // No relationships: only the node itself, when min is 0.
        if (bfs_->min_hops == 0) {
          if (!batch_.empty()) DOSSIER_RETURN_IF_ERROR(Search());
          batch_.push_back(in);
          starts_.assign(op_->reach_conditions.size(), {});
          absl::Status counted = CountAt(from.AsNode(), 1);
          batch_.clear();
          DOSSIER_RETURN_IF_ERROR(counted);
        }
        continue;
      }
      if (batch_.size() == kBatch) DOSSIER_RETURN_IF_ERROR(Search());
      batch_.push_back(in);
      batch_vertex_.push_back(v);
    }
    if (!batch_.empty()) DOSSIER_RETURN_IF_ERROR(Search());
    return pairs_;
  }

  // Allocates the masks once (charged until the query ends).
  absl::Status Prepare() {
    if (!seen_.empty() || csr_->num_vertices() == 0) return absl::OkStatus();
    const size_t n = csr_->num_vertices();
    const int64_t bytes = static_cast<int64_t>(3 * n * sizeof(uint64_t));
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
    seen_.assign(n, 0);
    level_.assign(n, 0);
    next_.assign(n, 0);
    return absl::OkStatus();
  }

  // The multi-source BFS of the batch's start rows; the masks are clear
  // again after it, whatever its outcome.
  absl::Status Search() {
    absl::Status status = Prepare();
    if (status.ok()) status = Levels();
    for (Csr::Vertex u : frontier_) level_[u] = 0;
    for (Csr::Vertex w : reached_) next_[w] = 0;
    for (Csr::Vertex v : touched_) seen_[v] = 0;
    frontier_.clear();
    reached_.clear();
    touched_.clear();
    batch_.clear();
    batch_vertex_.clear();
    return status;
  }

  absl::Status Levels() {
    starts_.assign(batch_.size() * op_->reach_conditions.size(), {});
    std::vector<Csr::Vertex>& frontier = frontier_;
    frontier.clear();
    for (size_t i = 0; i < batch_vertex_.size(); ++i) {
      const Csr::Vertex v = batch_vertex_[i];
      if (level_[v] == 0) frontier.push_back(v);
      level_[v] |= uint64_t{1} << i;
    }
    if (bfs_->min_hops == 0) {
      for (Csr::Vertex v : frontier) {
        touched_.push_back(v);
        seen_[v] |= level_[v];
        DOSSIER_RETURN_IF_ERROR(CountAt(csr_->NodeOf(v), level_[v]));
      }
    }
    int64_t depth = 0;
    absl::Status status;
    while (!frontier.empty() &&
           (bfs_->max_hops < 0 || depth < bfs_->max_hops)) {
      ++depth;
      for (Csr::Vertex u : frontier) {
        const uint64_t m = level_[u];
        level_[u] = 0;
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        Neighbours(u, [&](Csr::Vertex w) {
          if (next_[w] == 0) reached_.push_back(w);
          next_[w] |= m;
        });
      }
      frontier.clear();
      for (Csr::Vertex w : reached_) {
        const uint64_t fresh = next_[w] & ~seen_[w];
        next_[w] = 0;
        if (fresh == 0) continue;
        if (seen_[w] == 0) touched_.push_back(w);
        seen_[w] |= fresh;
        level_[w] = fresh;
        frontier.push_back(w);
        if (status.ok()) status = CountAt(csr_->NodeOf(w), fresh);
      }
      reached_.clear();
      DOSSIER_RETURN_IF_ERROR(status);
      DOSSIER_RETURN_IF_ERROR(ChargeLists());
    }
    return absl::OkStatus();
  }

  // Calls fn(w) for each vertex one relationship of the pattern leads to.
  template <typename Fn>
  void Neighbours(Csr::Vertex u, Fn&& fn) {
    const Csr& c = *csr_;
    if (bfs_->direction == Direction::kRight) {
      c.ForOutRanges(u, types_, [&](uint64_t b, uint64_t e) {
        for (uint64_t o = b; o < e; ++o) fn(c.Target(o));
        return true;
      });
    } else {
      c.ForInRanges(u, types_, [&](uint64_t b, uint64_t e) {
        for (uint64_t s = b; s < e; ++s) fn(c.InSource(s));
        return true;
      });
    }
  }

  absl::Status ChargeLists() {
    const int64_t bytes = static_cast<int64_t>(
        (frontier_.capacity() + reached_.capacity() + touched_.capacity()) *
        sizeof(Csr::Vertex));
    if (bytes == lists_charged_) return absl::OkStatus();
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes - lists_charged_));
    lists_charged_ = bytes;
    return absl::OkStatus();
  }

  // The row the BfsExpand would yield for start row `i` reaching `node`.
  void PairRow(size_t i, NodeId node, Row* row) const {
    *row = batch_[i];
    (*row)[bfs_->slot] = Value::Node(node);
    if (bfs_->rel_slot >= 0) (*row)[bfs_->rel_slot] = Value::Null();
  }

  absl::StatusOr<bool> Holds(const ReachCondition& c, const Row& row) {
    if (c.check != nullptr) {
      return CheckEntity(*c.check, c.filter->layout, row, ctx_, eval_);
    }
    return eval_->Test(*c.expr, c.filter->layout, row, &c.filter->overrides);
  }

  const Expr& Operand(const ReachCondition& c, int side) const {
    return *c.expr->As<ComparisonExpr>().operands[side];
  }

  // Counts the pairs of `node` with the start rows of `rows` (a bit each).
  absl::Status CountAt(NodeId node, uint64_t rows) {
    DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
    const auto& conds = op_->reach_conditions;
    targets_.resize(conds.size());
    bool have_row = false;
    for (size_t j = 0; j < conds.size(); ++j) {
      const ReachCondition& c = conds[j];
      if (c.reads != Reads::kTarget && c.target_operand < 0) continue;
      if (!have_row) {
        PairRow(std::countr_zero(rows), node, &scratch_);
        have_row = true;
      }
      TargetState& t = targets_[j];
      t.status = absl::OkStatus();
      if (c.reads == Reads::kTarget) {
        absl::StatusOr<bool> pass = Holds(c, scratch_);
        if (pass.ok()) {
          t.pass = *pass;
        } else {
          t.status = pass.status();
        }
      } else {
        absl::StatusOr<Value> v = eval_->Eval(Operand(c, c.target_operand),
                                              c.filter->layout, scratch_);
        if (v.ok()) {
          t.operand = *std::move(v);
        } else {
          t.status = v.status();
        }
      }
    }
    for (uint64_t m = rows; m != 0; m &= m - 1) {
      const size_t i = std::countr_zero(m);
      DOSSIER_ASSIGN_OR_RETURN(bool pass, PairPasses(i, node));
      if (pass) ++pairs_;
    }
    return absl::OkStatus();
  }

  // The Filters' verdict on start row `i` and `node`, condition by
  // condition (targets_ holds the node's side).
  absl::StatusOr<bool> PairPasses(size_t i, NodeId node) {
    const auto& conds = op_->reach_conditions;
    bool have_row = false;
    for (size_t j = 0; j < conds.size(); ++j) {
      const ReachCondition& c = conds[j];
      if (c.reads == Reads::kTarget) {
        DOSSIER_RETURN_IF_ERROR(targets_[j].status);
        if (!targets_[j].pass) return false;
        continue;
      }
      if (c.reads == Reads::kStart) {
        StartState& s = starts_[i * conds.size() + j];
        if (!s.known) {
          s.known = true;
          absl::StatusOr<bool> pass = Holds(c, batch_[i]);
          if (pass.ok()) {
            s.pass = *pass;
          } else {
            s.status = pass.status();
          }
        }
        DOSSIER_RETURN_IF_ERROR(s.status);
        if (!s.pass) return false;
        continue;
      }
      if (c.target_operand >= 0) {
        StartState& s = starts_[i * conds.size() + j];
        if (!s.known) {
          s.known = true;
          absl::StatusOr<Value> v = eval_->Eval(
              Operand(c, 1 - c.target_operand), c.filter->layout, batch_[i]);
          if (v.ok()) {
            s.operand = *std::move(v);
          } else {
            s.status = v.status();
          }
        }
        const TargetState& t = targets_[j];
        // Operands are evaluated left to right: the first error wins.
        if (c.target_operand == 0) {
          DOSSIER_RETURN_IF_ERROR(t.status);
          DOSSIER_RETURN_IF_ERROR(s.status);
        } else {
          DOSSIER_RETURN_IF_ERROR(s.status);
          DOSSIER_RETURN_IF_ERROR(t.status);
        }
        const Value& x = c.target_operand == 0 ? t.operand : s.operand;
        const Value& y = c.target_operand == 0 ? s.operand : t.operand;
        const CompareOp op = c.expr->As<ComparisonExpr>().ops[0];
        if (ApplyComparison(op, x, y) != Tri::kTrue) return false;
        continue;
      }
      if (!have_row) {
        PairRow(i, node, &pair_);
        have_row = true;
      }
      DOSSIER_ASSIGN_OR_RETURN(bool pass, Holds(c, pair_));
      if (!pass) return false;
    }
    return true;
  }

  bool done_ = false;
  bool through_ = false;
  const LogicalOp* bfs_ = nullptr;
  std::vector<graph::TypeId> types_;
  std::shared_ptr<const Csr> csr_;
  int64_t pairs_ = 0;
  std::vector<Row> batch_;  // Start rows of the batch (bit i: row i).
  std::vector<Csr::Vertex> batch_vertex_;
  std::vector<uint64_t> seen_, level_, next_;  // Per vertex, bit per row.
  std::vector<Csr::Vertex> frontier_, reached_, touched_;
  int64_t lists_charged_ = 0;
  std::vector<StartState> starts_;    // Row i, condition j: i * n + j.
  std::vector<TargetState> targets_;  // Condition j, current vertex.
  Row scratch_, pair_;
};

}  // namespace

PhysPtr MakeBfsCount(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<BfsCountOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
