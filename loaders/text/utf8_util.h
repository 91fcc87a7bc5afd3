// Small UTF-8 helpers shared by the text layer.
#ifndef DOSSIER_LOADERS_TEXT_UTF8_UTIL_H_
#define DOSSIER_LOADERS_TEXT_UTF8_UTIL_H_

#include <cstddef>
#include <string_view>

#include <unicode/umachine.h>

namespace dossier::loaders {

// Decodes the code point starting at s[*i] and advances *i past it. An
// ill-formed sequence yields U+FFFD and advances at least one byte.
// REQUIRES: *i < s.size().
UChar32 NextCodePoint(std::string_view s, size_t* i);

// True for Unicode white space (including U+00A0, U+202F, U+3000), zero
// width space and the byte order mark.
bool IsUnicodeSpace(UChar32 c);

// Returns the [begin, end) byte range of `s` once leading and trailing
// Unicode white space is removed (begin == end when all of it is space).
void TrimSpaceRange(std::string_view s, size_t* begin, size_t* end);

// Returns `s` without leading and trailing Unicode white space.
std::string_view TrimSpaces(std::string_view s);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_UTF8_UTIL_H_
