// Arithmetic on query values; TCK scenarios are named in each case, the
// rest pins the error convention (ArithmeticError/TypeError names).
#include "query/values/arithmetic.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "query/values/errors.h"
#include "query/values/literal_text.h"

namespace dossier::query {
namespace {

using graph::Value;

Value V(std::string_view text) {
  auto t = ParseTckValue(text);
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  auto v = TckToValue(*t);
  REQUIRE(v.ok());
  return *v;
}

// The TCK text of an arithmetic result, or "<Type>: <Detail>" on error.
std::string Text(const absl::StatusOr<Value>& r) {
  if (r.ok()) return ValueText(*r);
  auto name = ParseQueryError(r.status());
  REQUIRE_MESSAGE(name.has_value(), r.status().ToString());
  return name->type + ": " + name->detail;
}

TEST_CASE("Mathematical2/Mathematical8: integer arithmetic and precedence") {
  CHECK(Text(Add(V("99"), V("5"))) == "104");
  // 12 / 4 * 3 - 2 * 4 = 1 and 12 / 4 * (3 - 2 * 4) = -15.
  Value q = *Divide(V("12"), V("4"));
  CHECK(Text(Subtract(*Multiply(q, V("3")), *Multiply(V("2"), V("4")))) == "1");
  CHECK(Text(Multiply(q, *Subtract(V("3"), *Multiply(V("2"), V("4"))))) ==
        "-15");
  CHECK(Text(Divide(V("7"), V("2"))) == "3");
  CHECK(Text(Divide(V("-7"), V("2"))) == "-3");
  CHECK(Text(Modulo(V("-7"), V("2"))) == "-1");
  CHECK(Text(Modulo(V("7.5"), V("2"))) == "1.5");
}

TEST_CASE("Return6 [16]: mixed integer and float arithmetic") {
  CHECK(Text(Add(V("1"), V("0.5"))) == "1.5");
  CHECK(Text(Multiply(V("2"), V("1.5"))) == "3.0");
  CHECK(Text(Divide(V("1"), V("2.0"))) == "0.5");
  CHECK(Text(Power(V("2"), V("3"))) == "8.0");
  CHECK(Text(Negate(V("1.5"))) == "-1.5");
  CHECK(Text(Negate(V("3"))) == "-3");
}

TEST_CASE("Comparison1 [8]: 0.0 / 0.0 is NaN, float division by zero") {
  CHECK(Text(Divide(V("0.0"), V("0.0"))) == "NaN");
  CHECK(Text(Divide(V("1.0"), V("0"))) == "Infinity");
  CHECK(Text(Divide(V("-1"), V("0.0"))) == "-Infinity");
}

TEST_CASE("integer overflow and division by zero are ArithmeticErrors") {
  Value max = Value::Int(INT64_MAX);
  Value min = Value::Int(INT64_MIN);
  CHECK(Text(Add(max, V("1"))) == "ArithmeticError: IntegerOverflow");
  CHECK(Text(Subtract(min, V("1"))) == "ArithmeticError: IntegerOverflow");
  CHECK(Text(Multiply(max, V("2"))) == "ArithmeticError: IntegerOverflow");
  CHECK(Text(Divide(min, V("-1"))) == "ArithmeticError: IntegerOverflow");
  CHECK(Text(Negate(min)) == "ArithmeticError: IntegerOverflow");
  CHECK(Text(Modulo(min, V("-1"))) == "0");
  CHECK(Text(Divide(V("1"), V("0"))) == "ArithmeticError: DivisionByZero");
  CHECK(Text(Modulo(V("1"), V("0"))) == "ArithmeticError: DivisionByZero");
  CHECK(Add(max, V("1")).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Text(Add(max, V("1.0"))) == "9223372036854776000.0");  // shortest digits
}

TEST_CASE("List4: list concatenation") {
  CHECK(Text(Add(V("[1, 10, 100]"), V("[4, 5]"))) == "[1, 10, 100, 4, 5]");
  CHECK(Text(Add(V("[false, true]"), V("false"))) == "[false, true, false]");
  CHECK(Text(Add(V("0"), V("[1]"))) == "[0, 1]");
  CHECK(Text(Add(V("[[], []]"), V("[[]]"))) == "[[], [], []]");  // List6 [3]
  CHECK(Text(Add(V("[1]"), V("[[2]]"))) == "[1, [2]]");
}

TEST_CASE("string concatenation") {
  CHECK(Text(Add(V("'ab'"), V("'cd'"))) == "'abcd'");
  CHECK(Text(Add(V("'n'"), V("1"))) == "'n1'");
  CHECK(Text(Add(V("1.5"), V("'x'"))) == "'1.5x'");
  CHECK(Text(Add(V("'a'"), V("true"))) == "TypeError: InvalidArgumentType");
}

TEST_CASE("null propagates through every operator") {
  for (const Value& x : {V("1"), V("1.5"), V("'a'"), V("[1]"), V("null")}) {
    CHECK(Add(x, Value::Null())->is_null());
    CHECK(Add(Value::Null(), x)->is_null());
    CHECK(Subtract(x, Value::Null())->is_null());
    CHECK(Multiply(Value::Null(), x)->is_null());
    CHECK(Divide(x, Value::Null())->is_null());
    CHECK(Modulo(Value::Null(), x)->is_null());
    CHECK(Power(x, Value::Null())->is_null());
  }
  CHECK(Negate(Value::Null())->is_null());
  // Return6 [17]: $age + avg(...) - 1000 with avg null gives null.
  CHECK(Subtract(*Add(V("38"), Value::Null()), V("1000"))->is_null());
}

TEST_CASE("type errors name both operand types") {
  auto r = Add(V("true"), V("1"));
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.status().message()) ==
        "TypeError: InvalidArgumentType: cannot add BOOLEAN and INTEGER");
  CHECK(Text(Subtract(V("'a'"), V("1"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(Multiply(V("[1]"), V("2"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(Divide(V("{a: 1}"), V("2"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(Negate(V("'a'"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(Add(V("{a: 1}"), V("{b: 1}"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(UnaryPlus(V("'a'"))) == "TypeError: InvalidArgumentType");
  CHECK(Text(UnaryPlus(V("2"))) == "2");
}

}  // namespace
}  // namespace dossier::query
