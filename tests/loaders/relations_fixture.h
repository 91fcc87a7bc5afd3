// Shared fixture of the relation tests: an Extractor with a lexicon of
// invented states and organisations, and a helper that lists a text's
// relations as "TYPE Source -> Target (kind)" strings with canonical names.
#ifndef DOSSIER_TESTS_LOADERS_RELATIONS_FIXTURE_H_
#define DOSSIER_TESTS_LOADERS_RELATIONS_FIXTURE_H_

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/extract.h"

namespace dossier::loaders::testing {

inline const Extractor& FictionalExtractor() {
  static const Extractor* extractor = [] {
    std::string path = DOSSIER_TEST_TMP "/relations_fictional_lexicon.tsv";
    std::ofstream out(path);
    out << "State\tArdenza\t\tstate\tXA\tl'Ardenza|Ardenza|=Arđenza\t\n"
           "State\tVantalia\t\tstate\tXB\tla Vantalie|Vantalie|Vantalia\t\n"
           "State\tBorduria\t\tstate\tXC\tla Borduria|Borduria\t\n"
           "State\tArcadia\t\tstate\tXD\tArcadia|l'Arcadie|Arcadie\t\n"
           "Demonym\tArdenza\t\tdemonym\tXA\tardenzais|ardenzaise|ardenzaises|="
           "Ardenzan\t\n"
           "Demonym\tBorduria\t\tdemonym\tXC\tbordurien|bordurienne|borduriens|"
           "borduriennes|="
           "Bordurian\t\n"
           "Demonym\tArcadia\t\tdemonym\tXD\tarcadien|arcadienne|=Arcadian\t\n"
           "Organisation\tNexacom\t\tcompany\tXC\tNexacom\t\n"
           "Organisation\tVantel\t\tcompany\tXC\tVantel\t\n"
           "Organisation\tOrin\t\tcompany\t\tOrin|Orin Chat\t\n"
           "Organisation\tOstrava Labs\t\tcompany\t\tOstrava Labs\t\n"
           "Organisation\tRed Lynx\t\thacker_group\t\tRed Lynx\t\n"
           "Organisation\tKestrel Systems\t\tcompany\t\tKestrel "
           "Systems|Kestrel\t\n"
           "Organisation\tGrey Mole\t\thacker_group\tXC\tGrey Mole\t\n"
           "Organisation\tArdenza Justice Ministry\t\tministry\tXA\t"
           "Ardenzan Justice Ministry|ministère ardenzais de la "
           "Justice|Bộ Tư pháp Ardenza\t\n"
           "Organisation\tArdenza National Police\t\tpolice\tXA\t"
           "Ardenzan National Police|police nationale ardenzaise|Cục "
           "Cảnh sát Quốc gia Ardenza\t\n"
           "Organisation\tBordurian Security Service\t\tintelligence\tXC\t"
           "Bordurian Security Service|BSS|service de sécurité "
           "bordurien\t\n";
    out.close();
    ExtractorOptions options;
    options.extra_lexicon_paths.push_back(path);
    auto e = Extractor::Create(options);
    REQUIRE(e.ok());
    return e->release();
  }();
  return *extractor;
}

// The relations of `text` as "TYPE Source -> Target (kind)".
inline std::set<std::string> Relations(const std::string& text,
                                       const std::string& lang) {
  Document doc;
  doc.text = graph::NormalizeNfc(text);
  doc.meta.lang = lang;
  auto facts = FictionalExtractor().Extract(doc);
  REQUIRE(facts.ok());
  std::map<std::string, std::string> names;
  for (const auto& e : facts->entities) names[e.key] = e.name;
  std::set<std::string> out;
  for (const auto& r : facts->relations) {
    std::string s = r.type + " " + names[r.source] + " -> " + names[r.target];
    if (!r.kind.empty()) s += " (" + r.kind + ")";
    out.insert(s);
  }
  return out;
}

// The relations of one type only.
inline std::set<std::string> RelationsOf(const std::string& text,
                                         const std::string& lang,
                                         const std::string& type) {
  std::set<std::string> out;
  for (const std::string& r : Relations(text, lang)) {
    if (r.rfind(type + " ", 0) == 0) out.insert(r);
  }
  return out;
}

}  // namespace dossier::loaders::testing

#endif  // DOSSIER_TESTS_LOADERS_RELATIONS_FIXTURE_H_
