// The entity layer's entry point: lexicon matches, portfolio ministries
// joined to their state, capitals read as State or Place, cue-based
// entities, and resolved descriptions, as one list of mentions.
#ifndef DOSSIER_LOADERS_ENTITIES_RECOGNIZE_H_
#define DOSSIER_LOADERS_ENTITIES_RECOGNIZE_H_

#include <span>
#include <vector>

#include "graph/facts.h"
#include "loaders/document.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/gazetteer.h"

namespace dossier::loaders {

// Returns the entity mentions of `doc` within `sentences`, sorted by begin
// and non-overlapping. Offsets are into doc.text. Thread-safe.
std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences);

// The same, with `folded` = FoldWithOffsets(doc.text) already computed.
std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences,
                                       const FoldedText& folded);

// Returns one FactEntity per distinct mention key (in order of first
// mention), with the surface forms seen as aliases.
std::vector<graph::FactEntity> CollectEntities(
    const Document& doc, std::span<const Mention> mentions);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_RECOGNIZE_H_
