#include "loaders/relations/relation_type.h"

namespace dossier::loaders {

std::string_view RelationTypeName(RelationType type) {
  switch (type) {
    case RelationType::kAccuses:
      return "ACCUSES";
    case RelationType::kDenies:
      return "DENIES";
    case RelationType::kSanctions:
      return "SANCTIONS";
    case RelationType::kBans:
      return "BANS";
    case RelationType::kMemberOf:
      return "MEMBER_OF";
    case RelationType::kOperates:
      return "OPERATES";
    case RelationType::kLocatedIn:
      return "LOCATED_IN";
    case RelationType::kBasedIn:
      return "BASED_IN";
    case RelationType::kWorksFor:
      return "WORKS_FOR";
    case RelationType::kDetains:
      return "DETAINS";
    case RelationType::kSues:
      return "SUES";
    case RelationType::kWarnsAbout:
      return "WARNS_ABOUT";
    case RelationType::kSupplies:
      return "SUPPLIES";
    case RelationType::kCooperatesWith:
      return "COOPERATES_WITH";
  }
  return "";
}

std::optional<RelationType> ParseRelationType(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(RelationType::kCooperatesWith); ++i) {
    auto type = static_cast<RelationType>(i);
    if (RelationTypeName(type) == name) return type;
  }
  return std::nullopt;
}

bool IsStatementType(RelationType type) {
  return type == RelationType::kAccuses || type == RelationType::kDenies ||
         type == RelationType::kWarnsAbout;
}

bool IsMeasureType(RelationType type) {
  return type == RelationType::kSanctions || type == RelationType::kBans ||
         type == RelationType::kDetains;
}

}  // namespace dossier::loaders
