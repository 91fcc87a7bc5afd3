// Cue-based recognition of entities no lexicon knows: organisations after a
// cue (la société X, công ty X, the company X) or with a corporate suffix
// (X Corp, X Technologies), persons after a title (M., ông, President) or as
// capitalised name sequences, states named with a state noun (l'État de X,
// chính phủ X, government of X) and their demonyms (-ais, -ien, -ian, -ese).
#ifndef DOSSIER_LOADERS_ENTITIES_CUES_H_
#define DOSSIER_LOADERS_ENTITIES_CUES_H_

#include <span>
#include <string_view>
#include <vector>

#include "loaders/document.h"

namespace dossier::loaders {

// Returns the cue mentions of `text` within `sentences`, none overlapping a
// mention of `known` (sorted by begin, non-overlapping). `lang` is "fr",
// "vi", "en" or other (cues of every language are tried then).
std::vector<Mention> RecognizeByCues(std::string_view text,
                                     std::string_view lang,
                                     std::span<const Sentence> sentences,
                                     std::span<const Mention> known);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_CUES_H_
