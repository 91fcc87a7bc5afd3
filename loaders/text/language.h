// Language identification with CLD2.
#ifndef DOSSIER_LOADERS_TEXT_LANGUAGE_H_
#define DOSSIER_LOADERS_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dossier::loaders {

// Returns the ISO 639-1 code of the main language of `text` ("fr", "vi",
// "en", or any other code CLD2 knows, such as "de" or "zh"), or "und" when
// CLD2 cannot tell (too little text, only digits). Whether a language is
// supported is the caller's decision. Invalid UTF-8 is tolerated (the
// answer is then "und"). Thread-safe.
std::string DetectLanguage(std::string_view text);

// True for the languages the loaders extract relations from: fr, vi, en.
bool IsSupportedLanguage(std::string_view lang);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_LANGUAGE_H_
