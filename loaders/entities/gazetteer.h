// The gazetteer: every lexicon name, demonym and metonym compiled into one
// Hyperscan literal database over folded text (graph::FoldKey), matched in
// one pass with word-boundary checks; the longest match wins on overlaps.
//
// Thread safety: a Gazetteer is immutable after Create; Match may be called
// from any number of threads at once.
#ifndef DOSSIER_LOADERS_ENTITIES_GAZETTEER_H_
#define DOSSIER_LOADERS_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "loaders/document.h"
#include "loaders/entities/folded_text.h"
#include "loaders/lexicon/lexicon.h"

namespace dossier::loaders {

class Gazetteer {
 public:
  // Builds a gazetteer from the embedded default lexicons plus the files at
  // `extra_lexicon_paths` (docs/lexicon.md). Errors: NotFound for a missing
  // file; InvalidArgument "path:line: what is wrong" for a malformed row;
  // Internal when Hyperscan refuses the database.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Create(
      std::span<const std::string> extra_lexicon_paths);

  // Like Create, from lexicon texts given as (name, content) pairs only (no
  // embedded defaults). For tests and tools.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> CreateFromTexts(
      std::span<const std::pair<std::string, std::string>> files);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Returns the lexicon mentions in `text` (UTF-8, NFC), sorted by begin and
  // non-overlapping. A capital is returned as the State it acts for with
  // Mention::place_key set (see IsLocativeContext to read it as a Place);
  // demonyms have is_demonym set; portfolios (kind "portfolio") have label
  // Organisation and the portfolio's key, to be joined to a state.
  std::vector<Mention> Match(std::string_view text) const;

  // Match over the whole `text` in one scan, keeping only names that lie
  // inside one of `sentences` (sorted, offsets into `text`). When `inner` is
  // not null it receives the State names (not demonyms) that lost to a
  // longer overlapping name, sorted by begin ("US" inside "US Justice
  // Department").
  std::vector<Mention> MatchSentences(std::string_view text,
                                      std::span<const Sentence> sentences,
                                      std::vector<Mention>* inner) const;

  // The same, with `folded` = FoldWithOffsets(text) already computed.
  std::vector<Mention> MatchSentences(std::string_view text,
                                      const FoldedText& folded,
                                      std::span<const Sentence> sentences,
                                      std::vector<Mention>* inner) const;

  // The lexicon behind the gazetteer.
  const Lexicon& lexicon() const { return lexicon_; }

  // A number unique to this gazetteer for the life of the process (never
  // reused by another), to key caches of its answers; 0 for a gazetteer
  // without names (which matches nothing).
  uint64_t id() const;

 private:
  struct Pattern;
  Gazetteer() = default;
  absl::Status Compile();

  Lexicon lexicon_;
  std::vector<Pattern> patterns_;  // By Hyperscan id.
  struct HsState;
  std::unique_ptr<HsState> hs_;
};

// True when the text just before `begin` makes a place name a location
// rather than an actor: à, en, au, aux, dans, de, in, at, near, from, tại,
// ở, từ, đến, thủ đô, thành phố, ... (GUIDELINES §2).
bool IsLocativeContext(std::string_view text, size_t begin);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_GAZETTEER_H_
