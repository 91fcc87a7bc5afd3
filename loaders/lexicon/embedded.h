// The default lexicons, compiled into the library from loaders/lexicon/*.tsv
// (see embed_lexicons.cmake and docs/lexicon.md).
#ifndef DOSSIER_LOADERS_LEXICON_EMBEDDED_H_
#define DOSSIER_LOADERS_LEXICON_EMBEDDED_H_

#include <span>
#include <string_view>

namespace dossier::loaders {

// One embedded lexicon file: its file name and its whole content.
struct EmbeddedLexicon {
  std::string_view name;
  std::string_view content;
};

// Returns the embedded lexicon files, sorted by name. The views live for the
// whole program.
std::span<const EmbeddedLexicon> EmbeddedLexicons();

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_LEXICON_EMBEDDED_H_
