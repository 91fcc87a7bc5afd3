// ExecuteQuery and QueryCursor: the two ways to run a statement.
#include "query/engine.h"

#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/time/clock.h"
#include "graph/status_macros.h"
#include "query/exec/row.h"
#include "query/statement_run.h"

namespace dossier::query {

namespace {

using graph::Value;

// Runs a started statement to its end and keeps its rows.
absl::StatusOr<QueryResult> RunToEnd(std::unique_ptr<StatementRun> run,
                                     absl::Time start) {
  QueryResult result;
  result.columns = run->columns();
  result.times.parse = run->parse_time();
  result.times.plan = run->plan_time();
  absl::Time planned = start + run->parse_time() + run->plan_time();
  if (run->mode() == ExplainMode::kExplain) {
    result.plan = run->ExplainText();
    return result;
  }
  std::vector<Value> row;
  while (true) {
    DOSSIER_ASSIGN_OR_RETURN(bool more, run->Pull(&row));
    if (!more) break;
    DOSSIER_RETURN_IF_ERROR(run->Charge(EstimateBytes(row)));
    result.rows.push_back(std::move(row));
  }
  DOSSIER_RETURN_IF_ERROR(
      run->Describe(result.rows, &result.nodes, &result.edges));
  DOSSIER_RETURN_IF_ERROR(run->Finish(&result.plan));
  result.stats = run->stats();
  result.times.execute = absl::Now() - planned;
  return result;
}

}  // namespace

absl::StatusOr<QueryResult> ExecuteQuery(graph::Store& store,
                                         std::string_view text,
                                         const graph::ValueMap& params,
                                         const QueryOptions& options) {
  // An allocation failure (e.g. under an address-space cap, before the
  // memory estimate catches up) ends the query with a clear error.
  return GuardAllocation([&]() -> absl::StatusOr<QueryResult> {
    absl::Time start = absl::Now();
    DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<StatementRun> run,
                             StatementRun::Start(store, text, params, options));
    return RunToEnd(std::move(run), start);
  });
}

QueryCursor::~QueryCursor() = default;

absl::StatusOr<std::unique_ptr<QueryCursor>> QueryCursor::Open(
    graph::Store& store, std::string_view text, graph::ValueMap params,
    const QueryOptions& options) {
  return GuardAllocation([&]() -> absl::StatusOr<std::unique_ptr<QueryCursor>> {
    std::unique_ptr<QueryCursor> cursor(new QueryCursor());
    absl::Time start = absl::Now();
    DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<StatementRun> run,
                             StatementRun::Start(store, text, params, options));
    if (run->writes() || run->mode() != ExplainMode::kNone) {
      // Run to the end here: writes commit before any row is seen.
      DOSSIER_ASSIGN_OR_RETURN(cursor->result_,
                               RunToEnd(std::move(run), start));
      cursor->columns_ = cursor->result_.columns;
      return cursor;
    }
    cursor->columns_ = run->columns();
    cursor->result_.columns = run->columns();
    cursor->result_.times.parse = run->parse_time();
    cursor->result_.times.plan = run->plan_time();
    cursor->streaming_ = true;
    cursor->run_ = std::move(run);
    return cursor;
  });
}

absl::StatusOr<bool> QueryCursor::Next(std::vector<Value>* row) {
  if (!streaming_) {
    if (next_row_ >= result_.rows.size()) return false;
    *row = std::move(result_.rows[next_row_++]);
    return true;
  }
  if (run_ == nullptr) return false;
  absl::Time start = absl::Now();
  absl::StatusOr<bool> more = GuardAllocation([&] { return run_->Pull(row); });
  absl::Status finished = absl::OkStatus();
  if (more.ok() && !*more) finished = run_->Finish(nullptr);
  result_.times.execute += absl::Now() - start;
  if (!more.ok() || !*more || !finished.ok()) {
    run_.reset();  // Releases the snapshot and the operators' memory.
    if (!finished.ok()) return finished;
  }
  return more;
}

absl::Status QueryCursor::Describe(
    const std::vector<Value>& row,
    absl::flat_hash_map<graph::NodeId, EntityData>* nodes,
    absl::flat_hash_map<graph::EdgeId, EntityData>* edges) {
  if (streaming_) {
    if (run_ == nullptr) return absl::OkStatus();
    return run_->Describe(std::span<const std::vector<Value>>(&row, 1), nodes,
                          edges);
  }
  // The entities were described when the statement ended.
  absl::flat_hash_set<graph::NodeId> node_ids;
  absl::flat_hash_map<graph::EdgeId, graph::EdgeRef> edge_refs;
  for (const Value& v : row) CollectEntities(v, &node_ids, &edge_refs);
  for (graph::NodeId id : node_ids) {
    auto it = result_.nodes.find(id);
    if (it != result_.nodes.end()) nodes->try_emplace(id, it->second);
  }
  for (const auto& [id, ref] : edge_refs) {
    auto it = result_.edges.find(id);
    if (it != result_.edges.end()) edges->try_emplace(id, it->second);
  }
  return absl::OkStatus();
}

}  // namespace dossier::query
