// Bad query text is a clear InvalidArgument, never a crash: invalid UTF-8
// (with its byte offset), NUL bytes, 10,000-level nesting, a 10 MB query
// (issue: Hardening, item 3; TOOLCHAIN pitfalls 15 and 17).
#include <chrono>
#include <string>

#include "doctest/doctest.h"
#include "query/engine.h"
#include "query/parse/parser.h"
#include "tests/graph/test_util.h"

namespace dossier::testing {
namespace {

std::string Message(const absl::Status& s) { return std::string(s.message()); }

absl::Status Parse(const std::string& text) {
  return query::ParseStatement(text).status();
}

TEST_CASE("invalid UTF-8 is an error with its byte offset") {
  for (std::string bytes : {std::string("\x8a"), std::string("RETURN '\xc3\x28'"),
                            std::string("MATCH (n) RETURN n.\xff"),
                            std::string("RETURN 'ok' // \xed\xa0\x80")}) {
    absl::Status s = Parse(bytes);
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK_MESSAGE(Message(s).find("InvalidUnicodeCharacter") != std::string::npos,
                  Message(s));
    CHECK_MESSAGE(Message(s).find("offset") != std::string::npos, Message(s));
  }
  absl::Status s = Parse("RETURN '\xc3\x28'");
  CHECK_MESSAGE(Message(s).find("offset 8") != std::string::npos, Message(s));
}

TEST_CASE("NUL bytes are an error") {
  absl::Status s = Parse(std::string("MATCH (n)\0 RETURN n", 19));
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(!Message(s).empty());
  s = Parse(std::string("RETURN 'a\0b'", 12));
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("10,000-level nesting is rejected before parsing") {
  for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'},
                             std::pair{'{', '}'}}) {
    std::string q = "RETURN " + std::string(10000, open) + "1" +
                    std::string(10000, close);
    absl::Status s = Parse(q);
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK_MESSAGE(Message(s).find("nest") != std::string::npos, Message(s));
  }
}

// Repeats `unit` n times.
std::string Times(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

TEST_CASE("deep expressions without brackets are refused, not a crash") {
  // Regression: 20,000-term chains crashed the engine with a stack overflow
  // (binder, evaluator and destructors recurse over the expression tree).
  for (const std::string& q :
       {"RETURN " + Times("- ", 20000) + "1", "RETURN " + std::string(10000, '-') + "1",
        "RETURN " + Times("NOT ", 20000) + "true",
        "RETURN 1" + Times(" + 1", 20000), "RETURN 2" + Times(" * 1", 20000),
        "RETURN true" + Times(" AND true", 20000),
        "RETURN false" + Times(" OR false", 20000),
        "RETURN 2" + Times(" ^ 1", 20000),
        "WITH {a: 1} AS m RETURN m" + Times(".a", 20000),
        "WITH [1] AS l RETURN l" + Times("[0]", 15000),
        "RETURN 1" + Times(" IS NULL", 20000)}) {
    absl::Status s = Parse(q);
    CHECK_MESSAGE(s.code() == absl::StatusCode::kInvalidArgument, q.substr(0, 40));
    CHECK_MESSAGE(Message(s).find("nested deeper") != std::string::npos,
                  Message(s).substr(0, 300));
  }
}

TEST_CASE("long but bounded operator chains still run") {
  TempDir dir("long-chains");
  auto store = graph::Store::Open(dir.path());
  REQUIRE(store.ok());
  auto r = query::ExecuteQuery(**store, "RETURN 0" + Times(" + 1", 900) + " AS n", {});
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->rows.at(0).at(0) == graph::Value::Int(900));
  r = query::ExecuteQuery(**store, "RETURN " + Times("NOT ", 400) + "true AS b", {});
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->rows.at(0).at(0) == graph::Value::Bool(true));
  r = query::ExecuteQuery(**store, "RETURN " + Times("- ", 301) + "1 AS m", {});
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->rows.at(0).at(0) == graph::Value::Int(-1));
  // The engine refuses the deep ones with the parse error.
  r = query::ExecuteQuery(**store, "RETURN 1" + Times(" + 1", 20000), {});
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
}

double SecondsToParse(const std::string& text, absl::Status* status) {
  auto start = std::chrono::steady_clock::now();
  *status = Parse(text);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

TEST_CASE("a 10 MB query is a clear error, at once") {
  for (std::string q : {"RETURN '" + std::string(10 << 20, 'a') + "' AS s",
                        std::string(10 << 20, '@')}) {
    absl::Status s;
    double took = SecondsToParse(q, &s);
    MESSAGE("10 MB query: " << took << " s: " << Message(s));
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK(Message(s).find("query too long") != std::string::npos);
    CHECK(took < 1);
  }
}

TEST_CASE("the longest query accepted parses in bounded time") {
  // Just under query::kMaxQueryBytes: a big literal, dense tokens, junk.
  std::string literal =
      "RETURN '" + std::string(query::kMaxQueryBytes - 20, 'a') + "' AS s";
  std::string list = "RETURN size([";
  while (list.size() < query::kMaxQueryBytes - 10) list += "1,";
  list += "1])";
  // Just under query::kMaxQueryTokens: a list literal of 24,000 elements.
  std::string tokens = "RETURN size([";
  for (size_t i = 0; i + 10 < query::kMaxQueryTokens / 2; ++i) tokens += "1,";
  tokens += "1]) AS n";
  std::string junk(query::kMaxQueryBytes, '@');
  for (const std::string* q : {&literal, &list, &junk, &tokens}) {
    absl::Status s;
    double took = SecondsToParse(*q, &s);
    MESSAGE(q->size() << "-byte query: " << took << " s: "
                      << Message(s).substr(0, 120));
    CHECK((s.ok() || s.code() == absl::StatusCode::kInvalidArgument));
    CHECK(took < 30);
  }
  absl::Status s;
  SecondsToParse(literal, &s);
  CHECK(s.ok());
  SecondsToParse(tokens, &s);
  CHECK(s.ok());
  SecondsToParse(list, &s);
  CHECK(std::string(s.message()).find("tokens; at most") != std::string::npos);
}

TEST_CASE("the engine reports bad text and keeps answering") {
  TempDir dir("bad-query-text");
  auto store = graph::Store::Open(dir.path());
  REQUIRE(store.ok());
  auto r = query::ExecuteQuery(**store, "RETURN '\xff'", {});
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  r = query::ExecuteQuery(**store, "RETURN " + std::string(10000, '[') , {});
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  r = query::ExecuteQuery(**store, "RETURN 1 AS x", {});
  CHECK(r.ok());
}

}  // namespace
}  // namespace dossier::testing
