// BASED_IN from a state named inside an organisation's own name: the answer
// is remembered per gazetteer, never carried over to another lexicon.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "loaders/entities/gazetteer.h"
#include "loaders/extract.h"

namespace dossier::loaders {
namespace {

std::unique_ptr<Extractor> WithLexicon(const std::string& name,
                                       const std::string& rows) {
  std::string path = std::string(DOSSIER_TEST_TMP "/") + name;
  std::ofstream out(path);
  out << rows;
  out.close();
  ExtractorOptions options;
  options.extra_lexicon_paths.push_back(path);
  auto e = Extractor::Create(options);
  REQUIRE(e.ok());
  return std::move(*e);
}

int BasedInArdenza(const Extractor& extractor, const std::string& text) {
  Document doc;
  doc.text = text;
  doc.meta.lang = "en";
  auto facts = extractor.Extract(doc);
  REQUIRE(facts.ok());
  int n = 0;
  for (const auto& r : facts->relations) {
    if (r.type == "BASED_IN" && r.target == "wd:Q999001") ++n;
  }
  return n;
}

TEST_CASE("gazetteers have distinct ids") {
  std::vector<std::pair<std::string, std::string>> files{
      {"t.tsv", "State\tArdenza\t\tstate\tXA\tArdenza\t\n"}};
  auto a = Gazetteer::CreateFromTexts(files);
  auto b = Gazetteer::CreateFromTexts(files);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK((*a)->id() != 0);
  CHECK((*a)->id() != (*b)->id());
}

TEST_CASE("a state inside a name: per lexicon, whatever came before") {
  const std::string text = "The Ardenza Post published the report on Monday.";
  // The state is written "Ardenza": named inside "Ardenza Post".
  auto named = WithLexicon(
      "state_inside_named.tsv",
      "State\tArdenza\tQ999001\tstate\tXA\tArdenza\t\n"
      "Organisation\tArdenza Post\t\tmedia\tXA\tArdenza Post\t\n");
  // The same state (same key) is only "Republic of Ardenza": the same name holds none.
  auto unnamed = WithLexicon(
      "state_inside_unnamed.tsv",
      "State\tRepublic of Ardenza\tQ999001\tstate\tXA\tRepublic of "
      "Ardenza\t\n"
      "Organisation\tArdenza Post\t\tmedia\tXA\tArdenza Post\t\n");
  // Both orders, twice: an answer remembered for one lexicon never
  // serves the other.
  for (int round = 0; round < 2; ++round) {
    CAPTURE(round);
    CHECK(BasedInArdenza(*named, text) == 1);
    CHECK(BasedInArdenza(*unnamed, text) == 0);
    CHECK(BasedInArdenza(*unnamed, text) == 0);
    CHECK(BasedInArdenza(*named, text) == 1);
  }
}

}  // namespace
}  // namespace dossier::loaders
