// ExecuteQuery: parse → bind → plan → execute, in one transaction.
#include "query/engine.h"

#include <new>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "graph/status_macros.h"
#include "graph/transaction.h"
#include "query/bind/binder.h"
#include "query/exec/context.h"
#include "query/exec/evaluator.h"
#include "query/exec/physical_operator.h"
#include "query/exec/write_support.h"
#include "query/parse/parser.h"
#include "query/plan/planner.h"
#include "query/values/errors.h"

namespace dossier::query {

namespace {

using graph::CatalogKind;
using graph::Value;
using graph::ValueKind;

// Collects the nodes and relationships a value refers to.
void CollectEntities(const Value& v, absl::flat_hash_map<graph::NodeId, bool>* nodes,
                     absl::flat_hash_map<graph::EdgeId, graph::EdgeRef>* edges) {
  switch (v.kind()) {
    case ValueKind::kNode:
      nodes->emplace(v.AsNode(), true);
      break;
    case ValueKind::kEdge:
      edges->emplace(v.AsEdge().id, v.AsEdge());
      break;
    case ValueKind::kPath:
      for (auto n : v.AsPath().nodes) nodes->emplace(n, true);
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

graph::ValueMap PropsToMap(ExecContext& ctx, const graph::PropertyList& props) {
  graph::ValueMap m;
  for (const auto& [k, v] : props) m.insert_or_assign(ctx.Name(CatalogKind::kPropKey, k), v);
  return m;
}

absl::Status FillEntities(ExecContext& ctx, QueryResult* result) {
  absl::flat_hash_map<graph::NodeId, bool> nodes;
  absl::flat_hash_map<graph::EdgeId, graph::EdgeRef> edges;
  for (const auto& row : result->rows) {
    for (const auto& v : row) CollectEntities(v, &nodes, &edges);
  }
  for (const auto& [id, unused] : nodes) {
    EntityData d;
    const graph::NodeRecord* rec = ctx.DeletedNodeRecord(id);
    if (rec == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(rec, ctx.Node(id));
    }
    for (auto l : rec->labels) d.labels.push_back(ctx.Name(CatalogKind::kLabel, l));
    d.properties = PropsToMap(ctx, rec->props);
    result->nodes.emplace(id, std::move(d));
  }
  for (const auto& [id, ref] : edges) {
    EntityData d;
    const graph::EdgeRecord* rec = ctx.DeletedEdgeRecord(id);
    if (rec == nullptr) {
      DOSSIER_ASSIGN_OR_RETURN(rec, ctx.Edge(id));
    }
    d.labels.push_back(ctx.Name(CatalogKind::kType, ref.type));
    d.properties = PropsToMap(ctx, rec->props);
    d.src = ref.src;
    d.dst = ref.dst;
    result->edges.emplace(id, std::move(d));
  }
  return absl::OkStatus();
}

void IndexPhysical(PhysicalOperator* op,
                   absl::flat_hash_map<const LogicalOp*, PhysicalOperator*>* out) {
  out->emplace(&op->logical(), op);
  for (auto& c : op->children()) IndexPhysical(c.get(), out);
}

}  // namespace

namespace {
absl::StatusOr<QueryResult> ExecuteQueryImpl(graph::Store& store,
                                             std::string_view text,
                                             const graph::ValueMap& params,
                                             const QueryOptions& options);
}  // namespace

absl::StatusOr<QueryResult> ExecuteQuery(graph::Store& store,
                                         std::string_view text,
                                         const graph::ValueMap& params,
                                         const QueryOptions& options) {
  // An allocation failure (e.g. under an address-space cap, before the
  // memory estimate catches up) ends the query with a clear error; the
  // transaction rolls back as the stack unwinds.
  try {
    return ExecuteQueryImpl(store, text, params, options);
  } catch (const std::bad_alloc&) {
#if defined(__GLIBC__)
    // Hand the freed heap back to the system: under an address-space cap a
    // heap kept at its peak makes the process's next thread or mmap fail.
    malloc_trim(0);
#endif
    return absl::ResourceExhaustedError(
        "the query ran out of memory (allocation failed); lower its size or "
        "raise --max-memory");
  }
}

namespace {
absl::StatusOr<QueryResult> ExecuteQueryImpl(graph::Store& store,
                                             std::string_view text,
                                             const graph::ValueMap& params,
                                             const QueryOptions& options) {
  absl::Time start = absl::Now();
  DOSSIER_ASSIGN_OR_RETURN(Statement statement, ParseStatement(text));
  absl::Time parsed = absl::Now();
  DOSSIER_ASSIGN_OR_RETURN(BoundQuery bound, Bind(statement, text));
  if (bound.writes && options.read_only) {
    return query::QueryError("ClientError", "ForbiddenInReadOnlyMode",
                             "this statement writes, but the query is read-only");
  }
  DOSSIER_ASSIGN_OR_RETURN(LogicalPlan plan, Plan(bound));
  absl::Time planned = absl::Now();
  QueryResult result;
  result.times.parse = parsed - start;
  result.times.plan = planned - parsed;
  result.columns = plan.columns;
  if (statement.mode == ExplainMode::kExplain) {
    result.plan = plan.ToString();
    return result;
  }

  std::unique_ptr<graph::Transaction> txn;
  std::unique_ptr<graph::Transaction> before;  // The state before a write.
  if (bound.writes) {
    DOSSIER_ASSIGN_OR_RETURN(txn, store.BeginWrite());
    before = store.BeginRead();
  } else {
    txn = store.BeginRead();
  }
  ExecContext ctx(&store, txn.get(), &params, options, text);
  ctx.profile = statement.mode == ExplainMode::kProfile;
  ctx.writes = bound.writes;
  DOSSIER_RETURN_IF_ERROR(ctx.CheckBudget());
  Evaluator eval(&ctx);
  std::vector<ArgumentOperator*> arguments;
  DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<PhysicalOperator> root,
                           BuildPhysical(*plan.root, &ctx, &eval, &arguments));
  DOSSIER_RETURN_IF_ERROR(root->Open());
  size_t width = result.columns.size();
  const Layout& layout = plan.root->layout;
  std::vector<int> slots;
  for (const auto& c : result.columns) slots.push_back(layout.Find(c));
  Row row;
  while (true) {
    DOSSIER_ASSIGN_OR_RETURN(bool more, root->Next(&row));
    if (!more) break;
    DOSSIER_RETURN_IF_ERROR(ctx.Tick());
    std::vector<Value> out;
    out.reserve(width);
    for (int s : slots) out.push_back(s >= 0 && s < static_cast<int>(row.size()) ? row[s] : Value::Null());
    if (width == 0) continue;  // A query without RETURN has no rows.
    DOSSIER_RETURN_IF_ERROR(ctx.Charge(EstimateBytes(out)));
    result.rows.push_back(std::move(out));
  }
  DOSSIER_RETURN_IF_ERROR(internal::FinishDeletes(&ctx));
  DOSSIER_RETURN_IF_ERROR(FillEntities(ctx, &result));
  if (before != nullptr) DOSSIER_RETURN_IF_ERROR(ctx.FinalizeStats(*before));
  result.stats = ctx.stats();
  if (statement.mode == ExplainMode::kProfile) {
    absl::flat_hash_map<const LogicalOp*, PhysicalOperator*> index;
    IndexPhysical(root.get(), &index);
    result.plan = PrintPlan(*plan.root, [&](const LogicalOp& op) {
      auto it = index.find(&op);
      if (it == index.end()) return std::string();
      return absl::StrFormat("  (rows=%d, time=%.3fms)", it->second->rows(),
                             absl::ToDoubleMilliseconds(it->second->time()));
    });
  }
  if (bound.writes) DOSSIER_RETURN_IF_ERROR(txn->Commit());
  result.times.execute = absl::Now() - planned;
  return result;
}

}  // namespace
}  // namespace dossier::query
