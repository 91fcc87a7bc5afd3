// Sentence segmentation (ICU BreakIterator with abbreviation suppressions).
#ifndef DOSSIER_LOADERS_TEXT_SENTENCES_H_
#define DOSSIER_LOADERS_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "loaders/document.h"

namespace dossier::loaders {

// Splits `text` into sentences: [begin, end) byte offsets into `text`, in
// order, non-overlapping, each trimmed of surrounding white space and never
// empty. A newline always ends a sentence (lines are paragraphs). Within a
// line ICU's sentence rules apply for `lang` ("fr", "en", "vi", ...; other
// values use the root rules) with the CLDR abbreviation suppressions
// (`fr@ss=standard`, `en@ss=standard`) and Dossier's own list, so that
// titles and abbreviations ("M. Dupont", "Mme Varga", "Dr. Li", "Mr. Smith",
// "U.S. officials", "J. K. Rowling", "TP. Hồ Chí Minh", "ông Trump") and
// decimals ("1.5") do not end a sentence. REQUIRES: `text` is valid UTF-8
// (other bytes are treated as U+FFFD). Thread-safe (one BreakIterator per
// call).
std::vector<Sentence> SplitSentences(std::string_view text,
                                     std::string_view lang);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_SENTENCES_H_
