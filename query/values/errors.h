// Runtime and compile-time error statuses of the query layer.
//
// Every query error is an absl::InvalidArgumentError whose message starts
// with "<ErrorType>: <Detail>: " using the openCypher TCK's names, e.g.
// "TypeError: InvalidArgumentType: cannot add BOOLEAN and INTEGER". The TCK
// runner reads the two names back with ParseQueryError. Budget and resource
// failures are not query errors and keep their own codes.
#ifndef DOSSIER_QUERY_VALUES_ERRORS_H_
#define DOSSIER_QUERY_VALUES_ERRORS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace dossier::query {

// Error types (the TCK's first name).
inline constexpr std::string_view kSyntaxError = "SyntaxError";
inline constexpr std::string_view kSemanticError = "SemanticError";
inline constexpr std::string_view kTypeError = "TypeError";
inline constexpr std::string_view kArgumentError = "ArgumentError";
inline constexpr std::string_view kArithmeticError = "ArithmeticError";
inline constexpr std::string_view kEntityNotFound = "EntityNotFound";
inline constexpr std::string_view kConstraintVerificationFailed =
    "ConstraintVerificationFailed";

// Details (the TCK's second name) used by the value layer.
inline constexpr std::string_view kInvalidArgumentType = "InvalidArgumentType";
inline constexpr std::string_view kInvalidArgumentValue =
    "InvalidArgumentValue";
inline constexpr std::string_view kNumberOutOfRange = "NumberOutOfRange";
inline constexpr std::string_view kIntegerOverflow = "IntegerOverflow";
inline constexpr std::string_view kDivisionByZero = "DivisionByZero";
inline constexpr std::string_view kMapElementAccessByNonString =
    "MapElementAccessByNonString";

// Returns InvalidArgumentError("<type>: <detail>: <message>").
absl::Status QueryError(std::string_view type, std::string_view detail,
                        std::string_view message);

// Shorthands for QueryError with the given type.
absl::Status TypeError(std::string_view detail, std::string_view message);
absl::Status ArgumentError(std::string_view detail, std::string_view message);
absl::Status ArithmeticError(std::string_view detail,
                             std::string_view message);
absl::Status SyntaxError(std::string_view detail, std::string_view message);
absl::Status SemanticError(std::string_view detail, std::string_view message);

// The two names at the head of a query error.
struct QueryErrorName {
  std::string type;    // e.g. "TypeError"
  std::string detail;  // e.g. "InvalidArgumentType"
};

// Returns the names of a status made by QueryError, or nullopt when the
// status is OK, not InvalidArgument, or its message lacks the
// "<Type>: <Detail>: " head.
std::optional<QueryErrorName> ParseQueryError(const absl::Status& status);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_ERRORS_H_
