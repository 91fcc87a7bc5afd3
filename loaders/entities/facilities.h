// Facilities found by their head noun (GUIDELINES §2: a physical site or
// installation, often unnamed): "un centre dédié à la cybersécurité", "an
// ammunition depot in Vrbětice", "the KA-SAT satellite network", "nhà máy
// chip nhớ lớn tại Tây An", and named ones by their last word ("the Bowman
// Avenue Dam").
#ifndef DOSSIER_LOADERS_ENTITIES_FACILITIES_H_
#define DOSSIER_LOADERS_ENTITIES_FACILITIES_H_

#include <span>
#include <string_view>
#include <vector>

#include "loaders/document.h"

namespace dossier::loaders {

// The facility mentions of `text` (sorted, non-overlapping, never
// overlapping `known` except a cue-made organisation name right before the
// head, which becomes part of the facility's name: "the KA-SAT satellite
// network"). Each mention covers the noun phrase (determiner included);
// its aliases add the phrase with the locative that follows it ("à
// Bruxelles", "in the United States", "tại Tây An"). Within a document,
// later phrases with the same head noun name the same facility ("le
// centre") unless they are placed elsewhere. `known` must be sorted by
// begin; the cue-made organisations a facility absorbs are listed in
// `*absorbed` (indexes into `known`). The place of a facility's locative
// ("an ammunition depot in Vrbětice", "the X Dam in Rye Brook") is a Place:
// an unknown capitalised name there is returned as a Place mention too, and
// a cue-made Person or Organisation there is listed in `*to_place`.
std::vector<Mention> RecognizeFacilities(std::string_view text,
                                         std::string_view lang,
                                         std::span<const Sentence> sentences,
                                         std::span<const Mention> known,
                                         std::vector<size_t>* absorbed,
                                         std::vector<size_t>* to_place);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_FACILITIES_H_
