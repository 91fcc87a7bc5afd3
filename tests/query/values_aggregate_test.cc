// Aggregate accumulators, checked against the openCypher TCK aggregation
// scenarios named in each case.
#include "query/values/aggregate.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "query/values/errors.h"
#include "query/values/literal_text.h"

namespace dossier::query {
namespace {

using graph::Value;

// Runs aggregate `fn` over the elements of the TCK list text `input`;
// returns the result's TCK text or "<Type>: <Detail>".
std::string Agg(std::string_view fn, std::string_view input,
                bool distinct = false) {
  auto parsed = ParseTckValue(input);
  REQUIRE(parsed.ok());
  auto list = TckToValue(*parsed);
  REQUIRE(list.ok());
  auto agg = MakeAggregator(fn, distinct);
  REQUIRE(agg.ok());
  for (const Value& v : list->AsList()) {
    absl::Status st = (*agg)->Add(v);
    if (!st.ok()) {
      auto name = ParseQueryError(st);
      REQUIRE(name.has_value());
      return name->type + ": " + name->detail;
    }
  }
  auto r = (*agg)->Finish();
  REQUIRE(r.ok());
  return ValueText(*r);
}

TEST_CASE("Aggregation1 [1]: count only non-null values") {
  CHECK(Agg("count", "[33, null]") == "1");
  CHECK(Agg("count", "[]") == "0");
}

TEST_CASE("Aggregation2: min and max") {
  CHECK(Agg("max", "[1, 2, 0, null, -1]") == "2");                    // [1]
  CHECK(Agg("min", "[1, 2, 0, null, -1]") == "-1");                   // [2]
  CHECK(Agg("max", "[1.0, 2.0, 0.5, null]") == "2.0");                // [3]
  CHECK(Agg("min", "[1.0, 2.0, 0.5, null]") == "0.5");                // [4]
  CHECK(Agg("max", "[1, 2.0, 5, null, 3.2, 0.1]") == "5");            // [5]
  CHECK(Agg("min", "[1, 2.0, 5, null, 3.2, 0.1]") == "0.1");          // [6]
  CHECK(Agg("max", "['a', 'b', 'B', null, 'abc', 'abc1']") == "'b'"); // [7]
  CHECK(Agg("min", "['a', 'b', 'B', null, 'abc', 'abc1']") == "'B'"); // [8]
  CHECK(Agg("max", "[[1], [2], [2, 1]]") == "[2, 1]");                // [9]
  CHECK(Agg("min", "[[1], [2], [2, 1]]") == "[1]");                   // [10]
  CHECK(Agg("max", "[1, 'a', null, [1, 2], 0.2, 'b']") == "1");       // [11]
  CHECK(Agg("min", "[1, 'a', null, [1, 2], 0.2, 'b']") == "[1, 2]");  // [12]
  CHECK(Agg("max", "[null]") == "null");
}

TEST_CASE("Aggregation3: sum") {
  CHECK(Agg("sum", "[33, null, 42]") == "75");  // [1]
  // [2]: range(1000000, 2000000) LIMIT 3000 sums past 2^31 without overflow.
  auto agg = *MakeAggregator("sum", false);
  for (int64_t i = 1000000; i < 1003000; ++i) {
    REQUIRE(agg->Add(Value::Int(i)).ok());
  }
  CHECK(ValueText(*agg->Finish()) == "3004498500");
  CHECK(Agg("sum", "[]") == "0");
  CHECK(Agg("sum", "[1, 0.5]") == "1.5");
  CHECK(Agg("sum", "[1, 'a']") == "TypeError: InvalidArgumentType");
  CHECK(Agg("sum", "[9223372036854775807, 1]") ==
        "ArithmeticError: IntegerOverflow");
}

TEST_CASE("Return6 [8]/[17]: avg") {
  CHECK(Agg("avg", "[1, 1]") == "1.0");
  CHECK(Agg("avg", "[1, 2]") == "1.5");
  CHECK(Agg("avg", "[]") == "null");
  CHECK(Agg("avg", "[null]") == "null");
  CHECK(Agg("avg", "[1, 2.0, null]") == "1.5");
  // Exact integer sum before the division: no overflow, no rounding.
  CHECK(Agg("avg", "[9223372036854775807, 9223372036854775807]") ==
        "9223372036854776000.0");
  CHECK(Agg("avg", "[true]") == "TypeError: InvalidArgumentType");
}

TEST_CASE("Aggregation5 [1]: collect filters nulls") {
  CHECK(Agg("collect", "[null]") == "[]");
  CHECK(Agg("collect", "[1, null, 'a', [2]]") == "[1, 'a', [2]]");
}

TEST_CASE("Aggregation8/Return5/Aggregation5 [2]: DISTINCT") {
  CHECK(Agg("count", "[null]", true) == "0");                  // Aggregation8 [2]
  CHECK(Agg("collect", "[null, null]", true) == "[]");         // Aggregation8 [3]
  CHECK(Agg("collect", "[null, 1, null]", true) == "[1]");     // Aggregation8 [4]
  CHECK(Agg("collect", "[42, 43, 44, 42]", true) == "[42, 43, 44]");
  CHECK(Agg("count", "[{name: ['A', 'B']}, {name: ['A', 'B']}]", true) == "1");
  CHECK(Agg("count",
            "[{name: [{name2: ['A', 'B']}, {baz: {apa: ['A', 'B']}}]},"
            " {name: [{name2: ['A', 'B']}, {baz: {apa: ['A', 'B']}}]}]",
            true) == "1");                                      // Return5 [4]
  CHECK(Agg("sum", "[1, 1, 2]", true) == "3");
  CHECK(Agg("count", "[1, 1, 2]", false) == "3");
}

TEST_CASE("the aggregate table") {
  CHECK(IsAggregateFunction("collect"));
  CHECK_FALSE(IsAggregateFunction("size"));
  auto bad = MakeAggregator("median", false);
  REQUIRE_FALSE(bad.ok());
  CHECK(ParseQueryError(bad.status())->detail == "UnknownFunction");
  // Finish may be called twice.
  auto agg = *MakeAggregator("collect", false);
  REQUIRE(agg->Add(Value::Int(1)).ok());
  CHECK(ValueText(*agg->Finish()) == "[1]");
  CHECK(ValueText(*agg->Finish()) == "[1]");
}

}  // namespace
}  // namespace dossier::query
