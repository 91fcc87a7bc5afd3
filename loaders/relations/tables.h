// Per-language trigger and cue tables for relation extraction, as data.
//
// Each language (tables_fr.cc, tables_vi.cc, tables_en.cc) lists:
//   - triggers: words and phrases that announce a relation, with the form
//     that says where its arguments stand (TriggerForm);
//   - kind cues: wording that names the kind of an accusation
//     (GUIDELINES §5 table);
//   - cues: function words the argument attachment reads (negation,
//     hypothesis, passive auxiliaries, agent prepositions, coordinators,
//     report frames, titles, ...).
// Phrases are folded (graph::FoldKey: lower case, no diacritics) words
// separated by spaces; "x*" is a prefix; a word with diacritics is matched
// tones included (see phrase_set.h). No table names an entity.
#ifndef DOSSIER_LOADERS_RELATIONS_TABLES_H_
#define DOSSIER_LOADERS_RELATIONS_TABLES_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "loaders/relations/phrase_set.h"
#include "loaders/relations/relation_type.h"

namespace dossier::loaders {

// Where a trigger's arguments stand.
enum class TriggerForm : uint8_t {
  // Source = subject on the left, targets = objects on the right; a passive
  // auxiliary before it takes the source from the agent (par/by/bởi X).
  kActive,
  // Agent form: targets = subject on the left, source = the agent after it
  // ("blacklistées par X", "sanctioned by X", "visée par des sanctions
  // américaines").
  kAgentive,
  // A noun naming the act, its author as complement: "les accusations de
  // X", "cáo buộc của X", "X's allegations"; target after contre/against.
  kNominal,
  // A claim verb: source on the left, the claim after it; an accusation
  // only when the claim holds a wrongdoing cue (kind cue).
  kClaim,
  // A report frame whose source follows: selon X, theo X, according to X.
  kReportFrame,
  // An elliptical clause: the subject repeats the previous relation.
  kEllipsis,
  // "X used by Y", "X utilisés par Y": source on the left, target after.
  kUsedBy,
  // Not a trigger: a longer phrase that keeps a shorter trigger from
  // matching inside it ("nhà cung cấp" holds "cung cấp", "denial of
  // service" holds "denial").
  kBlock,
};

// One trigger row.
struct TriggerRow {
  std::string_view phrase;
  RelationType type;
  TriggerForm form;
  std::string_view kind;  // Default accusation kind, or "".
};

// One kind cue row.
struct KindRow {
  std::string_view phrase;
  std::string_view kind;
};

// Function-word classes the attachment reads.
enum class Cue : uint8_t {
  kNegation,        // ne, pas, not, never, không, chưa
  kHypothesis,      // si, pourrait, if, could, nếu, có thể
  kPassiveAux,      // été, est, was, were, bị, được
  kAgent,           // par, by, bởi
  kCoordinator,     // et, ainsi que, and, as well as, và, cùng
  kClauseBreak,     // mais, tandis que, but, while, nhưng
  kComplementizer,  // que, that, rằng, là
  kAuthority,       // gouvernement, autorités, authorities, chính quyền
  kPronoun,         // il, elle, ils, he, she, they, ông, bà
  kObjectPronoun,   // l', le, les, him, them, anh, ông (after a verb)
  kStateTitle,      // ministre, président, minister, Bộ trưởng, ...
  kOrgTitle,        // directeur, PDG, CEO, spokesman, người phát ngôn, ...
  kLocative,        // à, en, dans, in, at, tại, ở, basé à, based in
  kGenitive,        // de, du, des, of, của
  kAgainst,         // contre, against, đối với, nhằm vào
  kConcern,         // inquiétude, concern, lo ngại (never an accusation)
  kKindPrep,       // de, d', of, for, with, over, về, vì: the act complement
  kRelative,       // qui, which, who, vốn, mà: opens a relative clause
  kSponsor,        // parrainé, soutenu, backed, sponsored, hậu thuẫn
  kAnaphor,        // la société, the company, nhóm này: an earlier party
  kAnaphorPlural,  // ces entités, these companies, hai ông: earlier parties
  kPlacement,      // placed, put, added, placé, inscrit, đưa: "placed X
                   // under sanctions", "đưa X vào danh sách đen"
  kAttributive,    // vi: công ty, tập đoàn before a state name used
                   // attributively (các công ty Trung Quốc)
  kCount,
};

// The tables of one language.
struct LanguageTables {
  std::span<const TriggerRow> triggers;
  std::span<const KindRow> kinds;
  std::span<const std::pair<std::string_view, Cue>> cues;
};

const LanguageTables& FrenchTables();
const LanguageTables& VietnameseTables();
const LanguageTables& EnglishTables();

// The tables of a language, compiled into phrase sets.
struct CompiledTables {
  const LanguageTables* rows = nullptr;
  PhraseSet triggers;  // Payload: index into rows->triggers.
  PhraseSet kinds;     // Payload: index into rows->kinds.
  PhraseSet cues[static_cast<int>(Cue::kCount)];  // Payload: 0.
};

// The compiled tables of `lang` ("fr", "vi", "en"; anything else gets the
// English tables). Built once, thread-safe.
const CompiledTables& TablesFor(std::string_view lang);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_TABLES_H_
