// Short names of organisations: a later capitalised word that is the
// distinctive word of an organisation named before ("Fujian Jinhua
// Integrated Circuit ... Jinhua had countersued") is a mention of it.
#ifndef DOSSIER_LOADERS_ENTITIES_SHORT_NAMES_H_
#define DOSSIER_LOADERS_ENTITIES_SHORT_NAMES_H_

#include <string_view>
#include <vector>

#include "loaders/document.h"
#include "loaders/entities/gazetteer.h"

namespace dossier::loaders {

// Adds to `mentions` (sorted by begin, non-overlapping; kept so) a mention
// of an organisation for each later occurrence, outside every mention, of
// one of its name's words that is capitalised, at least four letters long,
// not a generic word (Group, Technology, Agency, ...), not a name in
// `gazetteer`, and the word of one organisation only.
void AddShortNames(const Gazetteer& gazetteer, std::string_view text,
                   std::vector<Mention>* mentions);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_SHORT_NAMES_H_
