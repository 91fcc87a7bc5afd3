#include "loaders/text/language.h"

#include <climits>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

namespace dossier::loaders {

std::string DetectLanguage(std::string_view text) {
  // CLD2 takes an int length; a prefix of a few hundred kilobytes decides
  // the language of any article.
  constexpr size_t kMaxBytes = 256 * 1024;
  size_t len = text.size() < kMaxBytes ? text.size() : kMaxBytes;
  // Do not cut a UTF-8 sequence in two.
  while (len > 0 && len < text.size() &&
         (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80) {
    --len;
  }
  // CLD2 answers "en" when it sees no letters at all; that is "und".
  int letters = 0;
  for (size_t i = 0; i < len && letters < 3; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
    if (c >= 0xC3) ++letters;  // Lead byte of a non-ASCII letter, usually.
  }
  if (letters < 3) return "und";
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(len), /*is_plain_text=*/true, &reliable,
      &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "und";
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr || std::strcmp(code, "un") == 0) return "und";
  return code;
}

bool IsSupportedLanguage(std::string_view lang) {
  return lang == "fr" || lang == "vi" || lang == "en";
}

}  // namespace dossier::loaders
