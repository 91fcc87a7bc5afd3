// The data behind dossier::Result (api/ internal).
#ifndef DOSSIER_API_RESULT_IMPL_H_
#define DOSSIER_API_RESULT_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "dossier/result.h"
#include "query/engine.h"

namespace dossier {

struct Result::Impl {
  std::vector<std::string> columns;
  // Not streamed: every row. Streamed: the rows read and not yet passed
  // (normally just the current one).
  std::vector<std::vector<Value>> rows;
  size_t pos = 0;  // The current row in `rows`.
  absl::flat_hash_map<NodeId, EntityData> nodes;
  absl::flat_hash_map<EdgeId, EntityData> edges;
  Stats stats;
  std::string plan;
  Timing timing;
  // Streamed: the statement producing rows (null once it has ended).
  std::unique_ptr<query::QueryCursor> cursor;
  bool streaming = false;
  absl::Status status;

  // Streamed: reads one more row into `rows` (describing its entities);
  // false at the end or on an error (kept in `status`).
  bool Fetch();
  // Streamed: reads every remaining row.
  void FetchAll();
  // Copies the cursor's side effects, plan and timing.
  void SyncFromCursor();
};

// Moves a query result into the public form.
Result MakeResult(query::QueryResult&& r);

// A streamed Result over `cursor`, positioned on its first row. Errors:
// those met producing the first row.
absl::StatusOr<Result> MakeStreamedResult(
    std::unique_ptr<query::QueryCursor> cursor);

}  // namespace dossier

#endif  // DOSSIER_API_RESULT_IMPL_H_
