// The token view of a document the relation layer works on: the folded
// text cut into words and punctuation, each word tied to the entity
// mention covering it.
#ifndef DOSSIER_LOADERS_RELATIONS_SENTENCE_TOKENS_H_
#define DOSSIER_LOADERS_RELATIONS_SENTENCE_TOKENS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/document.h"
#include "loaders/entities/folded_text.h"
#include "loaders/relations/phrase_set.h"

namespace dossier::loaders {

// The tokens of one document, and per sentence its token range.
struct DocumentTokens {
  FoldedText folded;                   // The whole text, folded.
  std::vector<RelToken> tokens;        // In text order.
  std::vector<size_t> sentence_begin;  // Per sentence: first token.
  std::vector<size_t> sentence_end;    // Per sentence: one past the last.
  // Per mention: its [first, last+1) token range (empty when no token).
  std::vector<size_t> mention_first;
  std::vector<size_t> mention_last;
};

// Tokenises `text` (words: letters and digits; punctuation: one token per
// mark, apostrophes and hyphens dropped) and ties each word to the mention
// (sorted by begin, non-overlapping) that covers it.
// In Vietnamese a one-syllable lower-case mention ("bị" read as "Bỉ") is
// not a name and is left unattached.
DocumentTokens TokenizeDocument(std::string_view text, std::string_view lang,
                                std::span<const Sentence> sentences,
                                std::span<const Mention> mentions);

// The same, with `folded` = FoldWithOffsets(text) already computed (kept
// as DocumentTokens::folded).
DocumentTokens TokenizeDocument(std::string_view text, std::string_view lang,
                                std::span<const Sentence> sentences,
                                std::span<const Mention> mentions,
                                FoldedText folded);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_SENTENCE_TOKENS_H_
