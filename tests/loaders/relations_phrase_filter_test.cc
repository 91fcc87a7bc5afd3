// PhraseSet looks up only the tokens whose first bytes some phrase starts
// with: the answers are those of a plain lookup, for whole words, prefix
// patterns, one-byte words and words compared with their tones.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "loaders/entities/folded_text.h"
#include "loaders/relations/phrase_set.h"

namespace dossier::loaders {
namespace {

// Word tokens for space-separated `words` (folded like the text).
struct Tokens {
  explicit Tokens(std::string text) : raw(std::move(text)) {
    folded = FoldWithOffsets(raw).folded;
    size_t fb = 0, rb = 0;
    while (fb < folded.size()) {
      size_t fe = folded.find(' ', fb);
      if (fe == std::string::npos) fe = folded.size();
      size_t re = raw.find(' ', rb);
      if (re == std::string::npos) re = raw.size();
      RelToken t;
      t.folded = std::string_view(folded).substr(fb, fe - fb);
      t.raw = std::string_view(raw).substr(rb, re - rb);
      t.begin = rb;
      t.end = re;
      t.word = true;
      list.push_back(t);
      fb = fe + 1;
      rb = re + 1;
    }
  }
  std::string raw, folded;
  std::vector<RelToken> list;
};

TEST_CASE("phrase lookups behind the first-bytes filter") {
  PhraseSet set;
  set.Add("a", 1);
  set.Add("accus*", 2);
  set.Add("accuse de", 3);
  set.Add("x*", 4);          // A one-byte prefix is never looked up.
  set.Add("cấm", 5);         // Compared with its tone.
  set.Add("according to", 6);
  set.Add("met en garde", 7);
  Tokens t("a accusée accuse de x xa cấm cầm according to met en garde zz");
  std::vector<std::pair<int, size_t>> got;
  for (size_t i = 0; i < t.list.size(); ++i) {
    size_t len = 0;
    int payload = set.Match(t.list, i, &len);
    got.emplace_back(payload, len);
  }
  std::vector<std::pair<int, size_t>> want = {
      {1, 1},  {2, 1}, {3, 2}, {-1, 0}, {-1, 0}, {-1, 0}, {5, 1},
      {-1, 0}, {6, 2}, {-1, 0}, {7, 3}, {-1, 0}, {-1, 0}, {-1, 0}};
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i] == want[i]);
  }
}

}  // namespace
}  // namespace dossier::loaders
