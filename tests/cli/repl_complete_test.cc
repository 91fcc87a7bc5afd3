#include "cli/repl_complete.h"

#include "doctest/doctest.h"

namespace dossier::cli {
namespace {

CompletionContext At(std::string_view text) {
  return ContextAt(text, WordStart(text));
}

std::vector<std::string> Complete(std::string_view text, const Vocabulary& v) {
  size_t start = WordStart(text);
  return Completions(ContextAt(text, start), text.substr(start), v);
}

TEST_CASE("the context of the word under the cursor") {
  CHECK(At("MATCH (s:Sta") == CompletionContext::kLabel);
  CHECK(At("MATCH (:") == CompletionContext::kLabel);
  CHECK(At("MATCH (a)-[r:ACC") == CompletionContext::kType);
  CHECK(At("MATCH (a)-[:ACCUSES|SAN") == CompletionContext::kType);
  CHECK(At("MATCH (a) RETURN a.na") == CompletionContext::kPropertyKey);
  CHECK(At("MATCH (a {na") == CompletionContext::kPropertyKey);
  CHECK(At("RETURN $wh") == CompletionContext::kParameter);
  CHECK(At(":sch") == CompletionContext::kMetaCommand);
  CHECK(At("MAT") == CompletionContext::kKeywordOrFunction);
  CHECK(At("MATCH (n) WHERE n:Sta") == CompletionContext::kLabel);
  CHECK(At("MATCH (a) RETURN a, 'x:y") == CompletionContext::kKeywordOrFunction);
  // A label on the second line of a statement.
  CHECK(At("MATCH (a)\nMATCH (b:St") == CompletionContext::kLabel);
  // After a closed node pattern the ':' of a map is not a label.
  CHECK(At("RETURN {a: Sta") == CompletionContext::kKeywordOrFunction);
}

TEST_CASE("completions") {
  Vocabulary v;
  v.labels = {"Accusation", "State", "Person"};
  v.types = {"ACCUSES", "AGAINST", "SANCTIONS"};
  v.keys = {"name", "kind", "iso2"};
  v.params = {"who"};
  CHECK(Complete("MATCH (s:Sta", v) == std::vector<std::string>{"State"});
  CHECK(Complete("MATCH (s:", v).size() == 3);
  CHECK(Complete("MATCH ()-[:A", v) ==
        std::vector<std::string>{"ACCUSES", "AGAINST"});
  CHECK(Complete("RETURN s.n", v) == std::vector<std::string>{"name"});
  CHECK(Complete("RETURN $w", v) == std::vector<std::string>{"who"});
  CHECK(Complete(":sc", v) == std::vector<std::string>{"schema"});
  CHECK(Complete("MATC", v) == std::vector<std::string>{"MATCH"});
  CHECK(Complete("matc", v) == std::vector<std::string>{"match"});
  CHECK(Complete("RETURN toUp", v) == std::vector<std::string>{"toUpper("});
  CHECK(Complete("RETURN ", v).empty());
}

}  // namespace
}  // namespace dossier::cli
