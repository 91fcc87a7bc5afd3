// Relation extraction: sentences with their entity mentions in, relations
// out (GUIDELINES §3-§6).
//
// For each sentence the per-language trigger table (tables_*.cc) is matched
// over folded tokens; each trigger's form says where its arguments stand
// (subject on the left, objects on the right, an agent after par/by/bởi, a
// report frame's source after selon/theo/according to). Negated and
// hypothetical triggers, agentless passives and unnamed parties give
// nothing; coordinated parties give one relation each; a denial links the
// denier to the accuser of the accusation it rejects, found in the same or
// an earlier sentence; an elliptical clause repeats the previous relation
// for its own subject. Attribute relations (BASED_IN, LOCATED_IN,
// WORKS_FOR) come from the mentions' surroundings (attributes.h).
#ifndef DOSSIER_LOADERS_RELATIONS_RELATIONS_H_
#define DOSSIER_LOADERS_RELATIONS_RELATIONS_H_

#include <span>
#include <string_view>
#include <vector>

#include "graph/facts.h"
#include "loaders/document.h"
#include "loaders/entities/folded_text.h"

namespace dossier::loaders {

class Gazetteer;

// Returns the relations of `text` in language `lang` ("fr", "vi", "en";
// other values use the English tables). `mentions` are sorted by begin and
// non-overlapping (as RecognizeEntities returns them). Each relation names
// entities by mention key, carries its sentence as evidence with that
// sentence's byte offsets, and appears once per (type, source, target,
// kind). DENIES relations go denier → accuser. Thread-safe.
//
// `gazetteer` (may be null) lets the attribute pass see the state named
// inside an organisation's own name ("Bộ Ngoại giao Trung Quốc", "the
// Australian Federal Police") for BASED_IN.
std::vector<graph::FactRelation> ExtractRelations(
    std::string_view text, std::string_view lang,
    std::span<const Sentence> sentences, std::span<const Mention> mentions,
    const Gazetteer* gazetteer = nullptr);

// The same, with `folded` = FoldWithOffsets(text) already computed.
std::vector<graph::FactRelation> ExtractRelations(
    std::string_view text, std::string_view lang,
    std::span<const Sentence> sentences, std::span<const Mention> mentions,
    const Gazetteer* gazetteer, FoldedText folded);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_RELATIONS_H_
