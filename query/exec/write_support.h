// Internal to query/exec/: the graph mutations shared by CREATE, MERGE,
// SET, REMOVE and DELETE, with the TCK's side-effect counting.
#ifndef DOSSIER_QUERY_EXEC_WRITE_SUPPORT_H_
#define DOSSIER_QUERY_EXEC_WRITE_SUPPORT_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/value.h"
#include "query/ast.h"
#include "query/exec/evaluator.h"

namespace dossier::query::internal {

// Fails with "TypeError: InvalidPropertyType" for a value that cannot be
// stored as a property (maps, graph elements, lists of those).
absl::Status CheckPropertyValue(const graph::Value& v);

// Sets (null: removes) one property of a node or relationship; a null
// entity is a no-op.
absl::Status SetProperty(ExecContext* ctx, const graph::Value& entity,
                         std::string_view key, const graph::Value& value);

// Applies one SET item to the row (slots named by `layout`).
absl::Status ApplySetItem(ExecContext* ctx, Evaluator* eval,
                          const SetItem& item, const Layout& layout,
                          const Row& row);

// Creates the parts of `pattern` not bound in `row` (slots by `layout`),
// writing new entities into their slots. With `merge`, a null property
// value is "SemanticError: MergeReadOwnWrites".
absl::Status CreatePattern(ExecContext* ctx, Evaluator* eval,
                           const PathPattern& pattern, const Layout& layout,
                           Row* row, bool merge);

// Deletes a node (detaching its relationships when `detach`), a
// relationship, a path, or each element of a list.
absl::Status DeleteValue(ExecContext* ctx, const graph::Value& v, bool detach);

// Deletes the nodes deleted without DETACH, after checking that they lost
// their relationships. Errors: "ConstraintVerificationFailed:
// DeleteConnectedNode".
absl::Status FinishDeletes(ExecContext* ctx);

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_EXEC_WRITE_SUPPORT_H_
