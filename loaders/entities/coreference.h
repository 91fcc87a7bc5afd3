// Light coreference: descriptions (le géant chinois, la firme, tập đoàn này,
// the company) resolve to the most recent fitting organisation named before
// them in the document.
#ifndef DOSSIER_LOADERS_ENTITIES_COREFERENCE_H_
#define DOSSIER_LOADERS_ENTITIES_COREFERENCE_H_

#include <span>
#include <string_view>
#include <vector>

#include "loaders/document.h"
#include "loaders/entities/folded_text.h"

namespace dossier::loaders {

// Returns mentions (source kCoreference) for the descriptions in `text` that
// overlap none of `mentions` (sorted by begin) and resolve to an
// Organisation mentioned before them. A demonym mention right after the
// description ("le géant chinois") restricts the antecedent to
// organisations of that state when their home state is known.
std::vector<Mention> ResolveDescriptions(std::string_view text,
                                         std::span<const Mention> mentions);

// The same, with `folded` = FoldWithOffsets(text) already computed.
std::vector<Mention> ResolveDescriptions(std::string_view text,
                                         const FoldedText& folded,
                                         std::span<const Mention> mentions);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_COREFERENCE_H_
