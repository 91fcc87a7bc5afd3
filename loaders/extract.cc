#include "loaders/extract.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/gazetteer.h"
#include "loaders/entities/recognize.h"
#include "loaders/read/articles.h"
#include "loaders/relations/relations.h"
#include "loaders/text/language.h"
#include "loaders/text/sentences.h"

namespace dossier::loaders {

Extractor::Extractor(std::unique_ptr<Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {}

Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorOptions& options) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Create(options.extra_lexicon_paths);
  if (!gazetteer.ok()) return gazetteer.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(*gazetteer)));
}

absl::StatusOr<graph::Facts> Extractor::Extract(const Document& doc) const {
  graph::Facts facts;
  facts.article = doc.meta;
  std::string lang = doc.meta.lang;
  if (lang.empty() || lang == "und") lang = DetectLanguage(doc.text);
  if (!IsSupportedLanguage(lang)) {
    return absl::InvalidArgumentError(
        absl::StrCat("unsupported language '", lang, "'"));
  }
  facts.article.lang = lang;
  std::vector<Sentence> sentences = SplitSentences(doc.text, lang);
  // The text folded once, for the entity and the relation layers.
  FoldedText folded = FoldWithOffsets(doc.text);
  std::vector<Mention> mentions =
      RecognizeEntities(*gazetteer_, doc, sentences, folded);
  facts.relations = ExtractRelations(doc.text, lang, sentences, mentions,
                                     gazetteer_.get(), std::move(folded));
  facts.entities = CollectEntities(doc, mentions);
  // A state named only inside an organisation's name ("Bộ Ngoại giao Trung
  // Quốc") is a relation target without a mention of its own: add it from
  // the lexicon so every relation names an entity of the facts.
  absl::flat_hash_set<std::string> keys;
  for (const graph::FactEntity& e : facts.entities) keys.insert(e.key);
  for (const graph::FactRelation& r : facts.relations) {
    for (const std::string* key : {&r.source, &r.target}) {
      if (keys.contains(*key)) continue;
      const LexiconEntity* le = gazetteer_->lexicon().Find(*key);
      if (le == nullptr) continue;
      graph::FactEntity e;
      e.key = le->key;
      e.label = le->label;
      e.name = le->name;
      e.wikidata = le->wikidata;
      e.kind = le->kind;
      e.iso2 = le->iso2;
      keys.insert(e.key);
      facts.entities.push_back(std::move(e));
    }
  }
  // Relations whose entities are still unknown are dropped.
  std::erase_if(facts.relations, [&](const graph::FactRelation& r) {
    return !keys.contains(r.source) || !keys.contains(r.target);
  });
  return facts;
}

absl::StatusOr<ExtractPathResult> Extractor::ExtractPath(
    std::string_view path, ArticleSource* source) const {
  absl::StatusOr<ReadResult> read = ReadPath(path, source);
  if (!read.ok()) return read.status();
  ExtractPathResult out;
  out.problems = std::move(read->problems);
  for (const Document& doc : read->docs) {
    absl::StatusOr<graph::Facts> facts = Extract(doc);
    if (!facts.ok()) {
      out.problems.push_back(absl::StrCat(
          doc.meta.path, ": ", std::string(facts.status().message())));
      continue;
    }
    out.facts.push_back(std::move(*facts));
  }
  return out;
}

}  // namespace dossier::loaders
