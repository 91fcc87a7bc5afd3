#include "loaders/entities/tokens.h"

#include <unicode/uchar.h>

#include "graph/text_fold.h"
#include "loaders/entities/folded_text.h"

namespace dossier::loaders {
namespace {

// ICU's answers for one code point, computed inline for ASCII.
bool IsAlnum(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsAlpha(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

// Upper or title case.
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsNonSpacingMark(char32_t c) {
  if (c < 0x80) return false;
  return u_getIntPropertyValue(static_cast<UChar32>(c),
                               UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}

// FastFold(word), with FastFold's ASCII case (lower-case letters; a word
// holds no space, tab, line break or backtick there) written in place.
std::string FoldToken(std::string_view word) {
  std::string out(word.size(), '\0');
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80 || c == '`' || c == ' ' ||
        c == '\t' || c == '\n' || c == '\r') {
      return FastFold(word);
    }
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  size_t pos = begin;
  while (pos < end) {
    size_t start = pos;
    char32_t c = NextChar(text, &pos);
    if (!IsAlnum(c)) continue;
    Token t;
    t.begin = start;
    bool seen_lower = false, any_lower = false;
    int letters = 0;
    auto take = [&](char32_t ch) {
      if (IsDigit(ch)) t.digits = true;
      if (IsAlpha(ch)) {
        ++letters;
        bool up = IsUpper(ch);
        if (letters == 1) t.upper = up;
        if (up && seen_lower) t.camel = true;
        if (!up) seen_lower = any_lower = true;
      }
    };
    take(c);
    size_t last_end = pos;
    while (pos < end) {
      size_t p = pos;
      char32_t d = NextChar(text, &p);
      if (IsAlnum(d) || IsNonSpacingMark(d)) {
        take(d);
        pos = p;
        last_end = p;
        continue;
      }
      if ((d == '-' || d == '.' || d == '&' || d == '$') && p < end) {
        size_t q = p;
        char32_t e = NextChar(text, &q);
        if (IsAlnum(e)) {
          pos = p;
          continue;
        }
        if (d == '$') {  // "Lapsus$".
          pos = p;
          last_end = p;
        }
      }
      break;
    }
    pos = last_end;
    t.end = last_end;
    t.all_caps = letters >= 2 && !any_lower;
    t.folded = FoldToken(text.substr(t.begin, t.end - t.begin));
    out.push_back(std::move(t));
  }
  return out;
}

bool OnlySpaces(std::string_view text, size_t a, size_t b) {
  size_t pos = a;
  while (pos < b) {
    char32_t c = NextChar(text, &pos);
    if (!(c == ' ' || c == 0xA0 || c == 0x202F || c == '\t' || c == 0x2009)) {
      return false;
    }
  }
  return true;
}

}  // namespace dossier::loaders
