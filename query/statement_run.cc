// StatementRun: parse → bind → plan → operators → finish, one statement.
#include "query/statement_run.h"

#include <new>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "graph/status_macros.h"
#include "query/exec/row.h"
#include "query/exec/write_support.h"
#include "query/parse/parser.h"
#include "query/plan/planner.h"
#include "query/values/errors.h"

namespace dossier::query {

namespace {

using graph::CatalogKind;
using graph::Value;
using graph::ValueKind;

graph::ValueMap PropsToMap(ExecContext& ctx, const graph::PropertyList& props) {
  graph::ValueMap m;
  for (const auto& [k, v] : props) {
    m.insert_or_assign(ctx.Name(CatalogKind::kPropKey, k), v);
  }
  return m;
}

void IndexPhysical(
    PhysicalOperator* op,
    absl::flat_hash_map<const LogicalOp*, PhysicalOperator*>* out) {
  out->emplace(&op->logical(), op);
  for (auto& c : op->children()) IndexPhysical(c.get(), out);
}

}  // namespace

void CollectEntities(
    const Value& v, absl::flat_hash_set<graph::NodeId>* nodes,
    absl::flat_hash_map<graph::EdgeId, graph::EdgeRef>* edges) {
  switch (v.kind()) {
    case ValueKind::kNode:
      nodes->insert(v.AsNode());
      break;
    case ValueKind::kEdge:
      edges->emplace(v.AsEdge().id, v.AsEdge());
      break;
    case ValueKind::kPath:
      for (auto n : v.AsPath().nodes) nodes->insert(n);
      for (const auto& e : v.AsPath().edges) edges->emplace(e.id, e);
      break;
    case ValueKind::kList:
      for (const auto& x : v.AsList()) CollectEntities(x, nodes, edges);
      break;
    case ValueKind::kMap:
      for (const auto& [k, x] : v.AsMap()) CollectEntities(x, nodes, edges);
      break;
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
      break;
  }
}

absl::Status OutOfMemoryError() {
  return absl::ResourceExhaustedError(
      "the query ran out of memory (allocation failed); lower its size or "
      "raise --max-memory");
}

void TrimHeap() {
#if defined(__GLIBC__)
  // Under an address-space cap a heap kept at its peak makes the process's
  // next thread or mmap fail.
  malloc_trim(0);
#endif
}

StatementRun::~StatementRun() = default;

absl::StatusOr<std::unique_ptr<StatementRun>> StatementRun::Start(
    graph::Store& store, std::string_view text, graph::ValueMap params,
    const QueryOptions& options) {
  std::unique_ptr<StatementRun> run(new StatementRun());
  run->text_.assign(text);
  run->params_ = std::move(params);
  absl::Time start = absl::Now();
  DOSSIER_ASSIGN_OR_RETURN(run->statement_, ParseStatement(run->text_));
  absl::Time parsed = absl::Now();
  DOSSIER_ASSIGN_OR_RETURN(run->bound_, Bind(run->statement_, run->text_));
  if (run->bound_.writes && options.read_only) {
    return QueryError("ClientError", "ForbiddenInReadOnlyMode",
                      "this statement writes, but the query is read-only");
  }
  DOSSIER_ASSIGN_OR_RETURN(run->plan_, Plan(run->bound_));
  absl::Time planned = absl::Now();
  run->parse_time_ = parsed - start;
  run->plan_time_ = planned - parsed;
  if (run->statement_.mode == ExplainMode::kExplain) {
    run->done_ = true;
    return run;
  }

  if (run->bound_.writes) {
    DOSSIER_ASSIGN_OR_RETURN(run->txn_, store.BeginWrite());
    run->before_ = store.BeginRead();
  } else {
    run->txn_ = store.BeginRead();
  }
  run->ctx_ = std::make_unique<ExecContext>(&store, run->txn_.get(),
                                            &run->params_, options, run->text_);
  run->ctx_->profile = run->statement_.mode == ExplainMode::kProfile;
  run->ctx_->writes = run->bound_.writes;
  DOSSIER_RETURN_IF_ERROR(run->ctx_->CheckBudget());
  run->eval_ = std::make_unique<Evaluator>(run->ctx_.get());
  DOSSIER_ASSIGN_OR_RETURN(run->root_,
                           BuildPhysical(*run->plan_.root, run->ctx_.get(),
                                         run->eval_.get(), &run->arguments_));
  DOSSIER_RETURN_IF_ERROR(run->root_->Open());
  const Layout& layout = run->plan_.root->layout;
  for (const auto& c : run->plan_.columns) {
    run->slots_.push_back(layout.Find(c));
  }
  return run;
}

absl::StatusOr<bool> StatementRun::Pull(std::vector<Value>* out) {
  while (!done_) {
    absl::StatusOr<bool> more = root_->Next(&row_);
    if (!more.ok()) {
      done_ = true;
      return more.status();
    }
    if (!*more) {
      done_ = true;
      // Nodes deleted without DETACH: checked now that every row ran, and
      // before the rows' entities are described.
      DOSSIER_RETURN_IF_ERROR(internal::FinishDeletes(ctx_.get()));
      break;
    }
    if (absl::Status s = ctx_->Tick(); !s.ok()) {
      done_ = true;
      return s;
    }
    if (slots_.empty()) continue;  // A query without RETURN has no rows.
    out->clear();
    out->reserve(slots_.size());
    for (int s : slots_) {
      out->push_back(s >= 0 && s < static_cast<int>(row_.size())
                         ? row_[s]
                         : Value::Null());
    }
    return true;
  }
  return false;
}

absl::Status StatementRun::Finish(std::string* profile_plan) {
  if (ctx_ == nullptr) return absl::OkStatus();  // EXPLAIN.
  if (before_ != nullptr)
    DOSSIER_RETURN_IF_ERROR(ctx_->FinalizeStats(*before_));
  if (statement_.mode == ExplainMode::kProfile && profile_plan != nullptr) {
    absl::flat_hash_map<const LogicalOp*, PhysicalOperator*> index;
    IndexPhysical(root_.get(), &index);
    *profile_plan = PrintPlan(*plan_.root, [&](const LogicalOp& op) {
      auto it = index.find(&op);
      if (it == index.end()) return std::string();
      return absl::StrFormat("  (rows=%d, time=%.3fms)", it->second->rows(),
                             absl::ToDoubleMilliseconds(it->second->time()));
    });
  }
  if (bound_.writes) DOSSIER_RETURN_IF_ERROR(txn_->Commit());
  return absl::OkStatus();
}

const QueryStats& StatementRun::stats() const {
  static const QueryStats kNone;
  return ctx_ != nullptr ? ctx_->stats() : kNone;
}

absl::Status StatementRun::Describe(
    std::span<const std::vector<Value>> rows,
    absl::flat_hash_map<graph::NodeId, EntityData>* nodes,
    absl::flat_hash_map<graph::EdgeId, EntityData>* edges) {
  if (ctx_ == nullptr) return absl::OkStatus();
  absl::flat_hash_set<graph::NodeId> node_ids;
  absl::flat_hash_map<graph::EdgeId, graph::EdgeRef> edge_refs;
  for (const auto& row : rows) {
    for (const auto& v : row) CollectEntities(v, &node_ids, &edge_refs);
  }
  ExecContext& ctx = *ctx_;
  for (graph::NodeId id : node_ids) {
    if (nodes->contains(id)) continue;
    EntityData d;
    const graph::NodeRecord* rec = ctx.DeletedNodeRecord(id);
    if (rec == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(rec, ctx.Node(id));
    }
    for (auto l : rec->labels) {
      d.labels.push_back(ctx.Name(CatalogKind::kLabel, l));
    }
    d.properties = PropsToMap(ctx, rec->props);
    nodes->emplace(id, std::move(d));
  }
  for (const auto& [id, ref] : edge_refs) {
    if (edges->contains(id)) continue;
    EntityData d;
    const graph::EdgeRecord* rec = ctx.DeletedEdgeRecord(id);
    if (rec == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(rec, ctx.Edge(id));
    }
    d.labels.push_back(ctx.Name(CatalogKind::kType, ref.type));
    d.properties = PropsToMap(ctx, rec->props);
    d.src = ref.src;
    d.dst = ref.dst;
    edges->emplace(id, std::move(d));
  }
  return absl::OkStatus();
}

}  // namespace dossier::query
