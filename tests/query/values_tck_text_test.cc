// TCK result-cell texts: rendering values as the openCypher TCK writes them,
// reading cells back and matching them against actual results.
#include "query/values/literal_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "query/values/errors.h"

namespace dossier::query {
namespace {

using graph::EdgeRef;
using graph::PathValue;
using graph::Value;

TckValue P(std::string_view text) {
  auto t = ParseTckValue(text);
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  return *t;
}

// Parse then render: the canonical text of a cell.
std::string RoundTrip(std::string_view text) { return TckText(P(text)); }

TEST_CASE("Literals5: floats in the TCK's notation") {
  CHECK(graph::DoubleText(1.0) == "1.0");
  CHECK(graph::DoubleText(.1) == "0.1");
  CHECK(graph::DoubleText(3985764.3405892687) == "3985764.3405892686");  // [3]
  CHECK(graph::DoubleText(.3405892687) == "0.3405892687");
  CHECK(graph::DoubleText(1.2635418652381264e305) == "1.2635418652381264e305");  // [5]
  CHECK(graph::DoubleText(1e-305) == "1e-305");                                  // [6]
  CHECK(graph::DoubleText(-0.0) == "0.0");                                       // [9]
  CHECK(graph::DoubleText(-1.2635418652381264e305) == "-1.2635418652381264e305");
  CHECK(graph::DoubleText(1e9) == "1000000000.0");                               // [13]
  CHECK(graph::DoubleText(.1e9) == "100000000.0");
  CHECK(graph::DoubleText(1e-5) == "0.00001");                                   // [16]
  CHECK(graph::DoubleText(.1e-5) == "0.000001");                                 // [17]
  CHECK(graph::DoubleText(-1e9) == "-1000000000.0");
  CHECK(graph::DoubleText(-1e-5) == "-0.00001");
  CHECK(graph::DoubleText(1e308) == "1e308");                                    // [25]
  CHECK(graph::DoubleText(123456789e300) == "1.23456789e308");                   // [26]
  CHECK(graph::DoubleText(999.99) == "999.99");
  CHECK(graph::DoubleText(std::nan("")) == "NaN");
}

TEST_CASE("Literals: scalars render and parse back") {
  CHECK(ValueText(Value::Null()) == "null");
  CHECK(ValueText(Value::Bool(true)) == "true");
  CHECK(ValueText(Value::Int(-9223372036854775807 - 1)) ==
        "-9223372036854775808");                 // Literals2 [8]
  CHECK(ValueText(Value::String("it's")) == "'it\\'s'");
  CHECK(ValueText(Value::String("Foo\nFoo")) == "'Foo\\nFoo'");  // String10 [5]
  auto s = TckToValue(P("'Foo\\nFoo'"));
  REQUIRE(s.ok());
  CHECK(s->AsString() == "Foo\nFoo");
  CHECK(TckToValue(P("'\\u00e9'"))->AsString() == "\xC3\xA9");
  CHECK(TckToValue(P("1"))->kind() == graph::ValueKind::kInt);
  CHECK(TckToValue(P("1.0"))->kind() == graph::ValueKind::kDouble);
  CHECK(TckToValue(P(".5"))->AsDouble() == 0.5);
  CHECK(TckToValue(P("-1e-305"))->AsDouble() == -1e-305);
  CHECK(std::isnan(TckToValue(P("NaN"))->AsDouble()));
  CHECK(RoundTrip("  3985764.3405892686 ") == "3985764.3405892686");
}

TEST_CASE("lists and maps") {
  CHECK(RoundTrip("[1, 2]") == "[1, 2]");
  CHECK(RoundTrip("[]") == "[]");
  CHECK(RoundTrip("[[1], ['a', null]]") == "[[1], ['a', null]]");
  CHECK(RoundTrip("{a: 1}") == "{a: 1}");
  CHECK(RoundTrip("{b: [1, {c: 'x'}], a: null}") == "{a: null, b: [1, {c: 'x'}]}");
  CHECK(RoundTrip("{`a b`: 1}") == "{`a b`: 1}");
  Value m = Value::Map({{"name", Value::String("Mats")}, {"n", Value::Int(1)}});
  CHECK(ValueText(m) == "{n: 1, name: 'Mats'}");
}

TEST_CASE("ReturnOrderBy1 [11], Return6 [10]: nodes, relationships, paths") {
  TckValue n = P("(:TheLabel {name: 'ABCDEF'})");
  REQUIRE(n.kind == TckValue::Kind::kNode);
  CHECK(n.node.labels == std::vector<std::string>{"TheLabel"});
  CHECK(n.node.props.at("name").AsString() == "ABCDEF");
  CHECK(RoundTrip("()") == "()");
  CHECK(RoundTrip("({id: 42})") == "({id: 42})");
  CHECK(RoundTrip("(:A:B)") == "(:A:B)");
  TckValue r = P("[:REL]");
  REQUIRE(r.kind == TckValue::Kind::kRelationship);
  CHECK(r.rel.type == "REL");
  CHECK(RoundTrip("[:T {p: 1}]") == "[:T {p: 1}]");
  CHECK(RoundTrip("[(:A), (:A)]") == "[(:A), (:A)]");
  TckValue p = P("<(:Label1)<-[:T1]-(:Label2)-[:T2]->(:Label3)>");
  REQUIRE(p.kind == TckValue::Kind::kPath);
  CHECK(p.path.nodes.size() == 3);
  CHECK(p.path.forward == std::vector<bool>{false, true});
  CHECK(TckText(p) == "<(:Label1)<-[:T1]-(:Label2)-[:T2]->(:Label3)>");
  CHECK(RoundTrip("<()>") == "<()>");
  CHECK(RoundTrip("<({name: 'A'})-[:X]->({name: 'B'})>") ==
        "<({name: 'A'})-[:X]->({name: 'B'})>");
}

TEST_CASE("bad cells are errors, not crashes") {
  for (auto bad : {"", "[1, 2", "{a 1}", "'open", "(:A", "<(:A)-[:T]-(:B)>",
                   "1 2", "tru", "[1,]", "{a: 1,}", "@"}) {
    CHECK_FALSE(ParseTckValue(bad).ok());
  }
  CHECK_FALSE(TckToValue(P("[(:A)]")).ok());
}

TckResolver Graph() {
  TckResolver r;
  r.node = [](graph::NodeId id) {
    TckNode n;
    if (id == 1) n.labels = {"A", "B"};
    if (id == 2) n.props["name"] = Value::String("x");
    return n;
  };
  r.relationship = [](const EdgeRef& e) {
    TckRelationship rel;
    rel.type = "T";
    return rel;
  };
  return r;
}

TEST_CASE("matching actual results against expected cells") {
  TckResolver g = Graph();
  auto actual = [&](const Value& v) { return ToTckValue(v, g); };
  CHECK(TckMatches(P("(:B:A)"), actual(Value::Node(1)), false));  // label set
  CHECK_FALSE(TckMatches(P("(:A)"), actual(Value::Node(1)), false));
  CHECK(TckMatches(P("({name: 'x'})"), actual(Value::Node(2)), false));
  CHECK(TckMatches(P("[:T]"), actual(Value::Edge(EdgeRef{9, 1, 2, 0})), false));
  Value path = Value::Path(PathValue{{1, 2}, {EdgeRef{9, 2, 1, 0}}});
  CHECK(TckMatches(P("<(:A:B)<-[:T]-({name: 'x'})>"), actual(path), false));
  CHECK_FALSE(TckMatches(P("<(:A:B)-[:T]->({name: 'x'})>"), actual(path), false));
  // 1 and 1.0 differ in a result table; NaN matches NaN.
  CHECK_FALSE(TckMatches(P("1"), actual(Value::Double(1.0)), false));
  CHECK(TckMatches(P("NaN"), actual(Value::Double(std::nan(""))), false));
  // Return6 [13]: "ignoring element order for lists".
  Value others = Value::List({Value::String("b"), Value::String("c")});
  CHECK_FALSE(TckMatches(P("['c', 'b']"), actual(others), false));
  CHECK(TckMatches(P("['c', 'b']"), actual(others), true));
  CHECK_FALSE(TckMatches(P("['c', 'c']"), actual(others), true));
  // Map3 [2]: keys() in any order.
  CHECK(TckMatches(P("['address', 'name', 'age']"),
                   P("['name', 'age', 'address']"), true));
}

TEST_CASE("query error names read back") {
  auto name = ParseQueryError(
      TypeError(kInvalidArgumentType, "cannot add BOOLEAN and INTEGER"));
  REQUIRE(name.has_value());
  CHECK(name->type == "TypeError");
  CHECK(name->detail == "InvalidArgumentType");
  CHECK(std::string(ArgumentError(kNumberOutOfRange, "step 0").message()) ==
        "ArgumentError: NumberOutOfRange: step 0");
  CHECK_FALSE(ParseQueryError(absl::InternalError("TypeError: X: y")));
  CHECK_FALSE(ParseQueryError(absl::InvalidArgumentError("no names here")));
  CHECK_FALSE(ParseQueryError(absl::OkStatus()));
}

}  // namespace
}  // namespace dossier::query
