// The fast paths of the entity layer's folding (ASCII inline, FastFold
// without offsets, the shared fold of a document) give what folding each
// code point with graph::FoldKey gives.
#include <string>
#include <string_view>
#include <vector>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/entities/coreference.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/tokens.h"
#include "loaders/lexicon/lexicon.h"
#include "loaders/relations/sentence_tokens.h"

namespace dossier::loaders {
namespace {

// The reference: each code point folded on its own with graph::FoldKey,
// runs of white space as one space, leading white space dropped.
FoldedText SlowFold(std::string_view text) {
  FoldedText out;
  size_t pos = 0;
  bool last_space = true;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(text, &pos);
    std::string piece;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                 c == '\f' || c == '\v' || c == 0xA0 || c == 0x202F ||
                 c == 0x2009 || c == 0x2007 || c == 0x200A || c == 0x3000 ||
                 c == 0x2002 || c == 0x2003;
    if (space) {
      if (!last_space) piece = " ";
      last_space = true;
    } else if (c < 0x80) {
      char b = static_cast<char>(c);
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
      if (b == '`') b = '\'';
      piece = std::string(1, b);
      last_space = false;
    } else {
      piece = graph::FoldKey(text.substr(start, pos - start));
      if (c == 0xFFFD || pos - start == 1) {
        // An invalid byte folds like U+FFFD.
        piece = graph::FoldKey("\xEF\xBF\xBD");
      }
      last_space = false;
    }
    for (char b : piece) {
      out.folded.push_back(b);
      out.begin.push_back(static_cast<uint32_t>(start));
      out.end.push_back(static_cast<uint32_t>(pos));
    }
  }
  return out;
}

const std::vector<std::string>& Samples() {
  static const auto* s = new std::vector<std::string>{
      "",
      "   ",
      "Hello World",
      "  Hello \t\n  World  ",
      "Ông Đỗ Văn Đức nói: ĐẠI SỨ đã đến Đà Nẵng.",
      "La ﬁrme « Ørsted » a ﬂotté ; Straße, Æsir, œuvre.",
      "İstanbul ıslak; DİYARBAKIR; Iğdır",
      "backtick `quote` and\u00A0nbsp\u202Fnarrow\u3000ideographic",
      "vertical\vtab\fform\rreturn",
      "invalid \xC3 byte \xFF and \xE2\x82 cut",
      // Folds that may grow the text (compatibility expansions).
      "\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA "
      "\xE3\x8E\x8F \xE2\x84\xA1 \xC7\x84",
      "Bộ Ngoại giao Trung Quốc cáo buộc hãng này; hàng hoá.",
  };
  return *s;
}

TEST_CASE("FoldWithOffsets folds each code point like graph::FoldKey") {
  for (const std::string& text : Samples()) {
    CAPTURE(text);
    FoldedText fast = FoldWithOffsets(text);
    FoldedText slow = SlowFold(text);
    CHECK(fast.folded == slow.folded);
    CHECK(fast.begin == slow.begin);
    CHECK(fast.end == slow.end);
  }
}

TEST_CASE("FastFold is the offset-free fold, trailing space dropped") {
  for (const std::string& text : Samples()) {
    CAPTURE(text);
    std::string want = SlowFold(text).folded;
    while (!want.empty() && want.back() == ' ') want.pop_back();
    CHECK(FastFold(text) == want);
  }
  CHECK(FastFold("Đà Nẵng") == graph::FoldKey("Đà Nẵng"));
  CHECK(FastFold("  Ông  Đức ") == graph::FoldKey("  Ông  Đức "));
  CHECK(FastFold("İstanbul") == graph::FoldKey("İstanbul"));
}

TEST_CASE("word boundaries: ASCII and non-ASCII letters and digits") {
  std::string f = "a1 é- z";
  CHECK(AlnumAfter(f, 0));
  CHECK(AlnumAfter(f, 1));
  CHECK_FALSE(AlnumAfter(f, 2));
  CHECK(AlnumAfter(f, 3));  // é
  CHECK(AlnumBefore(f, 5));  // after é
  CHECK_FALSE(AlnumAfter(f, 5));  // '-'
  CHECK(AlnumBefore(f, f.size()));
  CHECK_FALSE(AlnumBefore(f, 0));
}

TEST_CASE("descriptions: the shared fold gives the same mentions") {
  std::vector<Mention> known(2);
  known[0].begin = 0;
  known[0].end = 6;
  known[0].label = "Organisation";
  known[0].key = "wd:Q160120";
  known[0].kind = "company";
  known[0].name = "Huawei";
  known[1] = known[0];
  known[1].begin = 200;
  known[1].end = 206;
  std::string text =
      "Huawei sells. The company grew; the company the company. "
      "Hãng này và hàng hoá; the the company. La société, la sociétés. "
      "the Chinese telecoms company said";
  known[1].begin = text.size() + 1;
  known[1].end = text.size() + 2;
  std::vector<Mention> a = ResolveDescriptions(text, known);
  std::vector<Mention> b =
      ResolveDescriptions(text, FoldWithOffsets(text), known);
  REQUIRE(a.size() == b.size());
  std::vector<std::string> surfaces;
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].begin == b[i].begin);
    CHECK(a[i].end == b[i].end);
    CHECK(a[i].key == b[i].key);
    surfaces.push_back(text.substr(a[i].begin, a[i].end - a[i].begin));
  }
  // Every "the company", "hãng này" and "la société" (not "sociétés", not
  // "hàng"), the head of "the Chinese telecoms company".
  std::vector<std::string> want = {"The company", "the company",
                                   "the company", "Hãng này",
                                   "the company", "La société",
                                   "company"};
  CHECK(surfaces.size() == want.size());
  for (size_t i = 0; i < surfaces.size() && i < want.size(); ++i) {
    CHECK(surfaces[i] == want[i]);
  }
}

TEST_CASE("descriptions: demonym after, names before and around") {
  std::string text =
      "Huawei vend. Orin aussi. Le groupe chinois grandit. Nova la firme.";
  auto at = [&](std::string_view w) { return text.find(w); };
  std::vector<Mention> known(4);
  known[0].begin = 0;
  known[0].end = 6;
  known[0].label = "Organisation";
  known[0].kind = "company";
  known[0].key = "wd:Q1";
  known[0].home_state_key = "wd:Q148";
  known[1] = known[0];
  known[1].begin = at("Orin");
  known[1].end = known[1].begin + 4;
  known[1].key = "wd:Q2";
  known[1].home_state_key = "";
  known[2].begin = at("chinois");
  known[2].end = known[2].begin + 7;
  known[2].label = "State";
  known[2].key = "wd:Q148";
  known[2].is_demonym = true;
  known[3] = known[1];  // "Nova la firme": covers the description.
  known[3].begin = at("Nova");
  known[3].end = text.size() - 1;
  known[3].key = "wd:Q3";
  std::vector<Mention> got =
      ResolveDescriptions(text, FoldWithOffsets(text), known);
  REQUIRE(got.size() == 1);
  CHECK(got[0].begin == at("Le groupe"));
  CHECK(got[0].key == "wd:Q1");  // The organisation of the demonym's state.
}

TEST_CASE("Tokenize: ASCII and non-ASCII capitalisation facts") {
  std::string text = "Storm-0558 and ĐÀI Loan, iPhone U.S Lapsus$ x";
  std::vector<Token> t = Tokenize(text, 0, text.size());
  REQUIRE(t.size() == 8);
  CHECK(t[0].folded == "storm-0558");
  CHECK(t[0].upper);
  CHECK(t[0].digits);
  CHECK_FALSE(t[1].upper);
  CHECK(t[2].folded == graph::FoldKey("ĐÀI"));
  CHECK(t[2].all_caps);
  CHECK(t[3].upper);
  CHECK_FALSE(t[3].all_caps);
  CHECK(t[4].camel);
  CHECK_FALSE(t[4].upper);
  CHECK(t[5].folded == "u.s");
  CHECK(t[5].all_caps);
  CHECK(t[6].folded == "lapsus$");
  CHECK(t[7].folded == "x");
  // Folded like FastFold, ASCII in place or not.
  std::string mixed = "AT&T Xi'an ÉLYSÉE Straße İzmir";
  for (const Token& k : Tokenize(mixed, 0, mixed.size())) {
    CHECK(k.folded == FastFold(mixed.substr(k.begin, k.end - k.begin)));
  }
}

TEST_CASE("entity keys fold like graph::FoldKey, ASCII or not, twice") {
  const std::vector<std::string> names = {
      "Huawei Technologies", "  Red   Lynx  ", "AT&T Inc.", "O'Brien",
      "back`tick", "tab\tname", "line\nbreak", "Storm-0558", "",
      "Đỗ Văn Đức", "Société Générale", "ΟΔΟΣ ΣΙΣ", "İstanbul", "Straße",
      "ﬁrma", "Hải cảnh Trung Quốc"};
  for (int round = 0; round < 2; ++round) {
    for (const std::string& name : names) {
      CAPTURE(name);
      CHECK(FoldKeyForEntity(name) == graph::FoldKey(name));
      CHECK(EntityKey("Organisation", name, "") ==
            "Organisation:" + graph::FoldKey(name));
    }
  }
  CHECK(EntityKey("State", "Ardenza", "Q1") == "wd:Q1");
}

TEST_CASE("document tokens: a given fold is the fold of the text") {
  std::string text = "Ông Đức nói: the Chinese company, ĐÀI Loan.";
  std::vector<Sentence> sentences{{0, text.size()}};
  std::vector<Mention> mentions;
  DocumentTokens a = TokenizeDocument(text, "vi", sentences, mentions);
  DocumentTokens b = TokenizeDocument(text, "vi", sentences, mentions,
                                      FoldWithOffsets(text));
  CHECK(a.folded.folded == b.folded.folded);
  REQUIRE(a.tokens.size() == b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    CHECK(a.tokens[i].folded == b.tokens[i].folded);
    CHECK(a.tokens[i].begin == b.tokens[i].begin);
    CHECK(a.tokens[i].end == b.tokens[i].end);
  }
}

}  // namespace
}  // namespace dossier::loaders
