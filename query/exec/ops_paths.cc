// Path operators: VarLengthExpand (relationship-unique DFS, streamed) and
// ShortestPath (the bidirectional Csr BFS of graph/algorithms.h for one
// shortest path on an unchanged adjacency; otherwise a level-by-level BFS
// over Transaction::Expand, so that the transaction's own writes are seen,
// and for allShortestPaths and per-relationship predicates).
#include <algorithm>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "graph/algorithms.h"
#include "graph/status_macros.h"
#include "query/exec/operators.h"

namespace dossier::query::internal {

using graph::EdgeRef;
using graph::NodeId;
using graph::Value;
using graph::ValueKind;

namespace {

// The live relationships of `node` along `dir` with one of `types`.
absl::Status Neighbours(ExecContext* ctx, NodeId node, graph::Direction dir,
                        const std::vector<graph::TypeId>& types,
                        std::vector<EdgeRef>* out) {
  out->clear();
  absl::Status budget;
  DOSSIER_RETURN_IF_ERROR(ctx->txn().Expand(node, dir, types, [&](const EdgeRef& e) {
    if (!ctx->IsDeletedEdge(e.id)) out->push_back(e);
    budget = ctx->Tick();
    return budget.ok();
  }));
  return budget;
}

// Resolves type names; false when none of several names exists.
bool ResolveTypes(ExecContext* ctx, const std::vector<std::string>& names,
                  std::vector<graph::TypeId>* ids) {
  for (const auto& t : names) {
    if (auto id = ctx->FindType(t)) ids->push_back(*id);
  }
  return names.empty() || !ids->empty();
}

bool UsedIn(const Row& row, int slot, graph::EdgeId edge) {
  const Value& v = row[slot];
  if (v.kind() == ValueKind::kEdge) return v.AsEdge().id == edge;
  if (v.kind() == ValueKind::kList) {
    for (const auto& x : v.AsList())
      if (x.kind() == ValueKind::kEdge && x.AsEdge().id == edge) return true;
  }
  return false;
}

// Streams the relationship-unique walks from each input row: an explicit
// depth-first stack, one output row per Next(), so that memory stays
// proportional to the walk's depth (not to the number of walks) and a LIMIT
// or a budget stops the walk at once.
class VarLengthExpandOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    Reset();
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (true) {
      if (stack_.empty()) {
        Reset();
        DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in_));
        if (!more) return false;
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        in_.resize(op_->layout.size());
        const Value& from = in_[op_->from_slot];
        if (from.kind() != ValueKind::kNode) continue;
        types_.clear();
        if (!ResolveTypes(ctx_, op_->types, &types_)) continue;
        stack_.emplace_back(from.AsNode());
      }
      DOSSIER_ASSIGN_OR_RETURN(bool emitted, Step(row));
      if (emitted) return true;
    }
  }

 private:
  // One node on the current walk: its relationships still to try.
  struct Frame {
    explicit Frame(NodeId n) : node(n) {}
    NodeId node;
    bool visited = false;   // emitted (or not) on arrival
    bool expanded = false;  // `next` filled
    std::vector<EdgeRef> next;
    size_t pos = 0;
    int64_t charged = 0;  // bytes of `next` charged to the budget
  };

  // Advances the walk until it emits one row (true) or the walk of this
  // input row is over (false, stack empty).
  absl::StatusOr<bool> Step(Row* row) {
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      int64_t depth = static_cast<int64_t>(path_.size());
      if (!f.visited) {
        f.visited = true;
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        if (depth >= op_->min_hops && Emit(f.node, row)) return true;
        continue;
      }
      if (!f.expanded) {
        f.expanded = true;
        if (op_->max_hops < 0 || depth < op_->max_hops) {
          DOSSIER_RETURN_IF_ERROR(Neighbours(
              ctx_, f.node, ToGraphDirection(op_->direction), types_, &f.next));
          f.charged = 64 + static_cast<int64_t>(f.next.capacity() * sizeof(EdgeRef));
          charged_ += f.charged;
          DOSSIER_RETURN_IF_ERROR(ctx_->Charge(f.charged));
        }
        continue;
      }
      if (f.pos < f.next.size()) {
        const EdgeRef e = f.next[f.pos++];
        bool used = false;
        for (const auto& p : path_) used = used || p.id == e.id;
        for (int s : op_->exclude_slots) used = used || UsedIn(in_, s, e.id);
        if (used) continue;
        NodeId to = e.src == f.node ? e.dst : e.src;
        path_.push_back(e);
        stack_.emplace_back(to);  // invalidates f
        continue;
      }
      Pop();
    }
    return false;
  }

  // The output row for the walk ending at `node`, when it satisfies a bound
  // end node or relationship list.
  bool Emit(NodeId node, Row* row) {
    if (op_->into) {
      const Value& t = in_[op_->slot];
      if (t.kind() != ValueKind::kNode || t.AsNode() != node) return false;
    }
    graph::ValueList rels;
    rels.reserve(path_.size());
    for (const auto& e : path_) rels.push_back(Value::Edge(e));
    Value list = Value::List(std::move(rels));
    if (op_->rel_bound && !(in_[op_->rel_slot] == list)) return false;
    *row = in_;
    (*row)[op_->slot] = Value::Node(node);
    (*row)[op_->rel_slot] = std::move(list);
    return true;
  }

  void Pop() {
    int64_t bytes = stack_.back().charged;
    charged_ -= bytes;
    ctx_->Charge(-bytes).IgnoreError();
    stack_.pop_back();
    if (!path_.empty() && path_.size() >= stack_.size()) path_.pop_back();
  }

  void Reset() {
    stack_.clear();
    path_.clear();
    if (charged_ != 0) ctx_->Charge(-charged_).IgnoreError();
    charged_ = 0;
  }

  Row in_;
  std::vector<graph::TypeId> types_;
  std::vector<Frame> stack_;
  std::vector<EdgeRef> path_;  // path_.size() == stack_.size() - 1
  int64_t charged_ = 0;
};

class ShortestPathOp : public FlatMapOperator {
 public:
  using FlatMapOperator::FlatMapOperator;

 protected:
  absl::Status Map(Row in, std::vector<Row>* out) override {
    // The rows of the previous input row have been handed out.
    ctx_->Charge(-charged_).IgnoreError();
    charged_ = 0;
    const Value& a = in[op_->from_slot];
    const Value& b = in[op_->slot];
    if (a.kind() != ValueKind::kNode || b.kind() != ValueKind::kNode)
      return absl::OkStatus();
    NodeId src = a.AsNode(), dst = b.AsNode();
    std::vector<graph::TypeId> types;
    if (!ResolveTypes(ctx_, op_->types, &types)) return absl::OkStatus();
    const Layout& layout = child().logical().layout;
    if (src == dst) {
      if (op_->min_hops == 0) return Emit(in, {src}, {}, out);
      return absl::OkStatus();
    }
    if (!op_->all_shortest && op_->edge_predicates.empty() &&
        op_->min_hops <= 1 && !ctx_->txn().HasAdjacencyChanges()) {
      return CsrShortest(in, src, dst, types, out);
    }
    // parents[v]: (u, edge) pairs on shortest paths into v.
    absl::flat_hash_map<NodeId, std::vector<std::pair<NodeId, EdgeRef>>> parents;
    absl::flat_hash_map<NodeId, int64_t> level;
    level[src] = 0;
    std::vector<NodeId> frontier{src};
    std::vector<EdgeRef> edges;
    bool found = false;
    for (int64_t depth = 1; !frontier.empty() && !found; ++depth) {
      if (op_->max_hops >= 0 && depth > op_->max_hops) break;
      std::vector<NodeId> next;
      for (NodeId u : frontier) {
        DOSSIER_RETURN_IF_ERROR(
            Neighbours(ctx_, u, ToGraphDirection(op_->direction), types, &edges));
        for (const EdgeRef& e : edges) {
          NodeId v = e.src == u ? e.dst : e.src;
          auto lv = level.find(v);
          if (lv != level.end() && lv->second < depth) continue;
          bool excluded = false;
          for (const auto& p : op_->edge_predicates) {
            DOSSIER_ASSIGN_OR_RETURN(
                bool pass, eval_->TestWithLocal(*p.where, layout, in, p.variable,
                                                Value::Edge(e)));
            // none(): an edge for which the predicate holds is excluded.
            excluded = p.negated ? pass : !pass;
            if (excluded) break;
          }
          if (excluded) continue;
          if (lv == level.end()) {
            level[v] = depth;
            next.push_back(v);
          }
          parents[v].emplace_back(u, e);
          if (v == dst) found = true;
        }
      }
      frontier = std::move(next);
    }
    if (!found) return absl::OkStatus();
    // Enumerate the shortest paths backwards from dst.
    stop_ = false;
    std::vector<NodeId> nodes{dst};
    std::vector<EdgeRef> rels;
    return Enumerate(in, src, dst, parents, &nodes, &rels, out);
  }

 private:
  absl::Status Enumerate(
      const Row& in, NodeId src, NodeId v,
      const absl::flat_hash_map<NodeId, std::vector<std::pair<NodeId, EdgeRef>>>& parents,
      std::vector<NodeId>* nodes, std::vector<EdgeRef>* rels,
      std::vector<Row>* out) {
    DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
    if (stop_) return absl::OkStatus();
    if (v == src) {
      std::vector<NodeId> n(nodes->rbegin(), nodes->rend());
      std::vector<EdgeRef> r(rels->rbegin(), rels->rend());
      if (static_cast<int64_t>(r.size()) >= op_->min_hops) {
        DOSSIER_RETURN_IF_ERROR(Emit(in, std::move(n), std::move(r), out));
        stop_ = !op_->all_shortest;
      }
      return absl::OkStatus();
    }
    auto it = parents.find(v);
    if (it == parents.end()) return absl::OkStatus();
    for (const auto& [u, e] : it->second) {
      nodes->push_back(u);
      rels->push_back(e);
      DOSSIER_RETURN_IF_ERROR(Enumerate(in, src, u, parents, nodes, rels, out));
      nodes->pop_back();
      rels->pop_back();
      if (stop_) break;
    }
    return absl::OkStatus();
  }

  // One shortest path by the bidirectional BFS of graph/algorithms.h over
  // the snapshot's Csr (a bitmap-free parent array per side, the smaller
  // frontier grown first). REQUIRES: no relationship changes in this
  // transaction, one path wanted, no per-relationship predicate.
  absl::Status CsrShortest(const Row& in, NodeId src, NodeId dst,
                           const std::vector<graph::TypeId>& types,
                           std::vector<Row>* out) {
    DOSSIER_ASSIGN_OR_RETURN(std::shared_ptr<const graph::Csr> csr,
                             ctx_->txn().GetCsr());
    graph::Csr::Vertex s = csr->VertexOf(src), d = csr->VertexOf(dst);
    if (s == graph::Csr::kNoVertex || d == graph::Csr::kNoVertex) {
      return absl::OkStatus();  // A node without relationships.
    }
    graph::TraversalOptions options;
    options.direction = ToGraphDirection(op_->direction);
    options.types = types;
    if (op_->max_hops >= 0) {
      options.max_depth = static_cast<uint32_t>(
          std::min<int64_t>(op_->max_hops, graph::TraversalOptions::kNoLimit - 1));
    }
    graph::AlgoControl control;
    control.check = [this] { return ctx_->CheckBudget(); };
    // The search holds two parent and two ordinal arrays per vertex.
    const int64_t bytes = int64_t{24} * csr->num_vertices();
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
    auto path = graph::ShortestPathUnweighted(*csr, s, d, options, control);
    ctx_->Charge(-bytes).IgnoreError();
    if (!path.ok()) return path.status();
    if (!path->has_value()) return absl::OkStatus();
    std::vector<NodeId> nodes;
    std::vector<EdgeRef> rels;
    for (graph::Csr::Vertex v : (*path)->vertices) nodes.push_back(csr->NodeOf(v));
    for (uint64_t o : (*path)->ordinals) {
      rels.push_back(EdgeRef{csr->EdgeOf(o), csr->NodeOf(csr->SourceOfOrdinal(o)),
                             csr->NodeOf(csr->Target(o)), csr->Type(o)});
    }
    return Emit(in, std::move(nodes), std::move(rels), out);
  }

  // Appends one path row; its bytes count against the memory budget until
  // the next input row (allShortestPaths can enumerate very many paths).
  absl::Status Emit(const Row& in, std::vector<NodeId> nodes,
                    std::vector<EdgeRef> rels, std::vector<Row>* out) {
    Row r = in;
    graph::ValueList list;
    for (const auto& e : rels) list.push_back(Value::Edge(e));
    graph::PathValue p{std::move(nodes), std::move(rels)};
    r[op_->path_slot] = Value::Path(std::move(p));
    if (op_->rel_slot >= 0) r[op_->rel_slot] = Value::List(std::move(list));
    int64_t bytes = EstimateBytes(r);
    charged_ += bytes;
    out->push_back(std::move(r));
    return ctx_->Charge(bytes);
  }

  bool stop_ = false;
  int64_t charged_ = 0;
};

}  // namespace

PhysPtr MakeVarLengthExpand(const LogicalOp* op, ExecContext* ctx,
                            Evaluator* eval) {
  return std::make_unique<VarLengthExpandOp>(op, ctx, eval);
}
PhysPtr MakeShortestPath(const LogicalOp* op, ExecContext* ctx,
                         Evaluator* eval) {
  return std::make_unique<ShortestPathOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
