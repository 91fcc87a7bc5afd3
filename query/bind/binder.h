// The binder: Statement → BoundQuery.
//
// Checks names and clause composition the way openCypher's compile-time
// errors define them (UndefinedVariable, VariableAlreadyBound,
// VariableTypeConflict, InvalidAggregation, ...), with the parser's caret
// formatter, and records what the planner needs (result columns, whether
// the statement writes).
#ifndef DOSSIER_QUERY_BIND_BINDER_H_
#define DOSSIER_QUERY_BIND_BINDER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/bind/bound_query.h"

namespace dossier::query {

// Binds `statement`, parsed from `text` (spans index it). Both must
// outlive the result. Errors: InvalidArgument
// "SyntaxError: <Detail>: message (line L, column C)" + line + caret.
absl::StatusOr<BoundQuery> Bind(const Statement& statement,
                                std::string_view text);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_BIND_BINDER_H_
