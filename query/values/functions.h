// The scalar functions that need no graph access (coalesce, toLower, size,
// range, abs, ...), looked up by lowercase name.
//
// Null handling follows openCypher: most functions return null for a null
// argument; coalesce returns its first non-null argument. Wrong argument
// types fail with "TypeError: InvalidArgumentType" (conversion functions:
// "TypeError: InvalidArgumentValue", as the TCK's TypeConversion features
// expect; range(): "ArgumentError: InvalidArgumentType" and
// "ArgumentError: NumberOutOfRange" for a zero step). keys() and
// properties() here take maps only: the executor answers nodes and
// relationships itself before calling. Strings are UTF-8; lengths and
// positions count code points. Thread-safe; rand() draws from a
// thread-local generator.
#ifndef DOSSIER_QUERY_VALUES_FUNCTIONS_H_
#define DOSSIER_QUERY_VALUES_FUNCTIONS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::query {

// Largest list range() builds; a longer one fails with ResourceExhausted.
inline constexpr int64_t kMaxRangeLength = int64_t{1} << 27;

// True when `lowercase_name` is a scalar function of this table.
bool IsScalarFunction(std::string_view lowercase_name);

// The (min, max) argument counts of a scalar function, max = -1 for
// variadic (coalesce); nullopt for an unknown name. The binder rejects a
// call outside the range at compile time.
std::optional<std::pair<int, int>> ScalarFunctionArity(
    std::string_view lowercase_name);

// True for functions whose result differs between calls with the same
// arguments (rand).
bool IsNonDeterministicFunction(std::string_view lowercase_name);

// Calls a scalar function. Errors: the query errors described above;
// InvalidArgument "SyntaxError: UnknownFunction" for an unknown name and
// "SyntaxError: InvalidNumberOfArguments" for a wrong argument count (the
// binder normally catches both first).
absl::StatusOr<graph::Value> CallScalarFunction(
    std::string_view lowercase_name, std::span<const graph::Value> args);

// toString() of one value: numbers as the TCK writes them, booleans as
// true/false, strings unchanged, null as null. Errors:
// "TypeError: InvalidArgumentValue" for other types.
absl::StatusOr<graph::Value> ToStringValue(const graph::Value& v);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_FUNCTIONS_H_
