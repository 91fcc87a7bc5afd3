#include "loaders/relations/context.h"

#include <utility>

namespace dossier::loaders {
namespace {

bool IsModifierWord(std::string_view w) {
  return w == "based" || w == "backed" || w == "sponsored" || w == "linked" ||
         w == "registered" || w == "owned" || w == "born" || w == "made" ||
         w == "controlled";
}

}  // namespace

RelationContext::RelationContext(std::string_view text, std::string_view lang,
                                 std::span<const Sentence> sentences,
                                 std::span<const Mention> mentions,
                                 const Gazetteer* gazetteer)
    : text_(text),
      lang_(lang),
      sentences_(sentences),
      mentions_(mentions),
      tables_(&TablesFor(lang)),
      gazetteer_(gazetteer),
      doc_(TokenizeDocument(text, lang, sentences, mentions)) {}

RelationContext::RelationContext(std::string_view text, std::string_view lang,
                                 std::span<const Sentence> sentences,
                                 std::span<const Mention> mentions,
                                 const Gazetteer* gazetteer, FoldedText folded)
    : text_(text),
      lang_(lang),
      sentences_(sentences),
      mentions_(mentions),
      tables_(&TablesFor(lang)),
      gazetteer_(gazetteer),
      doc_(TokenizeDocument(text, lang, sentences, mentions,
                            std::move(folded))) {}

bool RelationContext::CueAt(Cue cue, size_t i, size_t* len) const {
  size_t n = 0;
  bool hit = tables_->cues[static_cast<int>(cue)].Match(doc_.tokens, i, &n,
                                                        /*cross=*/true) >= 0;
  // "On 10 May 2021": the month, not the modal.
  if (hit && cue == Cue::kHypothesis && doc_.tokens[i].folded == "may") {
    auto digit = [&](size_t k) {
      return k < doc_.tokens.size() && !doc_.tokens[k].folded.empty() &&
             doc_.tokens[k].folded[0] >= '0' && doc_.tokens[k].folded[0] <= '9';
    };
    if ((i > 0 && digit(i - 1)) || digit(i + 1)) hit = false;
  }
  if (len != nullptr) *len = n;
  return hit;
}

bool RelationContext::IsPunct(size_t i, std::string_view mark) const {
  return i < doc_.tokens.size() && !doc_.tokens[i].word &&
         doc_.tokens[i].folded == mark;
}

bool RelationContext::IsClauseStop(size_t i) const {
  if (doc_.tokens[i].word) return false;
  std::string_view f = doc_.tokens[i].folded;
  // "X (Y)": a parenthesised gloss of one name right after another (an
  // acronym, a transcription) does not cut the clause.
  auto mention = [&](size_t k) {
    return k < doc_.tokens.size() && doc_.tokens[k].mention >= 0;
  };
  auto punct = [&](size_t k, std::string_view p) {
    return k < doc_.tokens.size() && !doc_.tokens[k].word &&
           doc_.tokens[k].folded == p;
  };
  if (f == "(" && i > 0 && mention(i - 1) && mention(i + 1)) {
    int m = doc_.tokens[i + 1].mention;
    size_t last = doc_.mention_last[m];
    if (punct(last, ")")) return false;
  }
  if (f == ")" && i > 0 && mention(i - 1)) {
    int m = doc_.tokens[i - 1].mention;
    size_t first = doc_.mention_first[m];
    if (first >= 2 && punct(first - 1, "(") && mention(first - 2)) return false;
  }
  return f == ";" || f == ":" || f == "(" || f == ")" || f == "." || f == "?" ||
         f == "!";
}

bool RelationContext::IsActor(int m) const {
  const std::string& l = mentions_[m].label;
  return l == "State" || l == "Organisation" || l == "Person";
}

bool RelationContext::IsBareDemonym(int m) const {
  size_t first = MentionFirst(m);
  // "Cơ quan An ninh điều tra Bộ Công an": a Vietnamese body right after
  // another is its parent, a complement.
  if (lang_ == "vi" && mentions_[m].label == "Organisation" && first >= 1 &&
      doc_.tokens[first - 1].mention >= 0 &&
      doc_.tokens[first - 1].mention != m &&
      mentions_[doc_.tokens[first - 1].mention].label == "Organisation" &&
      mentions_[doc_.tokens[first - 1].mention].end + 1 == mentions_[m].begin) {
    return true;
  }
  if (!mentions_[m].is_demonym) {
    // Vietnamese names a state attributively after a common noun: "các
    // công ty Trung Quốc", "tàu hải cảnh Trung Quốc".
    if (lang_ != "vi" || mentions_[m].label != "State") return false;
    // "Bộ Tư pháp Mỹ cáo buộc": a state right after an organisation's name
    // is its complement, not the subject.
    if (first >= 1 && doc_.tokens[first - 1].mention >= 0 &&
        doc_.tokens[first - 1].mention != m &&
        mentions_[doc_.tokens[first - 1].mention].label == "Organisation") {
      return true;
    }
    for (size_t back = 1; back <= 3 && back <= first; ++back) {
      size_t len = 0;
      if (doc_.tokens[first - back].mention < 0 &&
          CueAt(Cue::kAttributive, first - back, &len) && len == back) {
        return true;
      }
    }
    return false;
  }
  // An authority noun within the two words before: "les autorités
  // chinoises", "le gouvernement américain", "chính quyền Mỹ".
  for (size_t back = 1; back <= 3 && back <= first; ++back) {
    size_t i = first - back;
    if (!doc_.tokens[i].word || doc_.tokens[i].mention >= 0) break;
    if (CueAt(Cue::kAuthority, i)) return false;
  }
  // English: "American officials", "Chinese authorities".
  size_t last = MentionLast(m);
  if (last < doc_.tokens.size() && CueAt(Cue::kAuthority, last)) return false;
  return true;
}

bool RelationContext::IsLocativeOrModifier(int m) const {
  size_t first = MentionFirst(m);
  size_t last = MentionLast(m);
  if (last < doc_.tokens.size() && doc_.tokens[last].word &&
      IsModifierWord(doc_.tokens[last].folded)) {
    return true;
  }
  // An English possessor before its head: "Russia's GRU" (the apostrophe is
  // dropped, leaving "s"), when a name follows.
  if (lang_ == "en" && last + 1 < doc_.tokens.size() &&
      doc_.tokens[last].folded == "s" && doc_.tokens[last].mention < 0 &&
      last > 0 && doc_.tokens[last].begin > doc_.tokens[last - 1].end &&
      doc_.tokens[last].begin <= doc_.tokens[last - 1].end + 3) {
    for (size_t i = last + 1; i < doc_.tokens.size() && i < last + 5; ++i) {
      if (doc_.tokens[i].mention >= 0) return true;
      if (!doc_.tokens[i].word) break;
    }
  }
  if (first == 0) return false;
  // Skip a determiner between the preposition and the name.
  for (size_t back = 1; back <= 2 && back <= first; ++back) {
    size_t i = first - back;
    if (!doc_.tokens[i].word) return false;
    if (CueAt(Cue::kLocative, i)) {
      // "à" folds like "a" (has): only a locative when the mention is a
      // place-like State (a city) or a Place.
      const Mention& mm = mentions_[m];
      if (doc_.tokens[i].folded == "a" && lang_ == "fr" &&
          mm.label != "Place" && mm.place_key.empty()) {
        return false;
      }
      return true;
    }
    std::string_view f = doc_.tokens[i].folded;
    if (!(f == "la" || f == "le" || f == "l" || f == "the" || f == "les")) {
      return false;
    }
  }
  return false;
}

size_t RelationContext::ClauseStart(size_t s, size_t i) const {
  size_t b = SentenceBegin(s);
  while (i > b) {
    size_t j = i - 1;
    if (IsClauseStop(j)) return i;
    if (doc_.tokens[j].mention < 0 && CueAt(Cue::kClauseBreak, j)) return i;
    i = j;
  }
  return b;
}

size_t RelationContext::ClauseEnd(size_t s, size_t i) const {
  size_t e = SentenceEnd(s);
  for (; i < e; ++i) {
    if (IsClauseStop(i)) return i;
    if (doc_.tokens[i].mention < 0 && CueAt(Cue::kClauseBreak, i)) return i;
  }
  return e;
}

std::string_view RelationContext::KindIn(size_t from, size_t to) const {
  // A cue of kind "other" ("illegally", "censorship") yields to a named
  // wrongdoing later in the range ("illegally collected personal data").
  std::string_view other;
  for (size_t i = from; i < to; ++i) {
    size_t len = 0;
    // Cues inside an organisation's name ("Foreign Intelligence Service")
    // say nothing of the act.
    int m = doc_.tokens[i].mention;
    if (m >= 0 && mentions_[m].label == "Organisation") continue;
    int k = tables_->kinds.Match(doc_.tokens, i, &len, /*cross=*/true);
    if (k < 0) continue;
    std::string_view kind = tables_->rows->kinds[k].kind;
    if (kind != "other") return kind;
    if (other.empty()) other = kind;
  }
  return other;
}

}  // namespace dossier::loaders
