// Internal: the implementations behind the scalar function table
// (functions.cc). Each takes arguments already counted against the arity.
#ifndef DOSSIER_QUERY_VALUES_FUNCTION_IMPL_H_
#define DOSSIER_QUERY_VALUES_FUNCTION_IMPL_H_

#include <span>
#include <string_view>

#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::query::internal {

using Args = std::span<const graph::Value>;

// The error for an argument of the wrong type:
// "TypeError: InvalidArgumentType: <fn>() cannot take a <KIND>".
absl::Status BadArgument(std::string_view fn, const graph::Value& v);

// String functions (string_functions.cc).
absl::StatusOr<graph::Value> ToLower(Args a);
absl::StatusOr<graph::Value> ToUpper(Args a);
absl::StatusOr<graph::Value> Trim(Args a);
absl::StatusOr<graph::Value> LTrim(Args a);
absl::StatusOr<graph::Value> RTrim(Args a);
absl::StatusOr<graph::Value> Replace(Args a);
absl::StatusOr<graph::Value> Split(Args a);
absl::StatusOr<graph::Value> Substring(Args a);
absl::StatusOr<graph::Value> Left(Args a);
absl::StatusOr<graph::Value> Right(Args a);
absl::StatusOr<graph::Value> Reverse(Args a);
absl::StatusOr<graph::Value> Size(Args a);

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_VALUES_FUNCTION_IMPL_H_
