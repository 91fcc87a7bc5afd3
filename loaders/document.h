// The loaders' working types: an article as read, its sentences, and the
// entity mentions found in it. Everything here is a plain value; offsets are
// byte offsets into Document::text (UTF-8, NFC).
#ifndef DOSSIER_LOADERS_DOCUMENT_H_
#define DOSSIER_LOADERS_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "graph/facts.h"

namespace dossier::loaders {

// One article after reading and boilerplate removal.
struct Document {
  graph::ArticleMeta meta;  // id, title, date, lang, path, ...
  std::string text;         // Visible body text, NFC, boilerplate removed.
};

// A sentence: [begin, end) in Document::text.
struct Sentence {
  size_t begin = 0;
  size_t end = 0;
};

// How a mention was found.
enum class MentionSource : uint8_t {
  kLexicon,      // A gazetteer entry (name, alias, demonym, metonym).
  kCue,          // A cue word (la société X, ông X, the company X, ...).
  kCoreference,  // A description resolved to an earlier entity.
};

// One mention of an entity: [begin, end) in Document::text.
struct Mention {
  size_t begin = 0;
  size_t end = 0;
  std::string key;    // Entity key: "wd:Q148" or "Label:folded name".
  std::string label;  // State, Organisation, Person, Facility, Place.
  std::string name;   // Canonical name of the entity.
  // True when the surface form is a demonym/adjective ("américain",
  // "chinois", "Mỹ" used attributively) rather than a name.
  bool is_demonym = false;
  MentionSource source = MentionSource::kLexicon;
  // A capital or seat city read as the State (or body) it stands for: the
  // key and name of the city as a Place, so a consumer may read it as a
  // location instead (see loaders/entities/gazetteer.h, IsLocativeContext).
  // Empty otherwise.
  std::string place_key;
  std::string place_name;
  // For an Organisation: the home state's entity key when known (lexicon
  // iso2, or a state joined to a ministry portfolio); empty otherwise.
  std::string home_state_key;
  std::string kind;  // Lexicon kind (company, agency, capital, ...) or empty.
  std::string iso2;  // States: ISO code; others: home state code, or empty.
  // Further surface forms of the same entity seen around this mention (a
  // facility's phrase with its locative, "un centre ... à Bruxelles").
  std::vector<std::string> aliases;
};

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_DOCUMENT_H_
