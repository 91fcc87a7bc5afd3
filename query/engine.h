// The query engine's entry point: text in, result rows out.
//
// ExecuteQuery parses (query/parse/), binds (query/bind/), plans
// (query/plan/) and runs (query/exec/) one statement in one transaction.
// The TCK runner, the CLI and the embedding API all call it.
#ifndef DOSSIER_QUERY_ENGINE_H_
#define DOSSIER_QUERY_ENGINE_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "graph/value.h"
#include "query/exec/clock.h"

namespace dossier::query {

// Limits and switches of one query run.
struct QueryOptions {
  // Wall-clock budget from the start of ExecuteQuery; exceeded →
  // DeadlineExceeded naming the limit. Default: none.
  absl::Duration timeout = absl::InfiniteDuration();
  // Estimated bytes held by the run (materialised rows, sort buffers,
  // aggregation groups, lists built); exceeded → ResourceExhausted.
  // 0 (default) = unlimited.
  uint64_t max_memory_bytes = 0;
  // When set and it becomes true, the run stops with Cancelled (checked in
  // every long loop). Not owned.
  const std::atomic<bool>* cancel = nullptr;
  // When true a statement with a write clause fails with InvalidArgument
  // before touching the store.
  bool read_only = false;
  // The clock the deadline reads; null = SystemClock(). Not owned (tests
  // pass a FakeClock).
  const Clock* clock = nullptr;
};

// Side effects of a query, as the openCypher TCK counts them.
struct QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;      // each property set to a non-null value
  int64_t properties_removed = 0;  // each property value removed or replaced
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
};

// A node or relationship referenced by the rows, as it was when the query
// ended (a deleted entity: as it was when deleted).
struct EntityData {
  // Node labels, or {type} for a relationship.
  std::vector<std::string> labels;
  graph::ValueMap properties;
  // Relationships only.
  graph::NodeId src = 0;
  graph::NodeId dst = 0;
};

// What a statement returned.
// Wall time of each stage of one statement.
struct StageTimes {
  absl::Duration parse;    // text -> AST
  absl::Duration plan;     // bind + logical plan
  absl::Duration execute;  // operators, result entities, commit
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<graph::Value>> rows;
  QueryStats stats;
  // Every node appearing in rows (also inside lists, maps, paths).
  absl::flat_hash_map<graph::NodeId, EntityData> nodes;
  // Every relationship appearing in rows.
  absl::flat_hash_map<graph::EdgeId, EntityData> edges;
  // EXPLAIN: the operator tree; PROFILE: with rows and time per operator.
  std::string plan;
  StageTimes times;
};

// Parses, binds, plans and runs one statement in one transaction (a write
// transaction when the statement writes; committed on success, rolled back
// on any error). EXPLAIN returns the plan and no rows without running.
//
// Errors: InvalidArgument "<ErrorType>: <Detail>: message" for a bad query
// (compile time: with line, column and caret) and for runtime query errors;
// DeadlineExceeded, ResourceExhausted, Cancelled for the limits above;
// storage errors as the store reports them.
// Thread safety: any number of concurrent calls on one Store (write
// statements serialise on the store's writer lock).
absl::StatusOr<QueryResult> ExecuteQuery(graph::Store& store,
                                         std::string_view text,
                                         const graph::ValueMap& params,
                                         const QueryOptions& options = {});

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_ENGINE_H_
