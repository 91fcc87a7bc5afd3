#include "loaders/relations/phrase_set.h"

#include <unicode/uchar.h>

#include "absl/strings/str_split.h"
#include "loaders/entities/folded_text.h"

namespace dossier::loaders {
namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool WordMatches(std::string_view pattern, const RelToken& token) {
  if (!token.word) return false;
  bool prefix = !pattern.empty() && pattern.back() == '*';
  if (prefix) pattern.remove_suffix(1);
  if (IsAscii(pattern)) {
    if (prefix) return token.folded.substr(0, pattern.size()) == pattern;
    return token.folded == pattern;
  }
  std::string lower = LowerUtf8(token.raw);
  if (prefix)
    return std::string_view(lower).substr(0, pattern.size()) == pattern;
  return lower == pattern;
}

// The key a word is indexed under: the folded form (non-ASCII words fold
// to ASCII-ish keys the same way tokens do).
std::string IndexKey(std::string_view word) {
  if (IsAscii(word)) return std::string(word);
  std::string out;
  FoldedText f = FoldWithOffsets(word);
  return f.folded;
}

}  // namespace

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), &out);
  }
  return out;
}

void PhraseSet::Add(std::string_view phrase, int payload) {
  Entry e;
  for (absl::string_view w :
       absl::StrSplit(absl::string_view(phrase.data(), phrase.size()), ' ',
                      absl::SkipEmpty())) {
    e.words.emplace_back(w.data(), w.size());
  }
  if (e.words.empty()) return;
  e.payload = payload;
  int id = static_cast<int>(entries_.size());
  const std::string& first = e.words.front();
  if (first.back() == '*') {
    std::string key = IndexKey(first.substr(0, first.size() - 1));
    // Keys shorter than two bytes are never looked up.
    if (key.size() >= 2) prefix_keys_.set(First2(key));
    by_prefix2_[key.substr(0, 2)].push_back(id);
  } else {
    std::string key = IndexKey(first);
    if (!key.empty()) first_keys_.set(First2(key));
    by_first_[key].push_back(id);
  }
  entries_.push_back(std::move(e));
}

bool PhraseSet::EntryMatches(const Entry& e, std::span<const RelToken> tokens,
                             size_t pos, bool cross_mentions) const {
  if (pos + e.words.size() > tokens.size()) return false;
  for (size_t k = 0; k < e.words.size(); ++k) {
    const RelToken& t = tokens[pos + k];
    if (!cross_mentions && t.mention >= 0) return false;
    if (!WordMatches(e.words[k], t)) return false;
  }
  return true;
}

int PhraseSet::Match(std::span<const RelToken> tokens, size_t pos, size_t* len,
                     bool cross_mentions) const {
  *len = 0;
  if (pos >= tokens.size() || !tokens[pos].word) return -1;
  int best = -1;
  size_t best_len = 0;
  auto consider = [&](const std::vector<int>& ids) {
    for (int id : ids) {
      const Entry& e = entries_[id];
      if (e.words.size() <= best_len) continue;
      if (EntryMatches(e, tokens, pos, cross_mentions)) {
        best = e.payload;
        best_len = e.words.size();
      }
    }
  };
  std::string_view f = tokens[pos].folded;
  if (f.empty()) {
    if (auto it = by_first_.find(absl::string_view());
        it != by_first_.end()) {
      consider(it->second);
    }
    *len = best_len;
    return best;
  }
  if (first_keys_.test(First2(f))) {
    if (auto it = by_first_.find(absl::string_view(f.data(), f.size()));
        it != by_first_.end()) {
      consider(it->second);
    }
  }
  if (f.size() >= 2 && prefix_keys_.test(First2(f))) {
    if (auto it = by_prefix2_.find(absl::string_view(f.data(), 2));
        it != by_prefix2_.end()) {
      consider(it->second);
    }
  }
  *len = best_len;
  return best;
}

}  // namespace dossier::loaders
