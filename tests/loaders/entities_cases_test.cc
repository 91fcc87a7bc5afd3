// Specific entity-layer cases: states by name, demonym and metonym,
// coreference, folding, longest match, word boundaries.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/entities/gazetteer.h"
#include "loaders/entities/recognize.h"

namespace dossier::loaders {
namespace {

const Gazetteer& TheGazetteer() {
  static const Gazetteer* g = [] {
    auto made = Gazetteer::Create({});
    REQUIRE(made.ok());
    return made->release();
  }();
  return *g;
}

// Mentions of `text` as one sentence.
std::vector<Mention> Run(const std::string& text, const std::string& lang) {
  Document doc;
  doc.meta.lang = lang;
  doc.text = graph::NormalizeNfc(text);
  Sentence whole{0, doc.text.size()};
  return RecognizeEntities(TheGazetteer(), doc, std::span<const Sentence>(&whole, 1));
}

// The mention whose surface is `surface`, or nullptr.
const Mention* Find(const std::string& text, const std::vector<Mention>& ms,
                    const std::string& surface) {
  std::string nfc = graph::NormalizeNfc(text);
  for (const Mention& m : ms) {
    if (nfc.substr(m.begin, m.end - m.begin) == graph::NormalizeNfc(surface)) {
      return &m;
    }
  }
  return nullptr;
}

TEST_CASE("United States by name, demonym and acting capital") {
  std::string t =
      "Les États-Unis et la justice américaine : Washington accuse Pékin.";
  auto ms = Run(t, "fr");
  const Mention* us = Find(t, ms, "Les États-Unis");
  REQUIRE(us != nullptr);
  CHECK(us->key == "wd:Q30");
  CHECK(us->label == "State");
  const Mention* adj = Find(t, ms, "américaine");
  REQUIRE(adj != nullptr);
  CHECK(adj->key == "wd:Q30");
  CHECK(adj->is_demonym);
  const Mention* wash = Find(t, ms, "Washington");
  REQUIRE(wash != nullptr);
  CHECK(wash->label == "State");
  CHECK(wash->key == "wd:Q30");
  CHECK(wash->place_key == "wd:Q61");
  const Mention* bj = Find(t, ms, "Pékin");
  REQUIRE(bj != nullptr);
  CHECK(bj->key == "wd:Q148");
}

TEST_CASE("a capital as a location is a Place") {
  std::string t = "Huawei ouvre un centre à Bruxelles. Một hội nghị tại Hà Nội.";
  auto ms = Run(t, "fr");
  const Mention* bx = Find(t, ms, "Bruxelles");
  REQUIRE(bx != nullptr);
  CHECK(bx->label == "Place");
  CHECK(bx->key == "wd:Q239");
  const Mention* hn = Find(t, ms, "Hà Nội");
  REQUIRE(hn != nullptr);
  CHECK(hn->label == "Place");
}

TEST_CASE("Bắc Kinh is China; Đức is Germany") {
  std::string t = "Bắc Kinh bác bỏ cáo buộc của Đức.";
  auto ms = Run(t, "vi");
  const Mention* bk = Find(t, ms, "Bắc Kinh");
  REQUIRE(bk != nullptr);
  CHECK(bk->key == "wd:Q148");
  const Mention* de = Find(t, ms, "Đức");
  REQUIRE(de != nullptr);
  CHECK(de->key == "wd:Q183");
}

TEST_CASE("le géant chinois after Huawei resolves to Huawei") {
  std::string t = "Ericsson et Huawei sont en concurrence. Le géant chinois dément.";
  auto ms = Run(t, "fr");
  const Mention* d = Find(t, ms, "Le géant");
  REQUIRE(d != nullptr);
  CHECK(d->key == "wd:Q160120");
  CHECK(d->source == MentionSource::kCoreference);
}

TEST_CASE("longest match: Bộ Thương mại Mỹ is one organisation") {
  std::string t = "Bộ Thương mại Mỹ đưa Huawei vào danh sách đen.";
  auto ms = Run(t, "vi");
  REQUIRE(!ms.empty());
  CHECK(ms[0].key == "wd:Q503577");
  CHECK(ms[0].label == "Organisation");
  for (const Mention& m : ms) CHECK(m.name != "Ministry of Commerce");
}

TEST_CASE("word boundaries: Iran is not inside Irantel") {
  std::string t = "Irantel a signé un contrat.";
  for (const Mention& m : Run(t, "fr")) CHECK(m.key != "wd:Q794");
  std::string t2 = "L'Iran a signé un contrat.";
  bool found = false;
  for (const Mention& m : Run(t2, "fr")) found |= m.key == "wd:Q794";
  CHECK(found);
}

TEST_CASE("short acronyms match only in capitals") {
  std::string t = "Il y a un centre.";
  for (const Mention& m : Run(t, "fr")) CHECK(m.name != "United Nations");
}

TEST_CASE("portfolio ministries join their state") {
  std::string t = "Chinese foreign ministry spokeswoman Mao Ning spoke.";
  auto ms = Run(t, "en");
  const Mention* m = Find(t, ms, "Chinese foreign ministry");
  REQUIRE(m != nullptr);
  CHECK(m->name == "Ministry of Foreign Affairs (China)");
  const Mention* p = Find(t, ms, "Mao Ning");
  REQUIRE(p != nullptr);
  CHECK(p->label == "Person");
}

TEST_CASE("fictional states from state nouns and demonyms") {
  std::string t =
      "Le gouvernement de Borduria dément. La ministre borduriane parle. "
      "Borduria répond.";
  auto ms = Run(t, "fr");
  const Mention* adj = Find(t, ms, "borduriane");
  REQUIRE(adj != nullptr);
  CHECK(adj->label == "State");
  CHECK(adj->is_demonym);
  int names = 0;
  for (const Mention& m : ms) names += m.key == adj->key && !m.is_demonym;
  CHECK(names == 2);
}

TEST_CASE("cue organisations and persons") {
  std::string t = "La société Nexacom a embauché M. Ivo Marn, selon la firme.";
  auto ms = Run(t, "fr");
  const Mention* org = Find(t, ms, "Nexacom");
  REQUIRE(org != nullptr);
  CHECK(org->label == "Organisation");
  const Mention* p = Find(t, ms, "Ivo Marn");
  REQUIRE(p != nullptr);
  CHECK(p->label == "Person");
  const Mention* d = Find(t, ms, "la firme");
  REQUIRE(d != nullptr);
  CHECK(d->key == org->key);
}

TEST_CASE("CollectEntities gathers aliases per key") {
  Document doc;
  doc.text = "Huawei et le géant chinois.";
  Sentence whole{0, doc.text.size()};
  auto ms = RecognizeEntities(TheGazetteer(), doc, std::span<const Sentence>(&whole, 1));
  auto entities = CollectEntities(doc, ms);
  bool ok = false;
  for (const auto& e : entities) {
    if (e.key == "wd:Q160120") {
      ok = e.wikidata == "Q160120" && e.aliases.size() == 2 && e.iso2 == "CN";
    }
  }
  CHECK(ok);
}

}  // namespace
}  // namespace dossier::loaders
