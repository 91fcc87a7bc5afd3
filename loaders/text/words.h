// Word spans (ICU word break) and small word predicates.
#ifndef DOSSIER_LOADERS_TEXT_WORDS_H_
#define DOSSIER_LOADERS_TEXT_WORDS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace dossier::loaders {

// A word: [begin, end) byte offsets into the text it came from.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Returns the words of `text` (letters, digits, ideographs; not spaces or
// punctuation) with byte offsets, in order, using ICU's word break rules for
// `lang` (Vietnamese words are syllables: "Bắc Kinh" gives two spans;
// "l'Europe" gives one, as ICU keeps apostrophes inside words). Thread-safe.
std::vector<WordSpan> SplitWords(std::string_view text, std::string_view lang);

// True when the first code point of `word` is an uppercase or titlecase
// letter ("Huawei", "État", "Đà"). False for "", digits and punctuation.
bool IsCapitalized(std::string_view word);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_WORDS_H_
