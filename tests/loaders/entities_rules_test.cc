// Entity-layer rules found reading unseen-style articles: diacritics on
// short Vietnamese names, titles and coordinators around names, Vietnamese
// common words and cues, embassies with their host city, place-qualified
// bodies, descriptions fitted to their antecedent. Sentences are invented.
#include <algorithm>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/gazetteer.h"
#include "loaders/entities/recognize.h"

namespace dossier::loaders {
namespace {

const Gazetteer& RulesGazetteer() {
  static const Gazetteer* g = [] {
    auto made = Gazetteer::Create({});
    REQUIRE(made.ok());
    return made->release();
  }();
  return *g;
}

std::vector<Mention> RunText(const std::string& text, const std::string& lang,
                             std::string* nfc) {
  Document doc;
  doc.meta.lang = lang;
  doc.text = graph::NormalizeNfc(text);
  *nfc = doc.text;
  Sentence whole{0, doc.text.size()};
  return RecognizeEntities(RulesGazetteer(), doc,
                           std::span<const Sentence>(&whole, 1));
}

// Surface forms with their labels: "Label:surface".
std::vector<std::string> Surfaces(const std::string& text,
                                  const std::string& lang) {
  std::string nfc;
  std::vector<std::string> out;
  for (const Mention& m : RunText(text, lang, &nfc)) {
    out.push_back(m.label + ":" + nfc.substr(m.begin, m.end - m.begin));
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), graph::NormalizeNfc(s)) != v.end();
}

TEST_CASE("SameDiacritics compares marks word by word") {
  CHECK(SameDiacritics("Bỉ", "Bỉ"));
  CHECK_FALSE(SameDiacritics("bị", "Bỉ"));
  CHECK_FALSE(SameDiacritics("hàng", "hãng"));
  CHECK(SameDiacritics("hoà", "hòa"));  // Old and new tone placement.
  CHECK(SameDiacritics("Bi", "Bỉ"));    // Unaccented writing.
  CHECK_FALSE(SameDiacritics("dức", "Đức"));
  CHECK(FastFold("  Hello  World ") == graph::FoldKey("  Hello  World "));
  CHECK(FastFold("Đà Nẵng") == graph::FoldKey("Đà Nẵng"));
}

TEST_CASE("a Vietnamese syllable is not a state that differs by its tone") {
  auto s = Surfaces("Ông Tâm bị bắt giữ tại Bỉ vào tháng trước.", "vi");
  CHECK_FALSE(Has(s, "State:bị"));
  CHECK(Has(s, "State:Bỉ"));
}

TEST_CASE("hàng (goods) does not refer back to a firm") {
  std::string nfc;
  auto ms = RunText("Công ty Valmora bán hàng cho quân đội.", "vi", &nfc);
  for (const Mention& m : ms) {
    CHECK(nfc.substr(m.begin, m.end - m.begin) != "hàng");
  }
}

TEST_CASE("a title before a person's name stays outside the name") {
  auto s = Surfaces(
      "Deputy Prime Minister Tomas Varek met Secretary of State Ilse Brandt.",
      "en");
  CHECK(Has(s, "Person:Tomas Varek"));
  CHECK(Has(s, "Person:Ilse Brandt"));
  auto t = Surfaces("Attorney General Dana Whitlow spoke.", "en");
  CHECK(Has(t, "Person:Dana Whitlow"));
}

TEST_CASE("two names joined by and are two names") {
  auto s = Surfaces("Prosecutors charged Oskar Ruml and Petr Zelen on Monday.",
                    "en");
  CHECK(Has(s, "Person:Oskar Ruml"));
  CHECK(Has(s, "Person:Petr Zelen"));
  auto org = Surfaces(
      "The Bureau of Mines and Quarries said nothing.", "en");
  CHECK(Has(org, "Organisation:Bureau of Mines and Quarries"));
}

TEST_CASE("an embassy joined to its state keeps its host city") {
  std::string nfc;
  auto ms = RunText("China's embassy in London dismissed the report.", "en",
                    &nfc);
  bool found = false;
  for (const Mention& m : ms) {
    if (m.name == "Embassy of China (London)") found = true;
  }
  CHECK(found);
}

TEST_CASE("a Vietnamese common word starting a sentence is not a name") {
  auto s = Surfaces("Vì Dân tộc, ông Lê Văn Tám đã lên tiếng.", "vi");
  CHECK_FALSE(Has(s, "Person:Vì Dân"));
  auto p = Surfaces("Cảnh sát đã bắt giữ ông Kim Tae-ho.", "vi");
  CHECK_FALSE(Has(p, "Person:Cảnh"));
  CHECK_FALSE(Has(p, "Organisation:Cảnh"));
}

TEST_CASE("a description with a demonym prefers an organisation of that state") {
  std::string nfc;
  auto ms = RunText(
      "Huawei a rencontré le Parti populaire européen. Le groupe chinois a "
      "tout nié.",
      "fr", &nfc);
  bool found = false;
  for (const Mention& m : ms) {
    if (nfc.substr(m.begin, m.end - m.begin) == "Le groupe") {
      CHECK(m.name == "Huawei");
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("vi: ông before a name announces a person, not an ONG") {
  auto s = Surfaces("Cảnh sát cáo buộc ông Park Min-jun tuồn công nghệ.", "vi");
  CHECK(Has(s, "Person:Park Min-jun"));
}

TEST_CASE("descriptions fit their antecedent's kind") {
  std::string nfc;
  auto ms = RunText(
      "Microsoft cho biết nhóm APT28 đã xâm nhập email của Microsoft; hãng "
      "nói nhóm này do Nga hậu thuẫn.",
      "vi", &nfc);
  for (const Mention& m : ms) {
    std::string surface = nfc.substr(m.begin, m.end - m.begin);
    if (surface == graph::NormalizeNfc("hãng")) CHECK(m.name == "Microsoft");
    if (surface == graph::NormalizeNfc("nhóm này")) CHECK(m.name == "APT28");
  }
}

TEST_CASE("vi: nhà báo announces a person; là does not join names") {
  auto s = Surfaces("Cơ quan điều tra bắt nhà báo Đỗ Văn Khoa hôm qua.", "vi");
  CHECK(Has(s, "Person:Đỗ Văn Khoa"));
  auto t = Surfaces("Ông Khoa là Trưởng ban biên tập.", "vi");
  CHECK_FALSE(Has(t, "Person:Khoa là Trưởng"));
}

TEST_CASE("a region right before a body found by its shape is in its name") {
  std::string nfc;
  auto ms = RunText("He served in the Hainan Maritime Safety Bureau for years.",
                    "en", &nfc);
  bool found = false;
  for (const Mention& m : ms) {
    if (m.name == "Hainan Maritime Safety Bureau") {
      CHECK(m.label == "Organisation");
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("an embassy's host city is named without its qualifier") {
  std::string nfc;
  auto ms = RunText("The Russian embassy in Washington rejected the report.",
                    "en", &nfc);
  bool found = false;
  for (const Mention& m : ms) {
    if (m.name == "Embassy of Russia (Washington)") found = true;
  }
  CHECK(found);
}

}  // namespace
}  // namespace dossier::loaders
