// Scalar functions, checked against the openCypher TCK scenarios named in
// each case.
#include "query/values/functions.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

// Calls fn with arguments written as TCK texts; returns the result's TCK
// text or "<Type>: <Detail>" on a query error.
std::string Call(std::string_view fn, std::vector<std::string_view> args) {
  std::vector<Value> values;
  for (auto a : args) values.push_back(V(a));
  auto r = CallScalarFunction(fn, values);
  if (r.ok()) return ValueText(*r);
  auto name = ParseQueryError(r.status());
  if (!name) return r.status().ToString();
  return name->type + ": " + name->detail;
}

TEST_CASE("String1/String3/String4: substring, reverse, split") {
  CHECK(Call("substring", {"'0123456789'", "1"}) == "'123456789'");
  CHECK(Call("substring", {"'0123456789'", "1", "3"}) == "'123'");
  CHECK(Call("substring", {"'abc'", "5"}) == "''");
  CHECK(Call("substring", {"'abc'", "-1"}) == "ArgumentError: NumberOutOfRange");
  CHECK(Call("reverse", {"'raksO'"}) == "'Oskar'");
  CHECK(Call("reverse", {"[1, 2, 3]"}) == "[3, 2, 1]");
  CHECK(Call("split", {"'one1two'", "'1'"}) == "['one', 'two']");
  CHECK(Call("split", {"'a,b,'", "','"}) == "['a', 'b', '']");
  CHECK(Call("split", {"'abc'", "''"}) == "['a', 'b', 'c']");
  CHECK(Call("split", {"null", "','"}) == "null");
}

TEST_CASE("code points, not bytes") {
  Value s = Value::String("h\xC3\xA9llo \xE4\xB8\xAD");  // "héllo 中"
  CHECK(CallScalarFunction("size", {&s, 1})->AsInt() == 7);
  CHECK(CallScalarFunction("reverse", {&s, 1})->AsString() ==
        "\xE4\xB8\xAD oll\xC3\xA9h");
  CHECK(CallScalarFunction("left", std::vector<Value>{s, Value::Int(2)})
            ->AsString() == "h\xC3\xA9");
  CHECK(CallScalarFunction("right", std::vector<Value>{s, Value::Int(1)})
            ->AsString() == "\xE4\xB8\xAD");
  CHECK(CallScalarFunction("substring",
                           std::vector<Value>{s, Value::Int(1), Value::Int(1)})
            ->AsString() == "\xC3\xA9");
}

TEST_CASE("String5/List12 [6]: toLower/toUpper with ICU") {
  CHECK(Call("tolower", {"'C'"}) == "'c'");
  CHECK(Call("toupper", {"'abc'"}) == "'ABC'");
  Value s = Value::String("\xC3\x89t\xC3\xA9 \xC4\x90\xC3\xA0");  // "Été Đà"
  CHECK(CallScalarFunction("toupper", {&s, 1})->AsString() ==
        "\xC3\x89T\xC3\x89 \xC4\x90\xC3\x80");
  CHECK(CallScalarFunction("tolower", {&s, 1})->AsString() ==
        "\xC3\xA9t\xC3\xA9 \xC4\x91\xC3\xA0");
  CHECK(Call("tolower", {"null"}) == "null");
  CHECK(Call("tolower", {"1"}) == "TypeError: InvalidArgumentType");
}

TEST_CASE("String2/String12: trim and replace") {
  CHECK(Call("trim", {"'  hi \\n'"}) == "'hi'");
  CHECK(Call("ltrim", {"'  hi '"}) == "'hi '");
  CHECK(Call("rtrim", {"'  hi '"}) == "'  hi'");
  CHECK(Call("replace", {"'hello'", "'l'", "'L'"}) == "'heLLo'");
  CHECK(Call("replace", {"'ab'", "''", "'-'"}) == "'-a-b-'");
  CHECK(Call("replace", {"'ab'", "null", "'-'"}) == "null");
}

TEST_CASE("List6 [1]/[4]: size") {
  CHECK(Call("size", {"[1, 2, 3]"}) == "3");
  CHECK(Call("size", {"null"}) == "null");
  CHECK(Call("size", {"'abc'"}) == "3");
  CHECK(Call("size", {"1"}) == "TypeError: InvalidArgumentType");
}

TEST_CASE("TypeConversion1: toBoolean") {
  CHECK(Call("toboolean", {"true"}) == "true");
  CHECK(Call("toboolean", {"'true'"}) == "true");
  CHECK(Call("toboolean", {"'false'"}) == "false");
  for (auto bad : {"null", "''", "' tru '", "'f alse'"}) {
    CHECK(Call("toboolean", {bad}) == "null");
  }
  for (auto invalid : {"[]", "{}", "1.0"}) {
    CHECK(Call("toboolean", {invalid}) == "TypeError: InvalidArgumentValue");
  }
  Value n = Value::Node(1);
  CHECK(ParseQueryError(CallScalarFunction("toboolean", {&n, 1}).status())
            ->detail == "InvalidArgumentValue");
}

TEST_CASE("TypeConversion2: toInteger") {
  CHECK(Call("tointeger", {"82.9"}) == "82");
  CHECK(Call("tointeger", {"'foo'"}) == "null");
  CHECK(Call("tointeger", {"''"}) == "null");
  CHECK(Call("tointeger", {"2.9"}) == "2");
  CHECK(Call("tointeger", {"'1.7'"}) == "1");
  CHECK(Call("tointeger", {"'2'"}) == "2");
  CHECK(Call("tointeger", {"'42'"}) == "42");
  CHECK(Call("tointeger", {"'4611686018427387905'"}) == "4611686018427387905");
  for (auto invalid : {"[]", "{}"}) {
    CHECK(Call("tointeger", {invalid}) == "TypeError: InvalidArgumentValue");
  }
}

TEST_CASE("TypeConversion3: toFloat") {
  CHECK(Call("tofloat", {"3.4"}) == "3.4");
  CHECK(Call("tofloat", {"3"}) == "3.0");
  CHECK(Call("tofloat", {"'5'"}) == "5.0");
  CHECK(Call("tofloat", {"'foo'"}) == "null");
  CHECK(Call("tofloat", {"''"}) == "null");
  for (auto invalid : {"true", "[]", "{}"}) {
    CHECK(Call("tofloat", {invalid}) == "TypeError: InvalidArgumentValue");
  }
}

TEST_CASE("TypeConversion4: toString") {
  CHECK(Call("tostring", {"42"}) == "'42'");
  CHECK(Call("tostring", {"true"}) == "'true'");
  CHECK(Call("tostring", {"2.3"}) == "'2.3'");
  CHECK(Call("tostring", {"'apa'"}) == "'apa'");
  CHECK(Call("tostring", {"null"}) == "null");
  for (auto invalid : {"[]", "{}"}) {
    CHECK(Call("tostring", {invalid}) == "TypeError: InvalidArgumentValue");
  }
}

TEST_CASE("TypeConversion4 [8]/[9]: coalesce") {
  CHECK(Call("coalesce", {"null", "'x'"}) == "'x'");
  CHECK(Call("coalesce", {"'male'", "'x'"}) == "'male'");
  CHECK(Call("coalesce", {"null", "null"}) == "null");
}

TEST_CASE("Mathematical11/13, List11 [3]: abs, sqrt, sign, rounding") {
  CHECK(Call("abs", {"-1"}) == "1");
  CHECK(Call("abs", {"-1.5"}) == "1.5");
  CHECK(Call("sqrt", {"12.96"}) == "3.6");
  CHECK(Call("sign", {"-3"}) == "-1");
  CHECK(Call("sign", {"0"}) == "0");
  CHECK(Call("sign", {"2.5"}) == "1");
  CHECK(Call("ceil", {"0.1"}) == "1.0");
  CHECK(Call("floor", {"-0.1"}) == "-1.0");
  CHECK(Call("round", {"2.5"}) == "3.0");
  CHECK(Call("round", {"-2.5"}) == "-2.0");
  CHECK(Call("round", {"3.141592", "3"}) == "3.142");
  CHECK(Call("round", {"1.005", "2"}) == "1.01");
  CHECK(Call("round", {"-1.5", "0"}) == "-2.0");
  CHECK(Call("abs", {"'a'"}) == "TypeError: InvalidArgumentType");
  CHECK(Call("abs", {"null"}) == "null");
  CHECK(Call("atan2", {"1", "1"}) == Call("atan", {"1"}));
  CHECK(Call("pi", {}) == "3.141592653589793");
  CHECK(Call("e", {}) == "2.718281828459045");
  CHECK(Call("exp", {"0"}) == "1.0");
  CHECK(Call("log10", {"1000"}) == "3.0");
  CHECK(Call("isnan", {"1"}) == "false");
  auto r = CallScalarFunction("rand", {});
  REQUIRE(r.ok());
  CHECK(r->AsDouble() >= 0.0);
  CHECK(r->AsDouble() < 1.0);
}

TEST_CASE("List11 [1]/[2]: range") {
  CHECK(Call("range", {"-1236", "-1234"}) == "[-1236, -1235, -1234]");
  CHECK(Call("range", {"0", "-123"}) == "[]");
  CHECK(Call("range", {"1381", "-3412", "-1298"}) == "[1381, 83, -1215, -2513]");
  CHECK(Call("range", {"10", "-10", "-3"}) == "[10, 7, 4, 1, -2, -5, -8]");
  CHECK(Call("range", {"0", "1", "2"}) == "[0]");
  CHECK(Call("range", {"0", "0", "-1"}) == "[0]");
  CHECK(Call("range", {"-3412", "1381", "1298"}) == "[-3412, -2114, -816, 482]");
  CHECK(Call("range", {"0", "1", "-123"}) == "[]");
}

TEST_CASE("List11 [3]: range is empty when directions disagree") {
  for (int64_t stop : {1, 2, 500, 1000, 1500}) {
    for (int64_t step : {-1000, -3, -2, -1, 1, 2, 3, 1000}) {
      auto r = CallScalarFunction(
          "range", std::vector<Value>{Value::Int(0), Value::Int(stop),
                                      Value::Int(step)});
      REQUIRE(r.ok());
      CHECK(r->AsList().empty() == (step < 0));
    }
  }
}

TEST_CASE("List11 [4]/[5]: range argument errors") {
  CHECK(Call("range", {"0", "0", "0"}) == "ArgumentError: NumberOutOfRange");
  CHECK(Call("range", {"2", "-8", "0"}) == "ArgumentError: NumberOutOfRange");
  for (auto args : std::vector<std::vector<std::string_view>>{
           {"true", "1", "1"}, {"0", "true", "1"}, {"-1.1", "1", "1"},
           {"0.0", "1", "1"}, {"0", "1", "1.1"}, {"'xyz'", "1", "1"},
           {"[0]", "1", "1"}, {"0", "{end: 1}", "1"}}) {
    CHECK(Call("range", args) == "ArgumentError: InvalidArgumentType");
  }
  auto huge = CallScalarFunction(
      "range", std::vector<Value>{Value::Int(0), Value::Int(INT64_MAX)});
  CHECK(huge.status().code() == absl::StatusCode::kResourceExhausted);
}

TEST_CASE("List9/List7/List8/Map3: tail, head, last, keys") {
  CHECK(Call("tail", {"[1, 2, 3, 4, 5]"}) == "[2, 3, 4, 5]");
  CHECK(Call("tail", {"[]"}) == "[]");
  CHECK(Call("head", {"[1, 2]"}) == "1");
  CHECK(Call("head", {"[]"}) == "null");
  CHECK(Call("last", {"[1, 2]"}) == "2");
  CHECK(Call("keys", {"{name: 'Alice', age: 38}"}) == "['age', 'name']");
  CHECK(Call("keys", {"null"}) == "null");
  CHECK(Call("keys", {"{k: null, l: 1}"}) == "['k', 'l']");
  CHECK(Call("properties", {"{a: 1}"}) == "{a: 1}");
}

TEST_CASE("the function table: names and arities") {
  CHECK(IsScalarFunction("tolower"));
  CHECK_FALSE(IsScalarFunction("toLower"));
  CHECK_FALSE(IsScalarFunction("count"));
  CHECK(ScalarFunctionArity("substring") == std::make_pair(2, 3));
  CHECK(ScalarFunctionArity("coalesce") == std::make_pair(1, -1));
  CHECK(ScalarFunctionArity("pi") == std::make_pair(0, 0));
  CHECK_FALSE(ScalarFunctionArity("nosuch").has_value());
  CHECK(Call("nosuch", {}) == "SyntaxError: UnknownFunction");
  CHECK(Call("abs", {"1", "2"}) == "SyntaxError: InvalidNumberOfArguments");
  CHECK(IsNonDeterministicFunction("rand"));
}

}  // namespace
}  // namespace dossier::query
