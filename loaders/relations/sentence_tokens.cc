#include "loaders/relations/sentence_tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

namespace dossier::loaders {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_getIntPropertyValue(static_cast<UChar32>(c),
                               UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}

bool IsDropped(char32_t c) {
  return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011 ||
         c == '_' || c == '/';
}

}  // namespace

DocumentTokens TokenizeDocument(std::string_view text, std::string_view lang,
                                std::span<const Sentence> sentences,
                                std::span<const Mention> mentions) {
  return TokenizeDocument(text, lang, sentences, mentions,
                          FoldWithOffsets(text));
}

DocumentTokens TokenizeDocument(std::string_view text, std::string_view lang,
                                std::span<const Sentence> sentences,
                                std::span<const Mention> mentions,
                                FoldedText folded) {
  DocumentTokens out;
  out.folded = std::move(folded);
  const std::string& f = out.folded.folded;
  size_t pos = 0;
  while (pos < f.size()) {
    size_t start = pos;
    char32_t c = NextChar(f, &pos);
    if (c == ' ') continue;
    if (IsWordChar(c)) {
      size_t end = pos;
      while (end < f.size()) {
        size_t next = end;
        char32_t d = NextChar(f, &next);
        if (!IsWordChar(d)) break;
        end = next;
      }
      RelToken t;
      t.folded = std::string_view(f).substr(start, end - start);
      t.begin = out.folded.OriginalBegin(start);
      t.end = out.folded.OriginalEnd(end);
      t.raw = text.substr(t.begin, t.end - t.begin);
      t.word = true;
      out.tokens.push_back(t);
      pos = end;
      continue;
    }
    if (IsDropped(c)) continue;
    RelToken t;
    t.folded = std::string_view(f).substr(start, pos - start);
    t.begin = out.folded.OriginalBegin(start);
    t.end = out.folded.OriginalEnd(pos);
    t.raw = text.substr(t.begin, t.end - t.begin);
    out.tokens.push_back(t);
  }
  // Mentions.
  out.mention_first.assign(mentions.size(), 0);
  out.mention_last.assign(mentions.size(), 0);
  size_t k = 0;
  for (size_t m = 0; m < mentions.size(); ++m) {
    while (k < out.tokens.size() && out.tokens[k].end <= mentions[m].begin) ++k;
    size_t first = k;
    size_t j = k;
    if (lang == "vi" && k < out.tokens.size() &&
        out.tokens[k].end >= mentions[m].end && !mentions[m].is_demonym) {
      size_t p = 0;
      char32_t c = DecodeUtf8(out.tokens[k].raw, &p);
      if (u_islower(static_cast<UChar32>(c))) {
        out.mention_first[m] = k;
        out.mention_last[m] = k;
        continue;
      }
    }
    while (j < out.tokens.size() && out.tokens[j].begin < mentions[m].end) {
      out.tokens[j].mention = static_cast<int>(m);
      ++j;
    }
    out.mention_first[m] = first;
    out.mention_last[m] = j;
  }
  // Sentences.
  size_t t = 0;
  for (const Sentence& s : sentences) {
    while (t < out.tokens.size() && out.tokens[t].begin < s.begin) ++t;
    size_t b = t;
    while (t < out.tokens.size() && out.tokens[t].begin < s.end) ++t;
    out.sentence_begin.push_back(b);
    out.sentence_end.push_back(t);
  }
  return out;
}

}  // namespace dossier::loaders
