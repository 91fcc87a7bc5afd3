#include "loaders/text/utf8_util.h"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::loaders {

UChar32 NextCodePoint(std::string_view s, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos,
          static_cast<int32_t>(s.size()), c);
  if (pos <= static_cast<int32_t>(*i)) pos = static_cast<int32_t>(*i) + 1;
  *i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

bool IsUnicodeSpace(UChar32 c) {
  // ASCII White_Space is U+0009..U+000D and U+0020: no ICU call for it.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xFEFF || c == 0x200B || u_isUWhiteSpace(c);
}

void TrimSpaceRange(std::string_view s, size_t* begin, size_t* end) {
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!IsUnicodeSpace(NextCodePoint(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<uint8_t>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    size_t probe = start;
    UChar32 c = NextCodePoint(s, &probe);
    if (probe != e || !IsUnicodeSpace(c)) break;
    e = start;
  }
  *begin = b;
  *end = e;
}

std::string_view TrimSpaces(std::string_view s) {
  size_t b, e;
  TrimSpaceRange(s, &b, &e);
  return s.substr(b, e - b);
}

}  // namespace dossier::loaders
