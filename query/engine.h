// The query engine's entry point: text in, result rows out.
//
// ExecuteQuery parses (query/parse/), binds (query/bind/), plans
// (query/plan/) and runs (query/exec/) one statement in one transaction.
// The TCK runner, the CLI and the embedding API all call it.
#ifndef DOSSIER_QUERY_ENGINE_H_
#define DOSSIER_QUERY_ENGINE_H_

#include <atomic>
#include <cstdint>
#include <memory>
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

// Wall time of each stage of one statement.
struct StageTimes {
  absl::Duration parse;    // text -> AST
  absl::Duration plan;     // bind + logical plan
  absl::Duration execute;  // operators, result entities, commit
};

// What a statement returned.
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

class StatementRun;

// One statement's rows, pulled one at a time.
//
// A read-only statement (no write clause, not PROFILE) streams: each Next()
// runs the operators just far enough for one row, over the snapshot taken
// by Open(), and nothing but the current row and the operators' own state
// (sort buffers, aggregation groups) is held. Any other statement runs to
// its end inside Open() — its writes commit before a row is seen — and
// Next() hands out the rows it kept. The limits of QueryOptions hold for
// the cursor's whole life (the deadline counts from Open(); `cancel` must
// outlive the cursor).
//
// Thread safety: one thread at a time. REQUIRES: `store` outlives the
// cursor.
class QueryCursor {
 public:
  // Starts `statement` with `params` (copied). Errors: as ExecuteQuery for
  // compile-time errors, and for a non-streaming statement every error.
  static absl::StatusOr<std::unique_ptr<QueryCursor>> Open(
      graph::Store& store, std::string_view text, graph::ValueMap params,
      const QueryOptions& options = {});

  QueryCursor(const QueryCursor&) = delete;
  QueryCursor& operator=(const QueryCursor&) = delete;
  ~QueryCursor();

  // Result column names.
  const std::vector<std::string>& columns() const { return columns_; }
  // True when rows are produced on demand (see above).
  bool streaming() const { return streaming_; }

  // Moves the next row into *row; false after the last one. Errors: query
  // and budget errors met while producing it; the cursor is then finished
  // (Next() returns false) and its snapshot released.
  absl::StatusOr<bool> Next(std::vector<graph::Value>* row);

  // Adds to *nodes / *edges the data of the entities `row` refers to that
  // are not there yet (as in QueryResult). Errors: storage errors.
  absl::Status Describe(const std::vector<graph::Value>& row,
                        absl::flat_hash_map<graph::NodeId, EntityData>* nodes,
                        absl::flat_hash_map<graph::EdgeId, EntityData>* edges);

  // Side effects, the EXPLAIN/PROFILE plan, and stage times (execute time
  // grows with each Next() of a streaming cursor).
  const QueryStats& stats() const { return result_.stats; }
  const std::string& plan() const { return result_.plan; }
  const StageTimes& times() const { return result_.times; }

 private:
  QueryCursor() = default;

  std::vector<std::string> columns_;
  bool streaming_ = false;
  // Streaming: the statement in flight (null once finished).
  std::unique_ptr<StatementRun> run_;
  // Not streaming: the whole result, handed out from `next_row_`.
  QueryResult result_;
  size_t next_row_ = 0;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_ENGINE_H_
