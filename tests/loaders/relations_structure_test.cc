// Structure relations on invented sentences: facilities (OPERATES,
// LOCATED_IN), membership by creation, seat, "dont X est membre", "connue
// sous le nom de", parenthesised acronyms, plural descriptions with a
// demonym, titles with an anaphoric body (GUIDELINES §2-§4, §6).
#include <cstdlib>
#include <iostream>

#include "relations_fixture.h"

namespace dossier::loaders {
namespace {

using testing::Relations;
using testing::RelationsOf;
using Set = std::set<std::string>;

bool Has(const std::set<std::string>& v, const std::string& s) {
  return v.count(s) > 0;
}

TEST_CASE("fr: an opened facility, its operator and its place") {
  auto r = Relations(
      "Nexacom a inauguré lundi à Bruxelles un centre dédié à la "
      "cybersécurité.",
      "fr");
  CHECK(Has(r, "OPERATES Nexacom -> centre dédié à la cybersécurité"));
  CHECK(Has(r, "LOCATED_IN centre dédié à la cybersécurité -> Brussels"));
}

TEST_CASE("fr: a later definite mention is the same facility") {
  auto r = Relations(
      "Vantel ouvre une nouvelle usine de batteries à Bruxelles. L'usine "
      "emploiera 300 personnes. Il s'agit de la deuxième usine que le groupe "
      "ouvre.",
      "fr");
  CHECK(Has(r, "OPERATES Vantel -> nouvelle usine de batteries"));
  CHECK(Has(r, "LOCATED_IN nouvelle usine de batteries -> Brussels"));
}

TEST_CASE("en: run by, and a facility in a place") {
  auto r = Relations(
      "Red Lynx disrupted the KX-9 satellite network run by Kestrel Systems. "
      "Investigators also found an ammunition depot in Arcadia.",
      "en");
  CHECK(Has(r, "OPERATES Kestrel Systems -> KX-9 satellite network"));
  CHECK(Has(r, "LOCATED_IN ammunition depot -> Arcadia"));
}

TEST_CASE("en: a named dam is a facility") {
  auto r = Relations("Red Lynx probed the Mill Creek Dam in Arcadia.", "en");
  CHECK(Has(r, "LOCATED_IN Mill Creek Dam -> Arcadia"));
}

TEST_CASE("vi: a plant run by a company, in a place") {
  auto r = Relations(
      "Nexacom cũng vận hành một nhà máy chip lớn tại Bruxelles.", "vi");
  CHECK(Has(r, "OPERATES Nexacom -> nhà máy chip lớn"));
  CHECK(Has(r, "LOCATED_IN nhà máy chip lớn -> Brussels"));
}

TEST_CASE("fr: founding states are members") {
  CHECK(RelationsOf("L'Conseil Portuaire International a été créée en 2009 par des agences "
                    "ardenzaise, bordurienne et arcadienne.",
                    "fr", "MEMBER_OF") ==
        Set{"MEMBER_OF Ardenza -> Conseil Portuaire International",
            "MEMBER_OF Borduria -> Conseil Portuaire International",
            "MEMBER_OF Arcadia -> Conseil Portuaire International"});
}

TEST_CASE("fr: seats on a board, chair of the organisation") {
  auto r = RelationsOf(
      "Le Conseil Portuaire International est une institution régionale. L'agence "
      "portuaire de l'Ardenza préside actuellement l'organisation, des "
      "agences de la Borduria et de l'Arcadie composent le reste du conseil.",
      "fr", "MEMBER_OF");
  CHECK(Has(r, "MEMBER_OF Ardenza -> Conseil Portuaire International"));
  CHECK(Has(r, "MEMBER_OF Borduria -> Conseil Portuaire International"));
  CHECK(Has(r, "MEMBER_OF Arcadia -> Conseil Portuaire International"));
}

TEST_CASE("fr: dont X est membre; connue sous le nom de") {
  CHECK(Has(RelationsOf("L'Conseil Portuaire International, dont l'Ardenza est membre, a "
                        "ouvert un bureau.",
                        "fr", "MEMBER_OF"),
            "MEMBER_OF Ardenza -> Conseil Portuaire International"));
  CHECK(Has(RelationsOf("Nexacom a annoncé rejoindre une équipe d'urgence "
                        "connue sous le nom de PORT-CERT.",
                        "fr", "MEMBER_OF"),
            "MEMBER_OF Nexacom -> PORT-CERT"));
}

TEST_CASE("fr: a parenthesised acronym names the organisation before it") {
  auto r = Relations(
      "Ivo Marn, directeur de la Computer Emergency Response Team de "
      "l'Ardenza (arCERT), a salué l'accord.",
      "fr");
  CHECK(Has(r, "WORKS_FOR Ivo Marn -> Computer Emergency Response Team"));
  CHECK(Has(r, "BASED_IN Computer Emergency Response Team -> Ardenza"));
}

TEST_CASE("fr: a title with an anaphoric body") {
  CHECK(Has(RelationsOf("Nexacom a ouvert un bureau. « Nous sommes prêts », "
                        "a déclaré Ivo Marn, le vice-président du groupe.",
                        "fr", "WORKS_FOR"),
            "WORKS_FOR Ivo Marn -> Nexacom"));
}

TEST_CASE("fr: a plural description with a demonym after a measure") {
  auto r = RelationsOf(
      "Nexacom et Vantel, deux sociétés borduriennes, vendent des caméras. "
      "L'Ardenza a placé sur liste noire plusieurs entreprises borduriennes "
      "spécialisées dans la surveillance.",
      "fr", "SANCTIONS");
  CHECK(r == Set{"SANCTIONS Ardenza -> Nexacom", "SANCTIONS Ardenza -> Vantel"});
}

TEST_CASE("fr: a lower-case body name closed by its acronym is one body") {
  auto r = Relations(
      "L'Agence nationale ardenzaise pour la sécurité (ANS) a mis en garde "
      "contre l'utilisation des logiciels et du matériel de Nexacom et de "
      "Vantel.",
      "fr");
  CHECK(Has(r, "WARNS_ABOUT Agence nationale ardenzaise pour la sécurité -> "
               "Nexacom"));
  CHECK(Has(r, "WARNS_ABOUT Agence nationale ardenzaise pour la sécurité -> "
               "Vantel"));
  CHECK(Has(r, "BASED_IN Agence nationale ardenzaise pour la sécurité -> "
               "Ardenza"));
}

TEST_CASE("vi: a body named with lower-case syllables and its city") {
  auto r = Relations(
      "Tòa án Địa phương Đài Bắc đã chấp thuận yêu cầu tạm giam Khâu Thế "
      "Nguyên (Chiu Shih-yuan) và Hoàng Thủ Vinh (Huang Chu-jung).",
      "vi");
  CHECK(Has(r, "DETAINS Tòa án Địa phương Đài Bắc -> Khâu Thế Nguyên"));
  CHECK(Has(r, "DETAINS Tòa án Địa phương Đài Bắc -> Hoàng Thủ Vinh"));
  CHECK(Has(r, "LOCATED_IN Tòa án Địa phương Đài Bắc -> Taipei"));
}

TEST_CASE("vi: a sub-body before its parent body is the actor") {
  auto r = Relations(
      "Cơ quan An ninh điều tra Bộ Công an Việt Nam bắt tạm giam luật sư Ivo "
      "Marn.",
      "vi");
  CHECK(Has(r, "DETAINS Cơ quan An ninh điều tra -> Ivo Marn"));
  CHECK(Has(r, "MEMBER_OF Cơ quan An ninh điều tra -> "
               "Ministry of Public Security (Vietnam)"));
}

TEST_CASE("vi/en: a speech verb after a dated opening is not postposed") {
  CHECK(Has(RelationsOf("Ngày 19/1/2024, Kestrel Systems cho biết nhóm tin "
                        "tặc Red Lynx đã xâm nhập một số tài khoản email.",
                        "vi", "ACCUSES"),
            "ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"));
  // "May" the month is no hypothesis.
  CHECK(Has(RelationsOf("On 10 May 2021 Kestrel Systems said the Red Lynx "
                        "gang was responsible for the hack.",
                        "en", "ACCUSES"),
            "ACCUSES Kestrel Systems -> Red Lynx (cyberattack)"));
}

TEST_CASE("vi/en: a copula with a title gives WORKS_FOR, a former role not") {
  CHECK(Has(RelationsOf("Ông Ivo Marn hiện là giám đốc điều hành của Vantel.",
                        "vi", "WORKS_FOR"),
            "WORKS_FOR Ivo Marn -> Vantel"));
  CHECK(RelationsOf("Ông Ivo Marn từng là cựu giám đốc của Vantel.", "vi",
                    "WORKS_FOR")
            .empty());
  CHECK(Has(RelationsOf("Reporter Ivo Marn of the Vantel group was held.",
                        "en", "WORKS_FOR"),
            "WORKS_FOR Ivo Marn -> Vantel"));
}

TEST_CASE("fr: spying on opponents is surveillance") {
  CHECK(Has(RelationsOf("L'Ardenza accuse la Borduria d'espionner des "
                        "opposants.",
                        "fr", "ACCUSES"),
            "ACCUSES Ardenza -> Borduria (surveillance)"));
}

// DOSSIER_RELATIONS_DEBUG="lang|text" prints the relations of a text.
TEST_CASE("debug: relations of a text") {
  const char* env = std::getenv("DOSSIER_RELATIONS_DEBUG");
  if (env == nullptr) return;
  std::string arg(env);
  std::string lang = arg.substr(0, 2);
  for (const std::string& r : Relations(arg.substr(3), lang)) {
    std::cout << r << "\n";
  }
  Document doc;
  doc.text = graph::NormalizeNfc(arg.substr(3));
  doc.meta.lang = lang;
  auto facts = testing::FictionalExtractor().Extract(doc);
  REQUIRE(facts.ok());
  for (const auto& e : facts->entities) {
    std::cout << "  " << e.label << " " << e.name << " [";
    for (const auto& a : e.aliases) std::cout << a << "|";
    std::cout << "]\n";
  }
}

}  // namespace
}  // namespace dossier::loaders
