// Tests of the query front end: grammar, AST, syntax errors.
#include "query/parse/parser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "query/ast.h"
#include "query/parse/error_format.h"

namespace dossier::query {
namespace {

// Parses `q`, failing the test with the error when it does not parse.
Statement MustParse(const std::string& q) {
  auto st = ParseStatement(q);
  INFO(q);
  REQUIRE_MESSAGE(st.ok(), st.status().ToString());
  return std::move(st).value();
}

// Returns the error message of a query that must not parse.
std::string ErrorOf(const std::string& q) {
  auto st = ParseStatement(q);
  INFO(q);
  REQUIRE_FALSE(st.ok());
  CHECK(st.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(st.status().message());
}

// The first RETURN clause of the first query.
const ReturnClause& ReturnOf(const Statement& st) {
  for (const Clause& c : st.queries[0].clauses) {
    if (c.kind() == ClauseKind::kReturn) return c.As<ReturnClause>();
  }
  FAIL("no RETURN");
  return st.queries[0].clauses[0].As<ReturnClause>();
}

// Canonical text of the first RETURN item's expression.
std::string FirstItem(const std::string& q) {
  Statement st = MustParse(q);
  return ToString(*ReturnOf(st).projection.items[0].expr);
}

TEST_CASE("simple match") {
  Statement st = MustParse("MATCH (a:Person {name: 'x'})-[r:KNOWS]->(b) RETURN a, b.name");
  REQUIRE(st.queries.size() == 1);
  REQUIRE(st.queries[0].clauses.size() == 2);
  const auto& m = st.queries[0].clauses[0].As<MatchClause>();
  REQUIRE(m.patterns.size() == 1);
  CHECK(m.patterns[0].nodes.size() == 2);
  CHECK(m.patterns[0].nodes[0].labels == std::vector<std::string>{"Person"});
  CHECK(m.patterns[0].rels[0].direction == Direction::kRight);
  CHECK(m.patterns[0].rels[0].types == std::vector<std::string>{"KNOWS"});
}

TEST_CASE("expressions round trip") {
  CHECK(FirstItem("RETURN 1 + 2 * 3") == "1 + 2 * 3");
  CHECK(FirstItem("RETURN (1 + 2) * 3") == "(1 + 2) * 3");
  CHECK(FirstItem("RETURN -9223372036854775808") == "-9223372036854775808");
}


// The text of every `When executing query:` block of a feature file, with
// the outcome line that follows it.
struct TckQuery {
  std::string file;
  std::string query;
  std::string outcome;
};

std::vector<TckQuery> ReadTckQueries(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<TckQuery> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("When executing query:") == std::string::npos) continue;
    if (lines[i].find('#') != std::string::npos) continue;  // Commented out.
    size_t j = i + 1;
    while (j < lines.size() && lines[j].find("\"\"\"") == std::string::npos) ++j;
    std::string q;
    size_t k = j + 1;
    for (; k < lines.size() && lines[k].find("\"\"\"") == std::string::npos; ++k) {
      q += lines[k] + "\n";
    }
    std::string outcome;
    for (size_t m = k + 1; m < lines.size(); ++m) {
      if (lines[m].find("Then") != std::string::npos) {
        outcome = lines[m];
        break;
      }
    }
    out.push_back({file.filename().string(), q, outcome});
    i = k;
  }
  return out;
}

// Error details the parser itself raises; other compile-time errors belong
// to the binder, so their queries must parse.
bool IsParserError(const std::string& outcome, const std::string& query) {
  if (outcome.find("SyntaxError should be raised at compile time") ==
      std::string::npos) {
    return false;
  }
  for (const char* d : {"UnexpectedSyntax", "InvalidNumberLiteral",
                        "IntegerOverflow", "InvalidUnicodeLiteral",
                        "InvalidUnicodeCharacter", "InvalidRelationshipPattern",
                        "NegativeIntegerArgument",
                        "FloatingPointOverflow"}) {
    if (outcome.find(d) != std::string::npos) return true;
  }
  // SKIP/LIMIT checks are the parser's; other such errors the binder's.
  bool skip_limit = query.find("SKIP") != std::string::npos ||
                    query.find("LIMIT") != std::string::npos;
  return skip_limit && (outcome.find("NonConstantExpression") != std::string::npos ||
                        outcome.find("InvalidArgumentType") != std::string::npos);
}

// Parses every TCK query under `dir`; returns how many failed (each is
// reported). Outline queries with <placeholders> are skipped.
int ParseTckFolder(const std::string& dir, int* total) {
  int failures = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".feature") continue;
    for (const TckQuery& t : ReadTckQueries(entry.path())) {
      bool placeholder = false;
      for (size_t p = t.query.find('<'); p != std::string::npos;
           p = t.query.find('<', p + 1)) {
        if (p + 1 < t.query.size() && std::isalpha(static_cast<unsigned char>(
                                          t.query[p + 1]))) {
          placeholder = true;
        }
      }
      if (placeholder) continue;
      ++*total;
      auto st = ParseStatement(t.query);
      bool expect_error = IsParserError(t.outcome, t.query);
      if (st.ok() == expect_error) {
        ++failures;
        MESSAGE(t.file << ": " << (expect_error ? "parsed but should fail: "
                                                : "did not parse: ")
                       << t.query << "\n" << st.status().ToString());
      }
    }
  }
  return failures;
}

TEST_CASE("every TCK MATCH query parses") {
  int total = 0;
  int failures = ParseTckFolder(DOSSIER_SHARED_DIR "/tck/features/clauses/match", &total);
  CHECK(total > 100);
  CHECK(failures == 0);
}

TEST_CASE("TCK queries: parse exactly those without a syntax error") {
  int total = 0;
  int failures = ParseTckFolder(DOSSIER_SHARED_DIR "/tck/features", &total);
  MESSAGE("TCK queries checked: " << total << ", wrong: " << failures);
  CHECK(total > 1200);
  CHECK(failures == 0);
}

TEST_CASE("syntax error position and caret") {
  std::string msg = ErrorOf("MATCH (n) RETRN n");
  CHECK(msg.rfind("SyntaxError: UnexpectedSyntax: ", 0) == 0);
  CHECK(msg.find("'RETRN'") != std::string::npos);
  CHECK(msg.find("(line 1, column 11)\nMATCH (n) RETRN n\n          ^") !=
        std::string::npos);

  msg = ErrorOf("MATCH (n)\nWHERE n.x = 1\n  RETURN n LIMIT 1 2");
  CHECK(msg.find("(line 3, column 20)\n  RETURN n LIMIT 1 2\n                   ^") !=
        std::string::npos);

  // Columns count code points, not bytes.
  msg = ErrorOf("RETURN 'héllo' héllo x");
  CHECK(msg.find("(line 1, column 16)\nRETURN 'héllo' héllo x\n               ^") !=
        std::string::npos);
}

TEST_CASE("FormatQueryError") {
  SourceSpan at{10, 5, 1, 11};
  CHECK(FormatQueryError("MATCH (n) RETRN n", at, "SyntaxError", "UnexpectedSyntax",
                         "bad") ==
        "SyntaxError: UnexpectedSyntax: bad (line 1, column 11)\n"
        "MATCH (n) RETRN n\n"
        "          ^");
}

TEST_CASE("invalid UTF-8 and NUL are errors with a position") {
  std::string msg = ErrorOf("RETURN 'a\x8a'");
  CHECK(msg.find("InvalidUnicodeCharacter") != std::string::npos);
  CHECK(msg.find("byte offset 9") != std::string::npos);
  CHECK(msg.find("(line 1, column 10)") != std::string::npos);
  CHECK(ErrorOf("\x8a").find("byte offset 0") != std::string::npos);
  CHECK(ErrorOf("RETURN '\xc0\x80'").find("invalid UTF-8") != std::string::npos);
  CHECK(ErrorOf(std::string("RETURN 1\0", 9)).find("NUL") != std::string::npos);
}

TEST_CASE("deep nesting is an error, not a crash") {
  std::string deep = "RETURN " + std::string(10000, '(') + "1" +
                     std::string(10000, ')');
  CHECK(ErrorOf(deep).find("nested deeper than 500") != std::string::npos);
  std::string lists = "RETURN " + std::string(10000, '[') + std::string(10000, ']');
  CHECK(ErrorOf(lists).find("nested deeper") != std::string::npos);
  // Brackets inside strings and comments do not count.
  MustParse("RETURN '" + std::string(1000, '(') + "' // " + std::string(1000, '['));
  // The limit itself parses.
  std::string ok = "RETURN " + std::string(kMaxNestingDepth, '(') + "1" +
                   std::string(kMaxNestingDepth, ')');
  CHECK(FirstItem(ok) == "1");
}

TEST_CASE("integer literals") {
  CHECK(ErrorOf("RETURN 9223372036854775808").find("IntegerOverflow") != std::string::npos);
  CHECK(ErrorOf("RETURN -9223372036854775809").find("IntegerOverflow") != std::string::npos);
  CHECK(ErrorOf("RETURN 0x8000000000000000").find("IntegerOverflow") != std::string::npos);
  Statement st = MustParse("RETURN -9223372036854775808, 0x1F, 0o17, -0x8000000000000000");
  const auto& items = ReturnOf(st).projection.items;
  CHECK(items[0].expr->As<LiteralExpr>().value.AsInt() == INT64_MIN);
  CHECK(items[1].expr->As<LiteralExpr>().value.AsInt() == 31);
  CHECK(items[2].expr->As<LiteralExpr>().value.AsInt() == 15);
  CHECK(items[3].expr->As<LiteralExpr>().value.AsInt() == INT64_MIN);
  CHECK(ErrorOf("RETURN 0x").find("InvalidNumberLiteral") != std::string::npos);
  CHECK(ErrorOf("RETURN 9223372h54775808").find("InvalidNumberLiteral") != std::string::npos);
  CHECK(ErrorOf("RETURN 1e999").find("FloatingPointOverflow") != std::string::npos);
}

TEST_CASE("float and string literals") {
  Statement st = MustParse(
      "RETURN 1e3, .5, 1.5e-2, 'a\\'b', \"q\\\"\\n\\t\\\\\", '\\u00e9', true, FALSE, null");
  const auto& items = ReturnOf(st).projection.items;
  CHECK(items[0].expr->As<LiteralExpr>().value.AsDouble() == 1000.0);
  CHECK(items[1].expr->As<LiteralExpr>().value.AsDouble() == 0.5);
  CHECK(items[2].expr->As<LiteralExpr>().value.AsDouble() == 0.015);
  CHECK(items[3].expr->As<LiteralExpr>().value.AsString() == "a'b");
  CHECK(items[4].expr->As<LiteralExpr>().value.AsString() == "q\"\n\t\\");
  CHECK(items[5].expr->As<LiteralExpr>().value.AsString() == "\xc3\xa9");
  CHECK(items[6].expr->As<LiteralExpr>().value.AsBool());
  CHECK_FALSE(items[7].expr->As<LiteralExpr>().value.AsBool());
  CHECK(items[8].expr->As<LiteralExpr>().value.is_null());
  CHECK(ErrorOf("RETURN '\\uH'").find("InvalidUnicodeLiteral") != std::string::npos);
  CHECK(ErrorOf("RETURN 'abc").find("unterminated string") != std::string::npos);
  // NaN and Infinity are not literals: they are variable names.
  CHECK(MustParse("RETURN NaN").queries[0].clauses[0].As<ReturnClause>()
            .projection.items[0].expr->kind() == ExprKind::kVariable);
}

TEST_CASE("keywords are case-insensitive") {
  Statement st = MustParse(
      "match (n) wHeRe n.x = 1 return distinct n order by n.x descending skip 1 limit 2");
  const auto& r = ReturnOf(st);
  CHECK(r.projection.distinct);
  CHECK(r.projection.order_by[0].descending);
  CHECK(r.projection.skip != nullptr);
  CHECK(r.projection.limit != nullptr);
}

TEST_CASE("escaped identifiers") {
  Statement st = MustParse("MATCH (`my var`:`Label x`) RETURN `my var`.`prop``q`");
  const auto& m = st.queries[0].clauses[0].As<MatchClause>();
  CHECK(m.patterns[0].nodes[0].variable == "my var");
  CHECK(m.patterns[0].nodes[0].labels[0] == "Label x");
  const Expr& e = *ReturnOf(st).projection.items[0].expr;
  CHECK(e.As<PropertyExpr>().key == "prop`q");
  CHECK(ToString(e) == "`my var`.`prop``q`");
}

TEST_CASE("unaliased column names keep the original text") {
  Statement st = MustParse("MATCH (a) RETURN a.name, count( * ), a.x AS y, a /* c */ . b");
  const auto& items = ReturnOf(st).projection.items;
  CHECK(items[0].ColumnName() == "a.name");
  CHECK(items[1].ColumnName() == "count( * )");
  CHECK(ToString(*items[1].expr) == "count(*)");
  CHECK(items[2].ColumnName() == "y");
  CHECK(items[3].ColumnName() == "a /* c */ . b");
}

TEST_CASE("patterns") {
  Statement st = MustParse(
      "MATCH p = (a:A:B)-[r:T|:U *1..3]->(b)<-[:V*]-(c)--(d)-[*2]-(e)<-->(f)"
      "-[*..3]->(g)-[*2..]->(h) RETURN p");
  const auto& path = st.queries[0].clauses[0].As<MatchClause>().patterns[0];
  CHECK(path.variable == "p");
  CHECK(path.nodes[0].labels == std::vector<std::string>{"A", "B"});
  REQUIRE(path.rels.size() == 7);
  CHECK(path.rels[0].types == std::vector<std::string>{"T", "U"});
  CHECK(*path.rels[0].var_length->min == 1);
  CHECK(*path.rels[0].var_length->max == 3);
  CHECK(path.rels[1].direction == Direction::kLeft);
  CHECK_FALSE(path.rels[1].var_length->min.has_value());
  CHECK_FALSE(path.rels[1].var_length->max.has_value());
  CHECK(path.rels[2].direction == Direction::kBoth);
  CHECK_FALSE(path.rels[2].var_length.has_value());
  CHECK(*path.rels[3].var_length->min == 2);
  CHECK(*path.rels[3].var_length->max == 2);
  CHECK(path.rels[4].direction == Direction::kBoth);
  CHECK_FALSE(path.rels[5].var_length->min.has_value());
  CHECK(*path.rels[5].var_length->max == 3);
  CHECK(*path.rels[6].var_length->min == 2);
  CHECK_FALSE(path.rels[6].var_length->max.has_value());
  CHECK(ToString(path) ==
        "p = (a:A:B)-[r:T|U*1..3]->(b)<-[:V*]-(c)--(d)-[*2]-(e)--(f)-[*..3]->(g)-[*2..]->(h)");

  st = MustParse("MATCH p = shortestPath((a)-[:T*]-(b)), q = allShortestPaths((a)-->(c)) RETURN p");
  const auto& m = st.queries[0].clauses[0].As<MatchClause>();
  CHECK(m.patterns[0].shortest == ShortestKind::kShortest);
  CHECK(m.patterns[1].shortest == ShortestKind::kAllShortest);

  CHECK(ErrorOf("MATCH (a)-[:LIKES..]->(c) RETURN c").find("InvalidRelationshipPattern") !=
        std::string::npos);
  CHECK(ErrorOf("MATCH (a)-[:LIKES*-2]->(c) RETURN c").find("InvalidRelationshipPattern") !=
        std::string::npos);
}

TEST_CASE("clauses") {
  Statement st = MustParse(
      "EXPLAIN MATCH (a) OPTIONAL MATCH (a)-->(b) WITH a, b WHERE b IS NOT NULL "
      "UNWIND [1, 2] AS x CREATE (c:C {x: x}) MERGE (a)-[:R]->(c) "
      "ON CREATE SET c.new = true ON MATCH SET c.seen = 1, c += {y: 2} "
      "SET a.p = 1, a = {q: 2}, a += $m, a:L:M REMOVE a.p, a:L "
      "DETACH DELETE b DELETE c RETURN *;");
  CHECK(st.mode == ExplainMode::kExplain);
  const auto& cl = st.queries[0].clauses;
  REQUIRE(cl.size() == 11);
  CHECK(cl[1].As<MatchClause>().optional);
  CHECK(cl[2].kind() == ClauseKind::kWith);
  CHECK(cl[3].kind() == ClauseKind::kUnwind);
  const auto& merge = cl[5].As<MergeClause>();
  CHECK(merge.on_create.size() == 1);
  CHECK(merge.on_match.size() == 2);
  CHECK(merge.on_match[1].kind == SetItem::Kind::kMergeMap);
  const auto& set = cl[6].As<SetClause>();
  REQUIRE(set.items.size() == 4);
  CHECK(set.items[0].kind == SetItem::Kind::kProperty);
  CHECK(set.items[1].kind == SetItem::Kind::kReplaceAll);
  CHECK(set.items[2].kind == SetItem::Kind::kMergeMap);
  CHECK(set.items[3].labels == std::vector<std::string>{"L", "M"});
  CHECK(cl[7].As<RemoveClause>().items[1].kind == RemoveItem::Kind::kLabels);
  CHECK(cl[8].As<DeleteClause>().detach);
  CHECK_FALSE(cl[9].As<DeleteClause>().detach);
  CHECK(cl[10].As<ReturnClause>().projection.star);

  st = MustParse("PROFILE RETURN 1 AS x UNION ALL RETURN 2 AS x UNION RETURN 3 AS x");
  CHECK(st.mode == ExplainMode::kProfile);
  CHECK(st.queries.size() == 3);
  CHECK(st.union_all == std::vector<bool>{true, false});

  st = MustParse("CALL algo.pageRank() YIELD node, score AS s WHERE s > 1 RETURN node");
  const auto& call = st.queries[0].clauses[0].As<CallClause>();
  CHECK(call.procedure == "algo.pagerank");
  CHECK(call.original_procedure == "algo.pageRank");
  CHECK(call.has_arguments);
  CHECK(call.yields[1].field == "score");
  CHECK(call.yields[1].alias == "s");
  CHECK(call.where != nullptr);
  CHECK(MustParse("CALL test.my.proc YIELD *").queries[0].clauses[0].As<CallClause>().yield_star);
  CHECK(ErrorOf("CALL test.my.proc('a') YIELD * RETURN city").find("UnexpectedSyntax") !=
        std::string::npos);
}

TEST_CASE("expression canonical text") {
  CHECK(FirstItem("RETURN a OR b XOR c AND NOT d") == "a OR b XOR c AND NOT d");
  CHECK(FirstItem("RETURN (a OR b) AND c") == "(a OR b) AND c");
  CHECK(FirstItem("RETURN 1 < a <= 3") == "1 < a <= 3");
  CHECK(FirstItem("RETURN a =~ 'x.*' AND b IN [1,2] AND c STARTS WITH 'x' AND "
                  "d ENDS WITH 'y' AND e CONTAINS 'z' AND f IS NULL AND g IS NOT NULL") ==
        "a =~ 'x.*' AND b IN [1, 2] AND c STARTS WITH 'x' AND d ENDS WITH 'y' AND "
        "e CONTAINS 'z' AND f IS NULL AND g IS NOT NULL");
  CHECK(FirstItem("RETURN 2 ^ 3 ^ 2 - -x % 4 / +y") == "2 ^ 3 ^ 2 - -x % 4 / +y");
  CHECK(FirstItem("RETURN a.b.c[0][1..3][..2]['k']") == "a.b.c[0][1..3][..2]['k']");
  CHECK(FirstItem("RETURN {a: 1, `b c`: [1, 'x']}") == "{a: 1, `b c`: [1, 'x']}");
  CHECK(FirstItem("RETURN n {.name, .*, k: 1 + 2, x}") == "n {.name, .*, k: 1 + 2, x}");
  CHECK(FirstItem("RETURN CASE WHEN a THEN 1 ELSE 2 END") == "CASE WHEN a THEN 1 ELSE 2 END");
  CHECK(FirstItem("RETURN CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END") ==
        "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END");
  CHECK(FirstItem("RETURN [x IN l WHERE x > 1 | x * 2]") == "[x IN l WHERE x > 1 | x * 2]");
  CHECK(FirstItem("RETURN [x IN l]") == "[x IN l]");
  CHECK(FirstItem("RETURN [p = (a)-[:T]->(b:B) WHERE b.x > 1 | b.name]") ==
        "[p = (a)-[:T]->(b:B) WHERE b.x > 1 | b.name]");
  CHECK(FirstItem("RETURN all(x IN l WHERE x > 0), any(x IN l WHERE x), none(x IN l), "
                  "single(x IN l WHERE x = 1)") == "all(x IN l WHERE x > 0)");
  CHECK(FirstItem("RETURN reduce(acc = 0, x IN l | acc + x)") ==
        "reduce(acc = 0, x IN l | acc + x)");
  CHECK(FirstItem("RETURN count(DISTINCT x), algo.pagerank()") == "count(DISTINCT x)");
  CHECK(FirstItem("RETURN $name + $0") == "$name + $0");
  CHECK(FirstItem("RETURN n:A:B") == "n:A:B");
  CHECK(FirstItem("RETURN exists(n.prop)") == "exists(n.prop)");
  CHECK(FirstItem("RETURN 1.5, 1.0e20") == "1.5");
  CHECK(FirstItem("RETURN -(1 + 2)") == "-(1 + 2)");
}

TEST_CASE("canonical text parses back to the same text") {
  for (const char* q : {
           "RETURN a + b * c - (d - e)",
           "RETURN NOT (a AND b) OR c",
           "RETURN -x ^ 2",
           "RETURN (a < b) = true",
           "RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x ^ 2][1..]",
           "RETURN {k: CASE WHEN a IS NULL THEN 'n' END}.k",
           "RETURN 'it\\'s' + \"\\u263A\"",
       }) {
    std::string once = FirstItem(q);
    CHECK(FirstItem("RETURN " + once) == once);
  }
}

TEST_CASE("pattern predicates and EXISTS subqueries") {
  Statement st = MustParse(
      "MATCH (a) WHERE (a)-[:T]->(:B) AND NOT (a)<--() AND "
      "EXISTS { MATCH (a)-->(c) WHERE c.x = 1 } AND exists { (a)-->() } RETURN a");
  const Expr& where = *st.queries[0].clauses[0].As<MatchClause>().where;
  CHECK(where.kind() == ExprKind::kBinary);
  CHECK(ToString(where) ==
        "(a)-[:T]->(:B) AND NOT (a)<--() AND EXISTS { MATCH (a)-->(c) WHERE c.x = 1 } "
        "AND EXISTS { MATCH (a)-->() }");
  CHECK(ErrorOf("MATCH (n) RETURN (n)-[]->()").find("UnexpectedSyntax") != std::string::npos);
  MustParse("MATCH (n) RETURN exists((n)-->())");
}

TEST_CASE("SKIP and LIMIT checks") {
  CHECK(ErrorOf("MATCH (n) RETURN n SKIP -1").find("NegativeIntegerArgument") != std::string::npos);
  CHECK(ErrorOf("MATCH (n) RETURN n LIMIT -1").find("NegativeIntegerArgument") != std::string::npos);
  CHECK(ErrorOf("MATCH (n) RETURN n SKIP n.count").find("NonConstantExpression") !=
        std::string::npos);
  CHECK(ErrorOf("MATCH (n) RETURN n LIMIT 1.5").find("InvalidArgumentType") != std::string::npos);
  MustParse("MATCH (n) RETURN n SKIP $s LIMIT 1 + 2");
  MustParse("MATCH (n) RETURN n LIMIT size([x IN [1, 2] | x])");
}

TEST_CASE("comments, whitespace and a trailing semicolon") {
  MustParse("// leading comment\nMATCH /* inline */ (n)\r\n\tRETURN n ; ");
  CHECK(ErrorOf("RETURN 1; RETURN 2").find("UnexpectedSyntax") != std::string::npos);
  CHECK(ErrorOf("").find("SyntaxError") != std::string::npos);
  CHECK(ErrorOf("RETURN 42 \xe2\x80\x94 41").find("InvalidUnicodeCharacter") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN 1 # 2").find("unexpected character '#'") != std::string::npos);
}

TEST_CASE("spans") {
  Statement st = MustParse("MATCH (n)\nRETURN  n.name AS x");
  const auto& item = ReturnOf(st).projection.items[0];
  CHECK(item.expr->span.line == 2);
  CHECK(item.expr->span.column == 9);
  CHECK(item.expr->span.offset == 18);
  CHECK(item.expr->span.length == 6);
  CHECK(item.span.length == 11);
}

}  // namespace
}  // namespace dossier::query
