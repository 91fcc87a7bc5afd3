#include "cli/statements.h"

#include <doctest/doctest.h>

namespace dossier::cli {
namespace {

TEST_CASE("scripts split at semicolons outside strings and comments") {
  auto s = SplitStatements(
      "CREATE (a {name: 'x;y'});\n"
      "// a comment; with a semicolon\n"
      "MATCH (n) /* ; */ RETURN n.`odd;name`, \"q;\" ;\n"
      "  \n ;");
  REQUIRE(s.size() == 2);
  CHECK(s[0].text == "CREATE (a {name: 'x;y'})");
  CHECK(s[0].line == 1);
  CHECK(s[1].text.starts_with("// a comment"));
  CHECK(s[1].line == 2);
  CHECK(s[1].text.find("\"q;\"") != std::string::npos);
}

TEST_CASE("escaped quotes do not end a string") {
  auto s = SplitStatements("RETURN 'it\\'s; fine'; RETURN 2");
  REQUIRE(s.size() == 2);
  CHECK(s[0].text == "RETURN 'it\\'s; fine'");
  CHECK(s[1].text == "RETURN 2");
}

TEST_CASE("a statement is complete when it ends with a semicolon") {
  CHECK(EndsStatement("MATCH (n)\nRETURN n;"));
  CHECK(EndsStatement("RETURN 1; // done"));
  CHECK_FALSE(EndsStatement("RETURN ';'"));
  CHECK_FALSE(EndsStatement("RETURN 1; RETURN"));
  CHECK_FALSE(EndsStatement(""));
}

}  // namespace
}  // namespace dossier::cli
