// Cypher arithmetic on values: + - * / % ^ and unary minus.
//
// Null in, null out (for every operator and operand type). INTEGER op
// INTEGER stays INTEGER and fails with "ArithmeticError: IntegerOverflow"
// on overflow; INTEGER / 0 and INTEGER % 0 fail with
// "ArithmeticError: DivisionByZero"; any FLOAT operand makes the result a
// FLOAT with IEEE rules (0.0 / 0.0 is NaN). `^` always gives a FLOAT.
// `+` also concatenates strings (a STRING and a number concatenate the
// number's toString text), lists (list + list), and appends or prepends a
// non-list element to a list. Other operand types fail with
// "TypeError: InvalidArgumentType". All functions are pure and thread-safe.
#ifndef DOSSIER_QUERY_VALUES_ARITHMETIC_H_
#define DOSSIER_QUERY_VALUES_ARITHMETIC_H_

#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::query {

// a + b.
absl::StatusOr<graph::Value> Add(const graph::Value& a, const graph::Value& b);
// a - b.
absl::StatusOr<graph::Value> Subtract(const graph::Value& a,
                                      const graph::Value& b);
// a * b.
absl::StatusOr<graph::Value> Multiply(const graph::Value& a,
                                      const graph::Value& b);
// a / b; INTEGER division truncates toward zero.
absl::StatusOr<graph::Value> Divide(const graph::Value& a,
                                    const graph::Value& b);
// a % b; the sign follows the dividend (as C++ and Java).
absl::StatusOr<graph::Value> Modulo(const graph::Value& a,
                                    const graph::Value& b);
// a ^ b, always a FLOAT.
absl::StatusOr<graph::Value> Power(const graph::Value& a,
                                   const graph::Value& b);
// -a.
absl::StatusOr<graph::Value> Negate(const graph::Value& a);
// +a: a number or null unchanged, anything else a TypeError.
absl::StatusOr<graph::Value> UnaryPlus(const graph::Value& a);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_ARITHMETIC_H_
