// Facts: what one article contributes to the graph.
//
// The loaders produce a Facts value per article (a pure function of the
// article text); the ingest step in graph/ resolves its entities against the
// store and writes it as one atomic batch. The JSON form of a Facts value is
// one line of the "dossier-facts" JSON Lines format (docs/formats.md).
#ifndef DOSSIER_GRAPH_FACTS_H_
#define DOSSIER_GRAPH_FACTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dossier::graph {

// The Article node's properties.
struct ArticleMeta {
  std::string id;         // First 32 hex digits of SHA-256 of the NFC text.
  std::string source_id;  // A JSONL article's own "id" field, else empty.
  std::string title;
  std::string source;  // URL or publisher, when known.
  std::string date;    // ISO 8601 date (YYYY-MM-DD) when known, else empty.
  std::string lang;    // "fr", "vi", "en", ...
  std::string path;    // The file it was loaded from.
  // Other fields of a JSONL article, kept as string properties.
  std::map<std::string, std::string> extra;
};

// One entity mentioned by the article.
struct FactEntity {
  // Canonical key: "wd:Q148" when the Wikidata id is known, else
  // "Label:folded name" (see graph/text_fold.h for the folding).
  std::string key;
  std::string label;  // State, Organisation, Person, Facility, Place.
  std::string name;   // Canonical (English where the lexicon knows it).
  std::vector<std::string> aliases;  // Surface forms seen in the text.
  std::string wikidata;              // "Q148" or empty.
  std::string kind;                  // Organisation/Facility kind or empty.
  std::string iso2;                  // States: ISO 3166-1 alpha-2.
};

// One relation between two entities, with its provenance.
struct FactRelation {
  std::string type;    // ACCUSES, DENIES, SANCTIONS, ... (DESIGN §3).
  std::string source;  // Entity key.
  std::string target;  // Entity key.
  std::string kind;    // Accusation kind for ACCUSES/DENIES, else empty.
  std::string evidence;  // The whole sentence the relation came from.
  int64_t start = 0;     // Byte offset of the sentence in the article text.
  int64_t end = 0;       // Byte offset one past its end.
};

// Everything one article contributes.
struct Facts {
  ArticleMeta article;
  std::vector<FactEntity> entities;
  std::vector<FactRelation> relations;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_FACTS_H_
