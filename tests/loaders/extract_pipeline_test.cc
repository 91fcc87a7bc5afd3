// The extraction pipeline: language handling, evidence and offsets, facts
// that survive the JSON form, and ExtractPath over an in-memory tree.
#include <string>

#include "doctest/doctest.h"
#include "graph/facts_json.h"
#include "loaders/extract.h"
#include "loaders/read/source.h"

namespace dossier::loaders {
namespace {

const Extractor& Default() {
  static const Extractor* extractor = [] {
    auto e = Extractor::Create({});
    REQUIRE(e.ok());
    return e->release();
  }();
  return *extractor;
}

TEST_CASE("an unsupported language is an InvalidArgument error") {
  Document doc;
  doc.text = "Die Bundesregierung hat heute neue Regeln beschlossen.";
  doc.meta.lang = "de";
  auto facts = Default().Extract(doc);
  REQUIRE_FALSE(facts.ok());
  CHECK(facts.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(facts.status().message()).find("unsupported language") !=
        std::string::npos);
}

TEST_CASE("the language is detected when the metadata has none") {
  Document doc;
  doc.text =
      "Le gouvernement a annoncé mardi de nouvelles mesures contre les "
      "cyberattaques visant les hôpitaux et les administrations du pays.";
  auto facts = Default().Extract(doc);
  REQUIRE(facts.ok());
  CHECK(facts->article.lang == "fr");
}

TEST_CASE("evidence is the whole sentence with its byte offsets") {
  Document doc;
  doc.meta.lang = "en";
  doc.text =
      "The weather was mild. Australia accused Russia of hacking the "
      "network. Nothing else happened.";
  auto facts = Default().Extract(doc);
  REQUIRE(facts.ok());
  bool found = false;
  for (const auto& r : facts->relations) {
    if (r.type != "ACCUSES") continue;
    found = true;
    CHECK(r.kind == "cyberattack");
    CHECK(r.evidence == "Australia accused Russia of hacking the network.");
    CHECK(doc.text.substr(r.start, r.end - r.start) == r.evidence);
  }
  CHECK(found);
}

TEST_CASE("relations name entities the facts define; JSON round trip") {
  Document doc;
  doc.meta.lang = "fr";
  doc.meta.id = "0123456789abcdef0123456789abcdef";
  doc.text =
      "La Chine accuse l'Australie d'espionnage. L'Australie dément ces "
      "accusations.";
  auto facts = Default().Extract(doc);
  REQUIRE(facts.ok());
  REQUIRE_FALSE(facts->relations.empty());
  auto parsed = graph::ParseFactsJson(graph::FactsToJson(*facts));
  REQUIRE(parsed.ok());
  CHECK(parsed->relations.size() == facts->relations.size());
  bool denial = false;
  for (const auto& r : facts->relations) {
    if (r.type == "DENIES") {
      denial = true;
      CHECK(r.kind == "espionage");
    }
  }
  CHECK(denial);
}

TEST_CASE("ExtractPath reports bad files and unsupported languages") {
  MemorySource source;
  source.Add("in/a.txt",
             "Titre\nLa Chine accuse l'Australie d'espionnage au profit "
             "d'un pays tiers, selon un communiqué publié mardi.");
  source.Add("in/b.bin", "not an article");
  source.Add("in/c.jsonl",
             "{\"id\":\"x\",\"lang\":\"de\",\"text\":\"Die Regierung hat "
             "heute neue Regeln beschlossen.\"}\n");
  auto result = Default().ExtractPath("in", &source);
  REQUIRE(result.ok());
  CHECK(result->facts.size() == 1);
  CHECK(result->problems.size() == 2);
}

TEST_CASE("a missing path is NotFound") {
  MemorySource source;
  auto result = Default().ExtractPath("nowhere", &source);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier::loaders
