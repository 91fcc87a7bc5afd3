#include "loaders/read/utf8_check.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace dossier::loaders {

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF;  // Bounds of the second byte.
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // No overlongs.
      if (c == 0xED) hi = 0x9F;  // No surrogates.
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // No overlongs.
      if (c == 0xF4) hi = 0x8F;  // Nothing above U+10FFFF.
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

absl::Status CheckArticleBytes(std::string_view name, std::string_view bytes) {
  const std::string where(name);
  if (bytes.empty()) return absl::InvalidArgumentError(where + ": empty article");
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": binary file (NUL byte at offset ", nul, ")"));
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": invalid UTF-8 at byte offset ", bad));
  }
  return absl::OkStatus();
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  return bytes;
}

}  // namespace dossier::loaders
