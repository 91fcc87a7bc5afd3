// The extraction pipeline: one article in, its Facts out.
//
//   language (meta.lang, else DetectLanguage) → sentences (SplitSentences)
//   → entity mentions (RecognizeEntities) → relations (ExtractRelations)
//   → entities with aliases (CollectEntities) → graph::Facts
//
// Extraction is a pure function of the article: no RocksDB, no global state;
// entity resolution against a store happens later, in graph/ingest.h.
//
// Thread safety: an Extractor is immutable after Create; Extract may be
// called from any number of threads at once.
#ifndef DOSSIER_LOADERS_EXTRACT_H_
#define DOSSIER_LOADERS_EXTRACT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/facts.h"
#include "loaders/document.h"
#include "loaders/read/source.h"

namespace dossier::loaders {

class Gazetteer;

// How an Extractor is built.
struct ExtractorOptions {
  // Lexicon files added to the embedded defaults (docs/lexicon.md). Default:
  // none.
  std::vector<std::string> extra_lexicon_paths;
};

// What ExtractPath gave: one Facts per article that could be extracted, and
// one human-readable line per file or article that could not.
struct ExtractPathResult {
  std::vector<graph::Facts> facts;
  std::vector<std::string> problems;
};

class Extractor {
 public:
  // Builds the gazetteer and trigger tables once. Errors: those of
  // Gazetteer::Create (NotFound for a missing lexicon file, InvalidArgument
  // for a malformed row).
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Returns the facts of `doc`: its metadata (lang filled in when it was
  // empty), the entities it mentions with the surface forms seen, and the
  // relations found, each with the whole sentence as evidence and that
  // sentence's byte offsets in doc.text. Errors: InvalidArgument
  // "unsupported language 'xx'" when the language (given or detected) is
  // not fr, vi or en — the caller reports the article and skips it.
  absl::StatusOr<graph::Facts> Extract(const Document& doc) const;

  // Reads `path` (a file or a folder, through `source`, the real file system
  // when null) and extracts every article. Unreadable files and articles in
  // unsupported languages go to `problems`, prefixed with their path.
  // Errors: those of ReadPath for `path` itself (NotFound, ...).
  absl::StatusOr<ExtractPathResult> ExtractPath(
      std::string_view path, ArticleSource* source = nullptr) const;

  // The gazetteer behind the extractor.
  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  explicit Extractor(std::unique_ptr<Gazetteer> gazetteer);

  std::unique_ptr<Gazetteer> gazetteer_;
};

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_EXTRACT_H_
