// A set of word phrases matched over folded tokens: the engine behind every
// trigger and cue table.
//
// A phrase is folded words separated by single spaces ("met en garde",
// "cao buoc", "according to"). A word ending in '*' matches any token that
// starts with it ("accus*" matches accuse, accusée, accusations). A word
// holding a non-ASCII letter ("cấm") is compared with the token's original
// spelling, lower-cased, tones included, so Vietnamese syllables that fold
// alike stay apart. The longest phrase wins at a position.
//
// Thread safety: immutable after construction.
#ifndef DOSSIER_LOADERS_RELATIONS_PHRASE_SET_H_
#define DOSSIER_LOADERS_RELATIONS_PHRASE_SET_H_

#include <bitset>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace dossier::loaders {

// One token as the relation layer sees it.
struct RelToken {
  std::string_view folded;  // FoldKey'd word (view into the folded text).
  std::string_view raw;     // The original bytes of the word.
  size_t begin = 0;         // Byte offsets in the document text.
  size_t end = 0;
  bool word = false;  // Letters/digits; false for punctuation.
  int mention = -1;   // Index of the mention covering it, or -1.
};

class PhraseSet {
 public:
  // Adds `phrase` with `payload` (an index the caller interprets).
  void Add(std::string_view phrase, int payload);

  // The longest phrase matching tokens[pos...] (word tokens only, none
  // inside a mention unless `cross_mentions`), or -1. `*len` gets the
  // number of tokens matched.
  int Match(std::span<const RelToken> tokens, size_t pos, size_t* len,
            bool cross_mentions = false) const;

  // True when some phrase matches at `pos`.
  bool MatchesAt(std::span<const RelToken> tokens, size_t pos) const {
    size_t len = 0;
    return Match(tokens, pos, &len) >= 0;
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    int payload = -1;
  };
  bool EntryMatches(const Entry& e, std::span<const RelToken> tokens,
                    size_t pos, bool cross_mentions) const;

  // The filter bit of a word's first two bytes (the second 0 when it has
  // one byte only).
  static size_t First2(std::string_view w) {
    return (static_cast<size_t>(static_cast<unsigned char>(w[0])) << 8) |
           (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0);
  }

  std::vector<Entry> entries_;
  absl::flat_hash_map<std::string, std::vector<int>> by_first_;
  // Entries whose first word is a prefix pattern, by its first 2 bytes.
  absl::flat_hash_map<std::string, std::vector<int>> by_prefix2_;
  // First2 of the keys of by_first_ and of the two-byte keys of
  // by_prefix2_: a token whose bit is clear has no entry to look up.
  std::bitset<65536> first_keys_;
  std::bitset<65536> prefix_keys_;
};

// Lower-cases `s` code point by code point (ICU simple case mapping).
std::string LowerUtf8(std::string_view s);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_PHRASE_SET_H_
