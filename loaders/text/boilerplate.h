// Boilerplate removal for news articles in French, Vietnamese and English.
//
// The cleaner works on lines (a line is a paragraph in the text the readers
// produce). It drops what the annotation guidelines call boilerplate:
// subscription and login prompts, cookie banners, share-button rows,
// "lire aussi / xem thêm / đọc thêm / read also / related" teasers, photo
// credits and the captions they sign, comment prompts and moderation notices,
// bylines and "Publié le" lines, newsletter sign-ups, "click here" promotions,
// copyright and translation notices, one-word interface residue ("×",
// "Fermer", "menu"), exact repeats of an earlier line (a title printed twice),
// and the tail that follows a closing marker ("Réagir à cet article", "Đừng
// bỏ lỡ", "Related articles") in the second half of the text, together with
// the related-article card printed just before it. Every rule is a general
// pattern of the news family; none names a site.
#ifndef DOSSIER_LOADERS_TEXT_BOILERPLATE_H_
#define DOSSIER_LOADERS_TEXT_BOILERPLATE_H_

#include <string>
#include <string_view>

namespace dossier::loaders {

// Returns `text` without its boilerplate: the kept lines, each trimmed of
// surrounding white space (including U+00A0 and other Unicode spaces) and of
// a leading list bullet, joined by single '\n' (no empty lines, no trailing
// newline). '\r' line ends are accepted. The result is a subsequence of the
// input's lines, so every kept character appears in `text`. Returns "" when
// nothing is left. REQUIRES: `text` is valid UTF-8.
std::string RemoveBoilerplate(std::string_view text);

// True when the single trimmed `line` is boilerplate on its own, whatever
// its neighbours (the line-level rules of RemoveBoilerplate). Exposed for
// tests and diagnostics.
bool IsBoilerplateLine(std::string_view line);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_BOILERPLATE_H_
