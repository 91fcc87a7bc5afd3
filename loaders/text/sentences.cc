#include "loaders/text/sentences.h"

#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "loaders/text/utf8_util.h"

namespace dossier::loaders {
namespace {

// ICU locale for a language code, with CLDR's abbreviation suppressions
// where CLDR has them.
std::string IcuLocale(std::string_view lang) {
  if (lang == "fr") return "fr@ss=standard";
  if (lang == "en") return "en@ss=standard";
  if (lang == "de") return "de@ss=standard";
  if (lang == "es") return "es@ss=standard";
  if (lang == "it") return "it@ss=standard";
  if (lang == "pt") return "pt@ss=standard";
  if (lang == "ru") return "ru@ss=standard";
  if (lang.empty() || lang == "und") return "en@ss=standard";
  return std::string(lang);
}

// One sentence iterator per thread and locale (ICU iterators are not
// thread-safe; creating one per call costs more than segmenting an article).
icu::BreakIterator* SentenceIterator(const std::string& locale) {
  thread_local absl::flat_hash_map<std::string,
                                   std::unique_ptr<icu::BreakIterator>>
      cache;
  auto it = cache.find(locale);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(
      icu::Locale::createCanonical(locale.c_str()), status));
  if (U_FAILURE(status)) bi.reset();
  return cache.emplace(locale, std::move(bi)).first->second.get();
}

// Abbreviations after which a period does not end a sentence (without
// their period; compared case-sensitively).
const absl::flat_hash_set<std::string_view>& Abbreviations() {
  static const auto* set = new absl::flat_hash_set<std::string_view>{
      // French.
      "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me",
      "Mgr", "St", "Ste", "av", "apr", "J.-C", "cf", "Cf", "p", "pp", "art",
      "env", "etc.", "vol", "chap", "éd", "Gal", "Lt", "Cdt", "Col",
      // English.
      "Mr", "Mrs", "Ms", "Messrs", "Prof", "Sr", "Jr", "Gen", "Maj", "Capt",
      "Sgt", "Cpl", "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb",
      "vs", "e.g", "i.e", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Aug",
      "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "est",
      "Dept", "Univ",
      // Vietnamese.
      "TP", "Tp", "TS", "PGS", "GS", "ThS", "Th.S", "BS", "KS", "LS", "NXB",
      "TT", "TX", "Q", "P", "Ths", "PGS.TS", "GS.TS"};
  return *set;
}

// The last whitespace-separated token of `s` (already trimmed).
std::string_view LastToken(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t' &&
         static_cast<unsigned char>(s[i - 1]) != 0xA0) {
    --i;
  }
  std::string_view tok = s.substr(i);
  // Opening brackets and quotes before the abbreviation.
  while (!tok.empty() && (tok.front() == '(' || tok.front() == '[' ||
                          tok.front() == '"' || tok.front() == '\'')) {
    tok.remove_prefix(1);
  }
  return tok;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// True when a sentence ending in `piece` ends on an abbreviation, an initial
// or a dotted acronym rather than a full stop.
bool EndsWithAbbreviation(std::string_view piece) {
  std::string_view tok = LastToken(piece);
  if (tok.size() < 2 || tok.back() != '.') return false;
  std::string_view stem = tok.substr(0, tok.size() - 1);
  if (Abbreviations().contains(stem)) return true;
  // An initial: "J." — or a capital initial followed by Vietnamese-style
  // uppercase pair. A single uppercase letter (possibly non-ASCII).
  size_t i = 0;
  UChar32 c = NextCodePoint(stem, &i);
  if (i == stem.size() && u_isupper(c)) return true;
  // Dotted acronyms and hyphenated initials: "U.S", "U.K", "J.-C", "J.-P".
  bool has_dot = false;
  bool ok = !stem.empty() && IsAsciiAlpha(stem.front());
  for (size_t k = 0; ok && k < stem.size(); ++k) {
    char ch = stem[k];
    if (ch == '.') {
      has_dot = true;
      if (k + 1 < stem.size() && stem[k + 1] == '.') ok = false;
    } else if (ch == '-') {
      if (k == 0 || stem[k - 1] != '.') ok = false;
    } else if (!IsAsciiAlpha(ch)) {
      ok = false;
    } else if (k > 0 && IsAsciiAlpha(stem[k - 1])) {
      ok = false;  // Single letters between dots only.
    }
  }
  if (ok && has_dot) return true;
  (void)IsAsciiUpper;
  return false;
}

// Appends the sentences of one line (`line` starts at byte `offset` of the
// text) to `out`.
void SplitLine(std::string_view line, size_t offset, icu::BreakIterator* bi,
               std::vector<Sentence>* out) {
  std::vector<size_t> bounds;  // Segment ends, relative to the line.
  if (bi != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, line.data(),
                               static_cast<int64_t>(line.size()), &status);
    if (U_SUCCESS(status)) {
      bi->setText(ut, status);
      if (U_SUCCESS(status)) {
        for (int32_t b = bi->next(); b != icu::BreakIterator::DONE;
             b = bi->next()) {
          bounds.push_back(static_cast<size_t>(b));
        }
      }
      // Detach the iterator from the UText before closing it.
      bi->setText(icu::UnicodeString());
    }
    utext_close(ut);
  }
  if (bounds.empty() || bounds.back() != line.size()) {
    bounds.push_back(line.size());
  }
  size_t seg_begin = 0;
  for (size_t k = 0; k < bounds.size(); ++k) {
    size_t seg_end = bounds[k];
    if (seg_end > line.size()) seg_end = line.size();
    std::string_view piece = TrimSpaces(line.substr(seg_begin, seg_end - seg_begin));
    bool last = k + 1 == bounds.size();
    if (!last && !piece.empty() && EndsWithAbbreviation(piece)) {
      continue;  // Merge with the next segment.
    }
    size_t b, e;
    TrimSpaceRange(line.substr(seg_begin, seg_end - seg_begin), &b, &e);
    if (e > b) {
      out->push_back(Sentence{offset + seg_begin + b, offset + seg_begin + e});
    }
    seg_begin = seg_end;
  }
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text,
                                     std::string_view lang) {
  std::vector<Sentence> out;
  icu::BreakIterator* bi = SentenceIterator(IcuLocale(lang));
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) SplitLine(text.substr(start, end - start), start, bi, &out);
    start = end + 1;
  }
  return out;
}

}  // namespace dossier::loaders
