// Equality, comparison, ORDER BY order and grouping of query values, checked
// against the openCypher TCK scenarios named in each case.
#include "query/values/compare.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "query/values/literal_text.h"

namespace dossier::query {
namespace {

using graph::EdgeRef;
using graph::PathValue;

// A Value from its TCK text, e.g. V("[1, null]").
Value V(std::string_view text) {
  auto t = ParseTckValue(text);
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  auto v = TckToValue(*t);
  REQUIRE(v.ok());
  return *v;
}

const Value kNaN = Value::Double(std::nan(""));

Tri Eq(std::string_view a, std::string_view b) { return Equals(V(a), V(b)); }

TEST_CASE("Comparison1 [6]/List3: list equality with nulls") {
  CHECK(Eq("[1, 2]", "[1]") == Tri::kFalse);
  CHECK(Eq("[null]", "[1]") == Tri::kNull);
  CHECK(Eq("['a']", "[1]") == Tri::kFalse);
  CHECK(Eq("[[1]]", "[[1], [null]]") == Tri::kFalse);
  CHECK(Eq("[[1], [2]]", "[[1], [null]]") == Tri::kNull);
  CHECK(Eq("[[1], [2, 3]]", "[[1], [null]]") == Tri::kFalse);
  CHECK(Eq("[1, 2]", "'foo'") == Tri::kFalse);                      // List3 [1]
  CHECK(Eq("[1, 2]", "[null, 'foo']") == Tri::kFalse);              // List3 [3]
  CHECK(Eq("[1, 2]", "[null, 2]") == Tri::kNull);                   // List3 [4]
  CHECK(Eq("[[1, 2], ['foo', 'bar']]", "[[1, 2], [null, 'bar']]") ==
        Tri::kNull);                                                 // List3 [7]
  CHECK(Eq("[1, 2]", "[1, 2]") == Tri::kTrue);
}

TEST_CASE("Comparison1 [7]: map equality") {
  CHECK(Eq("{}", "{}") == Tri::kTrue);
  CHECK(Eq("{k: 1.0}", "{k: 1.0}") == Tri::kTrue);
  CHECK(Eq("{k: 'a', l: 2}", "{k: 'a', l: 2}") == Tri::kTrue);
  CHECK(Eq("{}", "{k: null}") == Tri::kFalse);
  CHECK(Eq("{k: null}", "{}") == Tri::kFalse);
  CHECK(Eq("{k: 1}", "{k: 1, l: null}") == Tri::kFalse);
  CHECK(Eq("{k: null}", "{k: null, l: null}") == Tri::kFalse);
  CHECK(Eq("{k: null}", "{k: null}") == Tri::kNull);
  CHECK(Eq("{k: 1}", "{k: null}") == Tri::kNull);
  CHECK(Eq("{k: 1, l: null}", "{k: null, l: 1}") == Tri::kNull);
  CHECK(Eq("{k: 1, l: null}", "{k: 1, l: 1}") == Tri::kNull);
}

TEST_CASE("Comparison1 [8]/[9]: NaN and strings versus numbers") {
  CHECK(Equals(kNaN, V("1")) == Tri::kFalse);
  CHECK(Equals(kNaN, V("1.0")) == Tri::kFalse);
  CHECK(Equals(kNaN, kNaN) == Tri::kFalse);
  CHECK(Equals(kNaN, V("'a'")) == Tri::kFalse);
  CHECK(Eq("1", "1.0") == Tri::kTrue);
  CHECK(Eq("'1.0'", "1.0") == Tri::kFalse);
  CHECK(Eq("'1'", "1") == Tri::kFalse);
  CHECK(Eq("null", "null") == Tri::kNull);  // Comparison1 [15]
}

TEST_CASE("Comparison1 [10]-[13]: large integers compare exactly") {
  // 4611686018427387905 and ...900 are the same double.
  CHECK(Eq("4611686018427387905", "4611686018427387900") == Tri::kFalse);
  CHECK(Eq("4611686018427387905", "4611686018427387905") == Tri::kTrue);
  // INTEGER versus FLOAT above 2^53 is exact too.
  Value big = Value::Int(9007199254740993);  // 2^53 + 1
  Value f = Value::Double(9007199254740992.0);
  CHECK(Equals(big, f) == Tri::kFalse);
  CHECK(Greater(big, f) == Tri::kTrue);
  CHECK(Less(Value::Int(INT64_MAX), Value::Double(9223372036854775808.0)) ==
        Tri::kTrue);
  CHECK(Greater(Value::Int(INT64_MIN), Value::Double(-1e19)) == Tri::kTrue);
  CHECK(Less(Value::Int(2), Value::Double(2.5)) == Tri::kTrue);
  CHECK(Greater(Value::Int(-2), Value::Double(-2.5)) == Tri::kTrue);
}

TEST_CASE("Comparison1 [4]/[5]/[14]: graph elements by id") {
  CHECK(Equals(Value::Node(1), Value::Node(1)) == Tri::kTrue);
  CHECK(Equals(Value::Node(1), Value::Node(2)) == Tri::kFalse);
  CHECK(Equals(Value::Edge(EdgeRef{7, 1, 2, 0}), Value::Edge(EdgeRef{7, 1, 2, 0})) ==
        Tri::kTrue);
  // A loop traversed both ways is the same path.
  EdgeRef loop{5, 1, 1, 0};
  Value p1 = Value::Path(PathValue{{1, 1}, {loop}});
  Value p2 = Value::Path(PathValue{{1, 1}, {loop}});
  CHECK(Equals(p1, p2) == Tri::kTrue);
}

TEST_CASE("Comparison2 [3]: comparing across types yields null, except numbers") {
  std::vector<Value> types = {Value::Node(1), Value::Edge(EdgeRef{1, 1, 2, 0}),
                              Value::Path(PathValue{{1}, {}}), V("''"), V("1"),
                              V("3.14"), V("true"), V("null"), V("[]"),
                              V("{}")};
  int true_count = 0;
  for (size_t i = 0; i < types.size(); ++i) {
    for (size_t j = 0; j < types.size(); ++j) {
      if (i == j) continue;
      if (Less(types[i], types[j]) == Tri::kTrue) ++true_count;
      if (Greater(types[i], types[j]) == Tri::kTrue) ++true_count;
    }
  }
  CHECK(true_count == 2);  // 1 < 3.14 and 3.14 > 1
  CHECK(Less(V("1"), V("3.14")) == Tri::kTrue);
  CHECK(LessOrEqual(V("1"), V("3.14")) == Tri::kTrue);
  CHECK(GreaterOrEqual(V("3.14"), V("1")) == Tri::kTrue);
  CHECK(Less(V("'a'"), V("1")) == Tri::kNull);
}

TEST_CASE("Comparison2 [4]: comparing lists") {
  CHECK(GreaterOrEqual(V("[1, 0]"), V("[1]")) == Tri::kTrue);
  CHECK(GreaterOrEqual(V("[1, null]"), V("[1]")) == Tri::kTrue);
  CHECK(GreaterOrEqual(V("[1, 2]"), V("[1, null]")) == Tri::kNull);
  CHECK(GreaterOrEqual(V("[1, 'a']"), V("[1, null]")) == Tri::kNull);
  CHECK(GreaterOrEqual(V("[1, 2]"), V("[3, null]")) == Tri::kFalse);
}

TEST_CASE("Comparison2 [5]/[6]: NaN and strings versus numbers") {
  for (const Value& rhs : {V("1"), V("1.0"), kNaN}) {
    CHECK(Greater(kNaN, rhs) == Tri::kFalse);
    CHECK(GreaterOrEqual(kNaN, rhs) == Tri::kFalse);
    CHECK(Less(kNaN, rhs) == Tri::kFalse);
    CHECK(LessOrEqual(kNaN, rhs) == Tri::kFalse);
  }
  CHECK(Greater(kNaN, V("'a'")) == Tri::kNull);
  CHECK(Less(V("1.0"), V("1.0")) == Tri::kFalse);
  CHECK(Less(V("1"), V("1.0")) == Tri::kFalse);
  CHECK(Less(V("'1.0'"), V("1.0")) == Tri::kNull);
  CHECK(Less(V("'1'"), V("1")) == Tri::kNull);
}

TEST_CASE("Comparison3: string ranges by code point") {
  CHECK(Less(V("'a'"), V("'b'")) == Tri::kTrue);
  CHECK(LessOrEqual(V("'c'"), V("'c'")) == Tri::kTrue);
  CHECK(Less(V("'B'"), V("'a'")) == Tri::kTrue);
  // U+00E9 (2 UTF-8 bytes) sorts before U+4E2D (3 bytes), after 'z'.
  CHECK(Less(Value::String("z"), Value::String("\xC3\xA9")) == Tri::kTrue);
  CHECK(Less(Value::String("\xC3\xA9"), Value::String("\xE4\xB8\xAD")) ==
        Tri::kTrue);
  CHECK(Less(V("false"), V("true")) == Tri::kTrue);
}

// Sorts by OrderCompare and renders as TCK text.
std::vector<std::string> Sorted(std::vector<Value> values, bool desc) {
  std::stable_sort(values.begin(), values.end(),
                   [desc](const Value& a, const Value& b) {
                     int c = OrderCompare(a, b);
                     return desc ? c > 0 : c < 0;
                   });
  std::vector<std::string> out;
  for (const Value& v : values) out.push_back(ValueText(v));
  return out;
}

TEST_CASE("ReturnOrderBy1 [1]-[10]: order within a type") {
  CHECK(Sorted({V("true"), V("false")}, false) ==
        std::vector<std::string>{"false", "true"});
  CHECK(Sorted({V("'.*'"), V("''"), V("' '"), V("'one'")}, false) ==
        std::vector<std::string>{"''", "' '", "'.*'", "'one'"});
  CHECK(Sorted({V("1.5"), V("1.3"), V("999.99")}, true) ==
        std::vector<std::string>{"999.99", "1.5", "1.3"});
  std::vector<Value> lists = {V("[]"),       V("['a']"),     V("['a', 1]"),
                              V("[1]"),      V("[1, 'a']"),  V("[1, null]"),
                              V("[null, 1]"), V("[null, 2]")};
  std::vector<std::string> asc = {"[]",       "['a']",     "['a', 1]",
                                  "[1]",      "[1, 'a']",  "[1, null]",
                                  "[null, 1]", "[null, 2]"};
  std::reverse(lists.begin(), lists.end());
  CHECK(Sorted(lists, false) == asc);
  std::reverse(asc.begin(), asc.end());
  CHECK(Sorted(lists, true) == asc);
}

TEST_CASE("ReturnOrderBy1 [11]/[12]: order of distinct types") {
  std::vector<Value> types = {Value::Node(1), Value::Edge(EdgeRef{2, 1, 3, 0}),
                              Value::Path(PathValue{{1, 3}, {EdgeRef{2, 1, 3, 0}}}),
                              V("1.5"), V("['list']"), V("'text'"), V("null"),
                              V("false"), kNaN, V("{a: 'map'}")};
  std::vector<std::string> asc = {"{a: 'map'}", "(#1)",   "[#2]",
                                  "['list']",   "<(#1)-[#2]->(#3)>",
                                  "'text'",     "false",  "1.5",
                                  "NaN",        "null"};
  CHECK(Sorted(types, false) == asc);
  std::reverse(asc.begin(), asc.end());
  CHECK(Sorted(types, true) == asc);
}

TEST_CASE("OrderCompare: numbers across INTEGER and FLOAT") {
  CHECK(OrderCompare(V("1"), V("1.0")) == 0);
  CHECK(OrderCompare(V("1"), V("1.5")) < 0);
  CHECK(OrderCompare(Value::Int(9007199254740993), Value::Double(9007199254740992.0)) > 0);
  CHECK(OrderCompare(V("{a: 1}"), V("{b: 0}")) < 0);
}

TEST_CASE("Return5/With5/Aggregation8: grouping equivalence") {
  CHECK(GroupEquals(V("null"), V("null")));
  CHECK(GroupEquals(kNaN, kNaN));
  CHECK(GroupEquals(V("{name: ['A', 'B']}"), V("{name: ['A', 'B']}")));
  CHECK(GroupHash(V("{name: ['A', 'B']}")) == GroupHash(V("{name: ['A', 'B']}")));
  CHECK(GroupEquals(V("['red']"), V("['red']")));
  CHECK_FALSE(GroupEquals(V("['red']"), V("['blue']")));
  CHECK_FALSE(GroupEquals(V("null"), V("0")));
  CHECK_FALSE(GroupEquals(V("'1'"), V("1")));
  CHECK(GroupEquals(V("1"), V("1.0")));
  CHECK(GroupHash(V("1")) == GroupHash(V("1.0")));
  CHECK(GroupHash(V("[0, [1]]")) == GroupHash(V("[-0.0, [1.0]]")));
  CHECK(GroupEquals(V("[0, [1]]"), V("[-0.0, [1.0]]")));
}

TEST_CASE("List5/Null3: IN with nulls and nested lists") {
  auto in = [](std::string_view e, std::string_view l) {
    return ListContains(V(l), V(e));
  };
  CHECK(in("1", "['1', 2]") == Tri::kFalse);                    // [5]
  CHECK(in("[1, 2]", "[1, [1, '2']]") == Tri::kFalse);          // [6]
  CHECK(in("[1]", "[1, 2, [1]]") == Tri::kTrue);                // [9]
  CHECK(in("[1, 2]", "[1, [2, 1]]") == Tri::kFalse);            // [11]
  CHECK(in("[[1, 2], [3, 4]]", "[5, [[1, 2], [3, 4]]]") == Tri::kTrue);  // [14]
  CHECK(in("null", "[null]") == Tri::kNull);                    // [20]
  CHECK(in("[null]", "[[null]]") == Tri::kNull);                // [21]
  CHECK(in("[1]", "[[1, null]]") == Tri::kFalse);               // [23]
  CHECK(in("3", "[1, null, 3]") == Tri::kTrue);                 // [24]
  CHECK(in("4", "[1, null, 3]") == Tri::kNull);                 // [25]
  CHECK(in("[1, 2]", "[1, [1, 2], null]") == Tri::kTrue);       // [27]
  CHECK(in("[1, 2]", "[[null, 'foo']]") == Tri::kFalse);        // [28]
  CHECK(in("[1, 2, null]", "[1, [1, 2, null]]") == Tri::kNull);  // [31]
  CHECK(in("[1, 2]", "[[null, 2], [1, 3]]") == Tri::kNull);     // [34]
  CHECK(in("[]", "[]") == Tri::kFalse);                         // [36]
  CHECK(in("[]", "[1, 2, null]") == Tri::kNull);                // [40]
  CHECK(in("null", "[]") == Tri::kFalse);                       // Null3 [4]
  CHECK(in("1", "[null, 1]") == Tri::kTrue);                    // Null3 [4]
}

TEST_CASE("Null3/Boolean: three-valued logic") {
  CHECK(TriNot(Tri::kNull) == Tri::kNull);
  CHECK(TriAnd(Tri::kNull, Tri::kFalse) == Tri::kFalse);
  CHECK(TriAnd(Tri::kNull, Tri::kTrue) == Tri::kNull);
  CHECK(TriOr(Tri::kNull, Tri::kTrue) == Tri::kTrue);
  CHECK(TriOr(Tri::kNull, Tri::kFalse) == Tri::kNull);
  CHECK(TriXor(Tri::kTrue, Tri::kFalse) == Tri::kTrue);
  CHECK(TriXor(Tri::kTrue, Tri::kNull) == Tri::kNull);
  CHECK(TriToValue(Tri::kNull).is_null());
}

}  // namespace
}  // namespace dossier::query
