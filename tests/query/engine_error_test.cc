// Query errors: compile time (with position and caret) and runtime.
#include <string>

#include "doctest/doctest.h"
#include "query/values/errors.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

std::string Detail(const absl::Status& s) {
  auto n = query::ParseQueryError(s);
  return n ? n->type + ": " + n->detail : s.ToString();
}

TEST_CASE("UndefinedVariable with line, column and caret") {
  TestDb db("engine-undefined");
  absl::Status s = db.Fail("MATCH (a)\nRETURN b");
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(Detail(s) == "SyntaxError: UndefinedVariable");
  std::string m(s.message());
  CHECK(m.find("(line 2, column 8)") != std::string::npos);
  CHECK(m.find("\nRETURN b\n       ^") != std::string::npos);
}

TEST_CASE("compile-time errors of the binder") {
  TestDb db("engine-binder");
  CHECK(Detail(db.Fail("MATCH (a)-[r]->(b) MATCH (r) RETURN r")) ==
        "SyntaxError: VariableTypeConflict");
  CHECK(Detail(db.Fail("CREATE (a)-[:T]-(b)")) == "SyntaxError: RequiresDirectedRelationship");
  CHECK(Detail(db.Fail("CREATE (a)-[:T*2]->(b)")) == "SyntaxError: CreatingVarLength");
  CHECK(Detail(db.Fail("RETURN nope(1)")) == "SyntaxError: UnknownFunction");
  CHECK(Detail(db.Fail("MATCH (n) WHERE count(n) > 1 RETURN n")) ==
        "SyntaxError: InvalidAggregation");
  CHECK(Detail(db.Fail("RETURN 1 AS a UNION RETURN 2 AS b")) ==
        "SyntaxError: DifferentColumnsInUnion");
  CHECK(Detail(db.Fail("RETURN 1 AS a, 2 AS a")) == "SyntaxError: ColumnNameConflict");
  CHECK(Detail(db.Fail("MATCH (a) CREATE (a:L)")) == "SyntaxError: VariableAlreadyBound");
  CHECK(Detail(db.Fail("RETURN 1 AND 'x'")) == "SyntaxError: InvalidArgumentType");
}

TEST_CASE("runtime TypeError") {
  TestDb db("engine-typeerror");
  CHECK(Detail(db.Fail("RETURN 1 + true")) == "TypeError: InvalidArgumentType");
  CHECK(Detail(db.Fail("WITH [1] AS l RETURN l['x']")) == "TypeError: InvalidArgumentType");
  // Regression: length() of a string or list reported "SyntaxError:
  // UnknownFunction: unknown function length" at run time.
  for (const char* q : {"WITH 'abc' AS s RETURN length(s)",
                        "WITH [1, 2] AS l RETURN length(l)"}) {
    absl::Status s = db.Fail(q);
    CHECK_MESSAGE(Detail(s) == "TypeError: InvalidArgumentType", s.ToString());
    CHECK(std::string(s.message()).find("size()") != std::string::npos);
  }
}

}  // namespace
}  // namespace dossier::testing
