// The working state shared by the relation extractor's passes: the tokens
// of one document, its mentions, the compiled tables of its language, and
// small queries over them (cues at a position, mention classes, the
// boundaries of a clause).
#ifndef DOSSIER_LOADERS_RELATIONS_CONTEXT_H_
#define DOSSIER_LOADERS_RELATIONS_CONTEXT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/document.h"
#include "loaders/relations/relation_type.h"
#include "loaders/relations/sentence_tokens.h"
#include "loaders/relations/tables.h"

namespace dossier::loaders {

class Gazetteer;

// One relation found, before it becomes a graph::FactRelation.
struct FoundRelation {
  RelationType type;
  int source = -1;  // Mention index.
  int target = -1;  // Mention index.
  std::string kind;
  size_t sentence = 0;
  // When not empty, the target's entity key in place of mention `target`'s
  // (a state named only inside an organisation's mention).
  std::string target_key;
  // When not empty, the source's entity key in place of mention `source`'s
  // (the State an unnamed authority stands for, named only inside a body's
  // mention: "the US Justice Department ... Federal prosecutors").
  std::string source_key;
};

// The document as the passes see it.
class RelationContext {
 public:
  // `gazetteer` may be null (no look inside organisation names).
  RelationContext(std::string_view text, std::string_view lang,
                  std::span<const Sentence> sentences,
                  std::span<const Mention> mentions,
                  const Gazetteer* gazetteer = nullptr);

  // The same, with `folded` = FoldWithOffsets(text) already computed.
  RelationContext(std::string_view text, std::string_view lang,
                  std::span<const Sentence> sentences,
                  std::span<const Mention> mentions,
                  const Gazetteer* gazetteer, FoldedText folded);

  // The gazetteer, or null.
  const Gazetteer* gazetteer() const { return gazetteer_; }

  std::string_view text() const { return text_; }
  std::string_view lang() const { return lang_; }
  const CompiledTables& tables() const { return *tables_; }
  std::span<const Sentence> sentences() const { return sentences_; }
  std::span<const Mention> mentions() const { return mentions_; }
  const DocumentTokens& doc() const { return doc_; }
  std::span<const RelToken> tokens() const { return doc_.tokens; }
  const RelToken& tok(size_t i) const { return doc_.tokens[i]; }
  size_t SentenceBegin(size_t s) const { return doc_.sentence_begin[s]; }
  size_t SentenceEnd(size_t s) const { return doc_.sentence_end[s]; }
  size_t MentionFirst(int m) const { return doc_.mention_first[m]; }
  size_t MentionLast(int m) const { return doc_.mention_last[m]; }

  // True when a phrase of cue class `cue` starts at token `i`; `*len` (when
  // not null) gets its length in tokens.
  bool CueAt(Cue cue, size_t i, size_t* len = nullptr) const;
  // True when token `i` is the punctuation mark `mark` (folded).
  bool IsPunct(size_t i, std::string_view mark) const;
  // True when token `i` is punctuation that ends a clause (; : ( ) …).
  bool IsClauseStop(size_t i) const;

  // True for a State, Organisation or Person mention.
  bool IsActor(int m) const;
  // True when mention `m` is a demonym that does not act by itself (no
  // authority noun such as gouvernement/authorities/chính quyền just
  // before it).
  bool IsBareDemonym(int m) const;
  // True when mention `m` follows a locative cue (à, in, tại, ...) or is
  // followed by a modifier word (-based, -backed, -sponsored).
  bool IsLocativeOrModifier(int m) const;
  // The mention index at token `i`, or -1.
  int MentionAt(size_t i) const { return doc_.tokens[i].mention; }

  // The first token of the clause holding token `i` in sentence `s`:
  // after the last ';', ':' or clause-break word before `i`.
  size_t ClauseStart(size_t s, size_t i) const;
  // One past the last token of the clause holding `i`.
  size_t ClauseEnd(size_t s, size_t i) const;

  // The first accusation kind cue in tokens [from, to) ("other" only when
  // no named wrongdoing follows it), or "".
  std::string_view KindIn(size_t from, size_t to) const;

 private:
  std::string_view text_;
  std::string lang_;
  std::span<const Sentence> sentences_;
  std::span<const Mention> mentions_;
  const CompiledTables* tables_;
  const Gazetteer* gazetteer_;
  DocumentTokens doc_;
};

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_CONTEXT_H_
