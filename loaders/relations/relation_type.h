// The relation types the loaders extract (DESIGN §3, GUIDELINES §3).
#ifndef DOSSIER_LOADERS_RELATIONS_RELATION_TYPE_H_
#define DOSSIER_LOADERS_RELATIONS_RELATION_TYPE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace dossier::loaders {

// A fact relationship type; its name is the graph's relationship type.
enum class RelationType : uint8_t {
  kAccuses,
  kDenies,
  kSanctions,
  kBans,
  kMemberOf,
  kOperates,
  kLocatedIn,
  kBasedIn,
  kWorksFor,
  kDetains,
  kSues,
  kWarnsAbout,
  kSupplies,
  kCooperatesWith,
};

// "ACCUSES", "DENIES", ... as the graph spells them.
std::string_view RelationTypeName(RelationType type);

// The type named `name`, or nullopt.
std::optional<RelationType> ParseRelationType(std::string_view name);

// True for the statement types whose source is the speaker (ACCUSES,
// DENIES, WARNS_ABOUT), false for measures and facts.
bool IsStatementType(RelationType type);

// True for the measure types whose source is the imposing institution
// (SANCTIONS, BANS, DETAINS).
bool IsMeasureType(RelationType type);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_RELATION_TYPE_H_
