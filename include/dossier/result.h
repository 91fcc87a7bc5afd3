// Result: the rows of one statement, iterated LevelDB-style.
//
//   absl::StatusOr<dossier::Result> r = db->Execute("MATCH (n) RETURN n");
//   for (; r->Valid(); r->Next()) use(r->Get(0));
//
// By default a Result holds every row. Executed with
// ExecuteOptions::stream, a read-only statement's Result is a cursor: each
// Next() runs the query just far enough for one more row, over the
// snapshot the statement started on, and only the current row is held —
// so a client can read millions of rows in constant memory, or stop early.
// A streamed Result ends early on an error; check status() after the loop:
//
//   dossier::ExecuteOptions o;
//   o.stream = true;
//   auto r = db->Execute("MATCH (n) RETURN n.name", {}, o);
//   for (; r.ok() && r->Valid(); r->Next()) use(r->Get(0));
//   if (r.ok() && !r->status().ok()) report(r->status());
//
// Views returned by Get() and row() live until Next() or the Result's
// destruction. Node and relationship values are references; Node() and
// Relationship() give their labels, type and properties as they were when
// the statement ended (streamed: as its snapshot holds them, for the
// entities of the current row).
//
// Thread safety: a Result is used by one thread at a time. REQUIRES: the
// Database outlives a streamed Result.
#ifndef DOSSIER_RESULT_H_
#define DOSSIER_RESULT_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "dossier/value.h"

namespace dossier {

// The labels (or relationship type) and properties of an entity.
struct EntityData {
  std::vector<std::string> labels;  // Node labels, or {type}.
  ValueMap properties;
  NodeId src = 0;  // Relationships: start node.
  NodeId dst = 0;  // Relationships: end node.
};

// Side effects of a statement.
struct Stats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t properties_removed = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
};

// Wall time of each stage of the statement, in milliseconds.
struct Timing {
  double parse_ms = 0;    // text -> syntax tree
  double plan_ms = 0;     // binding and planning
  double execute_ms = 0;  // running the plan, committing its writes
};

class Result {
 public:
  Result();
  ~Result();
  Result(Result&&) noexcept;
  Result& operator=(Result&&) noexcept;

  // Column names, in order.
  const std::vector<std::string>& columns() const;
  // Number of rows. Streamed: the current row and every row after it,
  // which this call reads and keeps (the Result then holds them all).
  size_t size() const;

  // Iteration: starts at the first row.
  bool Valid() const;
  void Next();
  // The current row. REQUIRES: Valid().
  std::span<const Value> row() const;
  // One value of the current row. REQUIRES: Valid(), column < columns().size().
  const Value& Get(size_t column) const;

  // All rows at once. Streamed: the current row and every row after it,
  // read and kept by this call.
  const std::vector<std::vector<Value>>& rows() const;

  // True when rows are produced as Next() asks for them.
  bool streaming() const;
  // OK, or the error that ended a streamed Result before its last row
  // (Valid() is then false). A Result not streamed is always OK.
  const absl::Status& status() const;

  // The data of a node or relationship appearing in the rows, or nullptr.
  const EntityData* Node(NodeId id) const;
  const EntityData* Relationship(EdgeId id) const;

  const Stats& stats() const;
  // The plan text of an EXPLAIN or PROFILE statement, else empty.
  const std::string& plan() const;
  // How long parsing, planning and running the statement took.
  const Timing& timing() const;

  struct Impl;
  // Internal: built by Database.
  explicit Result(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_RESULT_H_
