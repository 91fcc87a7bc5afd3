// Gazetteer::MatchSentences: one scan over the whole text, names kept only
// inside a sentence, and the states shadowed by longer names.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "loaders/entities/gazetteer.h"

namespace dossier::loaders {
namespace {

absl::StatusOr<std::unique_ptr<Gazetteer>> Small() {
  std::vector<std::pair<std::string, std::string>> files{
      {"t.tsv",
       "State\tArdenza\t\tstate\tXA\tArdenza\t\n"
       "Organisation\tArdenza Post\t\tmedia\tXA\tArdenza Post\t\n"
       "Organisation\tNorth Gate\t\tcompany\t\tNorth Gate\t\n"}};
  return Gazetteer::CreateFromTexts(files);
}

TEST_CASE("a name across two sentences is not a name") {
  auto g = Small();
  REQUIRE(g.ok());
  // A title without its full stop: "North" ends one sentence, "Gate"
  // starts the next.
  std::string text = "Up North Gate keepers stayed. North Gate sold.";
  std::vector<Sentence> sentences{{0, 8}, {9, 29}, {30, text.size()}};
  auto ms = (*g)->MatchSentences(text, sentences, nullptr);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].begin == 30);
  CHECK(ms[0].name == "North Gate");
}

TEST_CASE("a state inside a longer name is reported as inner") {
  auto g = Small();
  REQUIRE(g.ok());
  std::string text = "The Ardenza Post wrote it.";
  std::vector<Sentence> sentences{{0, text.size()}};
  std::vector<Mention> inner;
  auto ms = (*g)->MatchSentences(text, sentences, &inner);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].name == "Ardenza Post");
  REQUIRE(inner.size() == 1);
  CHECK(inner[0].name == "Ardenza");
  CHECK(inner[0].begin == 4);
}

TEST_CASE("inner names: states and capitals, not demonyms or bodies") {
  std::vector<std::pair<std::string, std::string>> files{
      {"t.tsv",
       "State\tArdenza\t\tstate\tXA\tArdenza\t\n"
       "Demonym\tArdenza\t\tdemonym\tXA\tArdenzan\t\n"
       "Place\tPorto Verde\t\tcapital\tXA\t\t\n"
       "Organisation\tVerde Bank\t\tcompany\t\tVerde Bank\t\n"
       "Organisation\tArdenzan Porto Verde Bank\t\tcompany\tXA\t"
       "Ardenzan Porto Verde Bank\t\n"}};
  auto g = Gazetteer::CreateFromTexts(files);
  REQUIRE(g.ok());
  std::string text = "The Ardenzan Porto Verde Bank grew in Ardenza.";
  std::vector<Sentence> sentences{{0, text.size()}};
  std::vector<Mention> inner;
  auto ms = (*g)->MatchSentences(text, sentences, &inner);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].name == "Ardenzan Porto Verde Bank");
  CHECK(ms[1].name == "Ardenza");
  // The capital inside the name stands for its state; the demonym and the
  // shorter body are not reported.
  REQUIRE(inner.size() == 1);
  CHECK(text.substr(inner[0].begin, inner[0].end - inner[0].begin) ==
        "Porto Verde");
  CHECK(inner[0].label == "State");
  CHECK(inner[0].name == "Ardenza");
  CHECK(inner[0].place_name == "Porto Verde");
}

}  // namespace
}  // namespace dossier::loaders
