// The gold annotation files (../shared/gold/*.jsonl, GUIDELINES §1): one
// JSON record per document with its entities and relations.
#ifndef DOSSIER_LOADERS_EVAL_GOLD_H_
#define DOSSIER_LOADERS_EVAL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::loaders {

// One gold entity.
struct GoldEntity {
  std::string name;  // Canonical English name.
  std::string label;
  std::vector<std::string> aliases;
  std::string wikidata;  // "Q148" or empty.
};

// One gold relation; source and target are canonical entity names.
struct GoldRelation {
  std::string type;
  std::string source;
  std::string target;
  std::string kind;  // ACCUSES/DENIES only; empty otherwise.
  std::string evidence;
};

// One gold document: a file under the articles folder ("doc") or its own
// text ("text").
struct GoldDocument {
  std::string doc;   // File name, or empty.
  std::string id;    // "id" field, or empty.
  std::string text;  // Own text, or empty.
  std::string lang;
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
};

// Parses the gold JSON Lines `content` (blank lines skipped). Errors:
// InvalidArgument "gold:<line>: what is wrong" for a line that is not a
// JSON object, or a record with neither "doc" nor "text".
absl::StatusOr<std::vector<GoldDocument>> ParseGold(std::string_view content);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_EVAL_GOLD_H_
