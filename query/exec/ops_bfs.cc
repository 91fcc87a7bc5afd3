// BfsExpand: the distinct end nodes of a variable-length expansion, found by
// a breadth-first search per input row instead of by enumerating walks.
//
// Planned by query/plan/rule_bfs_expand.cc only where the two agree: the
// relationship list is never read, the rows meet a DISTINCT on other
// slots, the pattern is directed and its lower bound is 0 or 1. Then the
// nodes b that some relationship-unique walk of min..max hops reaches from
// a are exactly those within max hops by BFS (a shortest walk repeats no
// relationship), and a itself when min is 0 or a cycle of at most max
// hops returns to it.
//
// Read transactions (and writes that changed no relationship) search the
// Csr with a visited stamp per vertex; otherwise the search goes through
// Transaction::Expand (the transaction's own changes) with a hash set.
// Rows stream out level by level: memory is the visited set plus two
// levels, charged to the budget; every loop ticks.
#include <algorithm>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "graph/status_macros.h"
#include "query/exec/operators.h"

namespace dossier::query::internal {

using graph::Csr;
using graph::EdgeRef;
using graph::NodeId;
using graph::Value;
using graph::ValueKind;

namespace {

class BfsExpandOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  // The Csr and its stamps stay from one Open to the next (an inner plan
  // is opened per outer row); the levels are released.
  absl::Status OpenImpl() override {
    Release();
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (true) {
      if (pos_ < emit_.size()) {
        uint64_t key = emit_[pos_++];
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        NodeId node = use_csr_ ? csr_->NodeOf(static_cast<Csr::Vertex>(key)) : key;
        if (op_->into) {
          const Value& t = in_[op_->slot];
          if (t.kind() != ValueKind::kNode || t.AsNode() != node) continue;
          frontier_.clear();  // The one wanted node is found.
        }
        *row = in_;
        (*row)[op_->slot] = Value::Node(node);
        (*row)[op_->rel_slot] = Value::Null();
        return true;
      }
      if (!frontier_.empty() && (op_->max_hops < 0 || depth_ < op_->max_hops)) {
        DOSSIER_RETURN_IF_ERROR(NextLevel());
        continue;
      }
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in_));
      if (!more) return false;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      in_.resize(op_->layout.size());
      DOSSIER_RETURN_IF_ERROR(Start());
    }
  }

 private:
  // Begins the search from the input row's start node.
  absl::Status Start() {
    frontier_.clear();
    emit_.clear();
    pos_ = 0;
    depth_ = 0;
    const Value& from = in_[op_->from_slot];
    if (from.kind() != ValueKind::kNode) return absl::OkStatus();
    types_.clear();
    for (const auto& t : op_->types) {
      if (auto id = ctx_->FindType(t)) types_.push_back(*id);
    }
    if (!op_->types.empty() && types_.empty()) return absl::OkStatus();
    use_csr_ = !ctx_->txn().HasAdjacencyChanges();
    if (use_csr_ && csr_ == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(csr_, ctx_->txn().GetCsr());
      stamp_.assign(csr_->num_vertices(), 0);
      epoch_ = 0;
      int64_t bytes = static_cast<int64_t>(stamp_.size() * sizeof(uint32_t));
      DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
      stamp_charged_ = bytes;  // Held until the query ends.
    }
    src_ = from.AsNode();
    if (use_csr_) {
      Csr::Vertex v = csr_->VertexOf(src_);
      if (v == Csr::kNoVertex) {
        // Not in the adjacency: no relationships, only the node itself.
        if (op_->min_hops == 0) {
          use_csr_ = false;
          emit_.push_back(src_);
        }
        return absl::OkStatus();
      }
      if (++epoch_ == 0) {  // Wrapped: clear the stamps.
        std::fill(stamp_.begin(), stamp_.end(), 0);
        epoch_ = 1;
      }
      src_key_ = v;
    } else {
      visited_.clear();
      src_key_ = src_;
    }
    frontier_.push_back(src_key_);
    if (op_->min_hops == 0) {
      Mark(src_key_);
      emit_.push_back(src_key_);
    }
    return absl::OkStatus();
  }

  // True when `key` was not seen before (and marks it).
  bool Mark(uint64_t key) {
    if (use_csr_) {
      if (stamp_[key] == epoch_) return false;
      stamp_[key] = epoch_;
      return true;
    }
    return visited_.insert(key).second;
  }

  // Expands the frontier by one hop: the newly reached nodes are emitted
  // (the start node too, when a cycle returns to it) and, except the start
  // node, expanded next.
  absl::Status NextLevel() {
    std::vector<uint64_t> next;
    emit_.clear();
    pos_ = 0;
    ++depth_;
    auto reach = [&](uint64_t key) {
      if (!Mark(key)) return;
      emit_.push_back(key);
      if (key != src_key_) next.push_back(key);
    };
    for (uint64_t u : frontier_) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (use_csr_) {
        DOSSIER_RETURN_IF_ERROR(CsrNeighbours(static_cast<Csr::Vertex>(u), reach));
      } else {
        DOSSIER_RETURN_IF_ERROR(GenericNeighbours(u, reach));
      }
    }
    frontier_ = std::move(next);
    int64_t bytes = static_cast<int64_t>(
        (frontier_.capacity() + emit_.capacity()) * sizeof(uint64_t) +
        visited_.capacity() * (sizeof(uint64_t) + 1));
    DOSSIER_RETURN_IF_ERROR(Charge(bytes - level_bytes_));
    level_bytes_ = bytes;
    return absl::OkStatus();
  }

  template <typename Fn>
  absl::Status CsrNeighbours(Csr::Vertex u, Fn& reach) {
    const Csr& c = *csr_;
    absl::Status status;
    if (op_->direction != Direction::kLeft) {
      c.ForOutRanges(u, types_, [&](uint64_t b, uint64_t e) {
        for (uint64_t o = b; o < e; ++o) {
          status = ctx_->Tick();
          if (!status.ok()) return false;
          reach(c.Target(o));
        }
        return true;
      });
      DOSSIER_RETURN_IF_ERROR(status);
    }
    if (op_->direction != Direction::kRight) {
      c.ForInRanges(u, types_, [&](uint64_t b, uint64_t e) {
        for (uint64_t s = b; s < e; ++s) {
          status = ctx_->Tick();
          if (!status.ok()) return false;
          reach(c.InSource(s));
        }
        return true;
      });
    }
    return status;
  }

  template <typename Fn>
  absl::Status GenericNeighbours(NodeId u, Fn& reach) {
    absl::Status budget;
    DOSSIER_RETURN_IF_ERROR(ctx_->txn().Expand(
        u, ToGraphDirection(op_->direction), types_, [&](const EdgeRef& e) {
          if (!ctx_->IsDeletedEdge(e.id)) reach(e.src == u ? e.dst : e.src);
          budget = ctx_->Tick();
          return budget.ok();
        }));
    return budget;
  }

  absl::Status Charge(int64_t bytes) {
    charged_ += bytes;
    return ctx_->Charge(bytes);
  }

  void Release() {
    frontier_.clear();
    emit_.clear();
    visited_.clear();
    pos_ = 0;
    level_bytes_ = 0;
    if (charged_ != 0) ctx_->Charge(-charged_).IgnoreError();
    charged_ = 0;
  }

  Row in_;
  std::vector<graph::TypeId> types_;
  std::shared_ptr<const Csr> csr_;  // The snapshot's, fetched on first use.
  bool use_csr_ = false;  // Else search through the transaction.
  std::vector<uint32_t> stamp_;  // Csr: vertex → epoch last visited.
  uint32_t epoch_ = 0;
  int64_t stamp_charged_ = 0;
  absl::flat_hash_set<uint64_t> visited_;  // Without a Csr: node ids.
  NodeId src_ = 0;
  uint64_t src_key_ = 0;   // The start as a vertex (Csr) or node id.
  std::vector<uint64_t> frontier_;  // Reached at depth_, to expand.
  std::vector<uint64_t> emit_;      // Reached at depth_, to hand out.
  size_t pos_ = 0;
  int64_t depth_ = 0;
  int64_t level_bytes_ = 0;
  int64_t charged_ = 0;
};

}  // namespace

PhysPtr MakeBfsExpand(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<BfsExpandOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
