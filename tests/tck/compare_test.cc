// Tests of the TCK runner's result and side-effect comparison.
#include "tests/tck/compare.h"

#include <doctest/doctest.h>

#include "tests/tck/runner.h"

namespace dossier::tck {
namespace {

using graph::Value;

query::QueryResult Result(std::vector<std::string> columns,
                          std::vector<std::vector<Value>> rows) {
  query::QueryResult r;
  r.columns = std::move(columns);
  r.rows = std::move(rows);
  return r;
}

TEST_CASE("rows compare as a multiset or a sequence") {
  auto r = Result({"x", "y"}, {{Value::Int(1), Value::String("a")},
                               {Value::Int(2), Value::Null()},
                               {Value::Int(1), Value::String("a")}});
  DataTable any = {{"x", "y"}, {"2", "null"}, {"1", "'a'"}, {"1", "'a'"}};
  CHECK_FALSE(CompareResult(r, any, false, false).has_value());
  auto ordered = CompareResult(r, any, true, false);
  REQUIRE(ordered.has_value());
  CHECK(ordered->reason == "result: row order differs");

  DataTable fewer = {{"x", "y"}, {"2", "null"}, {"1", "'a'"}};
  CHECK(CompareResult(r, fewer, false, false)->reason ==
        "result: row count differs");
  DataTable other = {{"x", "y"}, {"2", "null"}, {"1", "'a'"}, {"1.0", "'a'"}};
  CHECK(CompareResult(r, other, false, false)->reason ==
        "result: values differ");
  DataTable renamed = {{"y", "x"}, {"2", "null"}, {"1", "'a'"}, {"1", "'a'"}};
  CHECK(CompareResult(r, renamed, false, false)->reason ==
        "result: columns differ");
}

TEST_CASE("lists, floats and graph elements") {
  auto r = Result({"l", "f"}, {{Value::List({Value::Int(2), Value::Int(1)}),
                                Value::Double(0.1 + 0.2)}});
  CHECK(CompareResult(r, {{"l", "f"}, {"[1, 2]", "0.30000000000000004"}},
                      false, false)
            .has_value());
  CHECK_FALSE(CompareResult(r, {{"l", "f"}, {"[1, 2]", "0.30000000000000004"}},
                            false, true)
                  .has_value());

  query::QueryResult g = Result({"n", "r"}, {{Value::Node(7),
                                             Value::Edge({3, 7, 7, 0})}});
  g.nodes[7] = query::EntityData{{"B", "A"}, {{"name", Value::String("x")}}};
  g.edges[3] = query::EntityData{{"T"}, {}, 7, 7};
  CHECK_FALSE(CompareResult(g, {{"n", "r"}, {"(:A:B {name: 'x'})", "[:T]"}},
                            false, false)
                  .has_value());
  CHECK(CompareResult(g, {{"n", "r"}, {"(:A {name: 'x'})", "[:T]"}}, false,
                      false)
            .has_value());
}

TEST_CASE("side effects") {
  query::QueryStats s;
  CHECK_FALSE(CompareSideEffects(s, {}).has_value());
  s.nodes_created = 2;
  s.properties_set = 1;
  CHECK_FALSE(
      CompareSideEffects(s, {{"+nodes", "2"}, {"+properties", "1"}}).has_value());
  auto m = CompareSideEffects(s, {{"+nodes", "2"}});
  REQUIRE(m.has_value());
  CHECK(m->reason == "side effects differ (+properties)");
  CHECK(CompareSideEffects(s, {{"+bogus", "2"}})->reason ==
        "runner: bad side-effects row");
}

TEST_CASE("temporal scenarios") {
  Scenario s;
  Step q;
  q.doc_string = "RETURN date({year: 1}) AS d";
  s.steps.push_back(q);
  CHECK(UsesTemporal(s));
  s.steps[0].doc_string = "RETURN duration.between(a, b) AS d";
  CHECK(UsesTemporal(s));
  s.steps[0].doc_string = "CREATE ({tagline: 'There comes a time...'})";
  CHECK_FALSE(UsesTemporal(s));
  s.steps[0].doc_string = "RETURN n.date(1) AS d";
  CHECK_FALSE(UsesTemporal(s));
}

}  // namespace
}  // namespace dossier::tck
