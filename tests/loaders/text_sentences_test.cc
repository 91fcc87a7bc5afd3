// Tests for loaders/text/sentences and loaders/text/words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "loaders/text/sentences.h"
#include "loaders/text/words.h"

namespace dossier::loaders {
namespace {

std::vector<std::string> Split(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text, lang)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST_CASE("French titles and abbreviations do not split") {
  auto s = Split(
      "M. Dupont a rencontré Mme Varga hier à Paris. Il est reparti. Le Dr. "
      "Li et MM. Martin et Durand étaient là. J.-C. Decaux aussi.",
      "fr");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "M. Dupont a rencontré Mme Varga hier à Paris.");
  CHECK(s[1] == "Il est reparti.");
  CHECK(s[2] == "Le Dr. Li et MM. Martin et Durand étaient là.");
  CHECK(s[3] == "J.-C. Decaux aussi.");
}

TEST_CASE("English abbreviations, initials and decimals do not split") {
  auto s = Split(
      "Mr. Smith told the U.S. Treasury that growth was 1.5 percent. "
      "J. K. Rowling agreed! Did Dr. Jones? Yes.",
      "en");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Mr. Smith told the U.S. Treasury that growth was 1.5 percent.");
  CHECK(s[1] == "J. K. Rowling agreed!");
  CHECK(s[2] == "Did Dr. Jones?");
  CHECK(s[3] == "Yes.");
}

TEST_CASE("Vietnamese sentences") {
  const std::string text =
      "Theo hãng tin AP, ông Trump đã ký một dự luật cấm các cơ quan chính phủ "
      "sử dụng sản phẩm của Huawei. Ông Stoltenberg nói NATO rất coi trọng "
      "những lo ngại này. TP. Hồ Chí Minh cũng được nhắc đến.";
  auto s = Split(text, "vi");
  REQUIRE(s.size() == 3);
  CHECK(s[0].find("ông Trump đã ký") != std::string::npos);
  CHECK(s[1].rfind("Ông Stoltenberg", 0) == 0);
  CHECK(s[2] == "TP. Hồ Chí Minh cũng được nhắc đến.");
}

TEST_CASE("newlines end sentences; offsets are trimmed byte offsets") {
  const std::string text = "  Un titre sans point\n\nPremière phrase.  Deuxième\u00A0!\n";
  std::vector<Sentence> s = SplitSentences(text, "fr");
  REQUIRE(s.size() == 3);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "Un titre sans point");
  CHECK(s[0].begin == 2);
  CHECK(text.substr(s[1].begin, s[1].end - s[1].begin) == "Première phrase.");
  CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "Deuxième\u00A0!");
  CHECK(SplitSentences("", "fr").empty());
  CHECK(SplitSentences("\n \n", "en").empty());
  // Invalid bytes: still an answer inside the text.
  const std::string bad = "abc\xFF. Def.";
  for (const Sentence& x : SplitSentences(bad, "xx")) {
    CHECK(x.end <= bad.size());
  }
}

TEST_CASE("words and capitalisation") {
  const std::string text = "L'Union européenne, Bắc Kinh et 5G.";
  std::vector<std::string> words;
  for (const WordSpan& w : SplitWords(text, "fr")) {
    words.push_back(text.substr(w.begin, w.end - w.begin));
  }
  CHECK(words == std::vector<std::string>{"L'Union", "européenne", "Bắc",
                                          "Kinh", "et", "5G"});
  CHECK(IsCapitalized("Huawei"));
  CHECK(IsCapitalized("État"));
  CHECK(IsCapitalized("Đà"));
  CHECK_FALSE(IsCapitalized("ông"));
  CHECK_FALSE(IsCapitalized("5G"));
  CHECK_FALSE(IsCapitalized(""));
}

}  // namespace
}  // namespace dossier::loaders
