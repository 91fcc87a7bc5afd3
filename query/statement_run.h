// StatementRun: one statement in flight, from text to committed result.
//
// The stages ExecuteQuery and QueryCursor share: Start() parses, binds,
// plans, opens the transaction and the operator tree; Pull() runs the
// operators until the next result row (and, after the last, performs the
// pending deletes); Finish() does what follows the rows (side-effect
// counts, the PROFILE plan, the commit). Describe() gives the labels and
// properties of the entities a set of rows refers to. Internal to query/; not
// thread-safe.
#ifndef DOSSIER_QUERY_STATEMENT_RUN_H_
#define DOSSIER_QUERY_STATEMENT_RUN_H_

#include <memory>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "graph/transaction.h"
#include "graph/value.h"
#include "query/ast.h"
#include "query/bind/binder.h"
#include "query/engine.h"
#include "query/exec/context.h"
#include "query/exec/evaluator.h"
#include "query/exec/physical_operator.h"
#include "query/plan/logical_plan.h"

namespace dossier::query {

class StatementRun {
 public:
  // Parses, binds and plans `text`; unless it is an EXPLAIN, begins the
  // transaction (a write transaction when the statement writes) and opens
  // the operators. `params` and `text` are copied. Errors: as ExecuteQuery.
  static absl::StatusOr<std::unique_ptr<StatementRun>> Start(
      graph::Store& store, std::string_view text, graph::ValueMap params,
      const QueryOptions& options);

  StatementRun(const StatementRun&) = delete;
  StatementRun& operator=(const StatementRun&) = delete;
  ~StatementRun();

  // Result column names, in order.
  const std::vector<std::string>& columns() const { return plan_.columns; }
  // True when the statement has a write clause.
  bool writes() const { return bound_.writes; }
  // The statement's mode (EXPLAIN, PROFILE or plain).
  ExplainMode mode() const { return statement_.mode; }
  // EXPLAIN: the operator tree (no operators were opened).
  std::string ExplainText() const { return plan_.ToString(); }

  // Runs the operators to the next row and writes its columns to *out.
  // Returns false after the last row (and for EXPLAIN), once the deletes
  // left pending (nodes deleted without DETACH) are checked and done. A
  // statement without result columns yields no rows but runs to its end.
  // Errors: query errors and budget errors (the run is then over).
  absl::StatusOr<bool> Pull(std::vector<graph::Value>* out);

  // After the last Pull() and Describe(): side-effect counts, the PROFILE
  // plan text (into *profile_plan when not null), and the commit of a
  // writing statement. Errors: storage errors (nothing is then committed).
  absl::Status Finish(std::string* profile_plan);

  // Adds to *nodes / *edges the labels and properties of every node and
  // relationship `rows` refer to (also inside lists, maps and paths) that
  // is not there yet: as the statement sees them, or as they were when it
  // deleted them. Errors: storage errors.
  absl::Status Describe(std::span<const std::vector<graph::Value>> rows,
                        absl::flat_hash_map<graph::NodeId, EntityData>* nodes,
                        absl::flat_hash_map<graph::EdgeId, EntityData>* edges);

  // Accounts for `bytes` held by the caller on the statement's memory
  // budget. Errors: ResourceExhausted.
  absl::Status Charge(int64_t bytes) { return ctx_->Charge(bytes); }

  // Side effects so far (complete after Finish()).
  const QueryStats& stats() const;
  // Time spent parsing and planning.
  absl::Duration parse_time() const { return parse_time_; }
  absl::Duration plan_time() const { return plan_time_; }

 private:
  StatementRun() = default;

  // Owned inputs: the context and the operators point into them.
  std::string text_;
  graph::ValueMap params_;
  Statement statement_;
  BoundQuery bound_;
  LogicalPlan plan_;
  // Declared before what refers to them, so destroyed after it.
  std::unique_ptr<graph::Transaction> txn_;
  std::unique_ptr<graph::Transaction> before_;  // State before a write.
  std::unique_ptr<ExecContext> ctx_;
  std::unique_ptr<Evaluator> eval_;
  std::vector<ArgumentOperator*> arguments_;
  std::unique_ptr<PhysicalOperator> root_;
  std::vector<int> slots_;  // Row slot of each result column.
  Row row_;
  bool done_ = false;
  absl::Duration parse_time_;
  absl::Duration plan_time_;
};

// Adds the nodes and relationships `v` refers to (also inside lists, maps
// and paths).
void CollectEntities(const graph::Value& v,
                     absl::flat_hash_set<graph::NodeId>* nodes,
                     absl::flat_hash_map<graph::EdgeId, graph::EdgeRef>* edges);

// The error of a statement whose allocation failed.
absl::Status OutOfMemoryError();
// Hands freed heap back to the system (glibc), so that a process capped in
// address space can go on after a query that ran out of memory.
void TrimHeap();

// Runs `fn` (returning a StatusOr or a Status) and turns an allocation
// failure into OutOfMemoryError() after TrimHeap(). The run's transaction
// rolls back as the stack unwinds.
template <typename Fn>
auto GuardAllocation(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    TrimHeap();
    return OutOfMemoryError();
  }
}

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_STATEMENT_RUN_H_
