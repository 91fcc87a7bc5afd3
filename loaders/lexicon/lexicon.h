// The entity lexicon: entities (states, organisations, places, ...), the
// names they go by, and the demonyms and metonyms that stand for them.
// File format: docs/lexicon.md (TSV, seven columns).
//
// Thread safety: a built Lexicon is immutable and may be shared.
#ifndef DOSSIER_LOADERS_LEXICON_LEXICON_H_
#define DOSSIER_LOADERS_LEXICON_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

namespace dossier::loaders {

// One entity of the lexicon.
struct LexiconEntity {
  std::string key;       // "wd:Q30" or "Label:folded name".
  std::string label;     // State, Organisation, Person, Facility, Place.
  std::string name;      // Canonical (English) name.
  std::string wikidata;  // "Q30" or empty.
  std::string kind;      // state, company, capital, portfolio, ...
  std::string iso2;      // State: its code; others: home state, or empty.
  // Capitals: index of the entity the city stands for when it acts (its
  // State, or the acts_for entity), -1 otherwise. Portfolios: -1.
  int acts_for = -1;
  // Portfolios: printf-like template for a joined name ("Embassy of %s"),
  // empty for the default "<name> (<state>)".
  std::string name_template;
};

// What a surface form says about its entity.
enum class AliasRole : uint8_t {
  kName,     // A name of the entity (États-Unis, Huawei, Bruxelles).
  kDemonym,  // A demonym or adjective (américaine, Chinese).
  kMetonym,  // A pure metonym (la Maison-Blanche, Langley).
};

// One surface form.
struct LexiconAlias {
  std::string text;             // As written in the file (NFC).
  bool case_sensitive = false;  // Written "=X": matches only as written.
  AliasRole role = AliasRole::kName;
  int entity = -1;  // Index into Lexicon::entities().
};

// Entities and aliases gathered from one or more lexicon files.
class Lexicon {
 public:
  // Parses one file's `content` and adds its rows. `source` names the file
  // in errors. Returns InvalidArgument "source:line: what is wrong" on a
  // malformed row (wrong column count, unknown label, bad wikidata id).
  // Demonym/Metonym rows may refer to entities of files added later.
  absl::Status Add(std::string_view content, std::string_view source);

  // Resolves Demonym/Metonym/acts_for references. Call once after the last
  // Add. Returns InvalidArgument "source:line: ..." for a reference to no
  // entity.
  absl::Status Finish();

  const std::vector<LexiconEntity>& entities() const { return entities_; }
  const std::vector<LexiconAlias>& aliases() const { return aliases_; }

  // Returns the entity of `key`, or nullptr.
  const LexiconEntity* Find(std::string_view key) const;

  // Returns the State entity of ISO code `iso2`, or -1.
  int StateOf(std::string_view iso2) const;

 private:
  struct PendingRef {
    std::string where;  // "source:line".
    std::string target_name;
    std::string iso2;
    std::vector<LexiconAlias> aliases;  // entity filled by Finish.
    int entity = -1;  // For acts_for: the capital whose acts_for to set.
  };
  int AddEntity(LexiconEntity entity);

  std::vector<LexiconEntity> entities_;
  std::vector<LexiconAlias> aliases_;
  std::vector<PendingRef> pending_;
  absl::flat_hash_map<std::string, int> by_key_;
  absl::flat_hash_map<std::string, int> by_folded_name_;
  absl::flat_hash_map<std::string, int> state_by_iso2_;
};

// graph::FoldKey(name), without ICU for printable ASCII and remembered
// per thread otherwise. Thread-safe.
std::string FoldKeyForEntity(std::string_view name);

// Returns the entity key for a label and canonical name (and Wikidata id,
// which wins when not empty): "wd:Q30" or "Organisation:huawei".
std::string EntityKey(std::string_view label, std::string_view name,
                      std::string_view wikidata);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_LEXICON_LEXICON_H_
