// Text folding for keys: the one normaliser behind every name lookup.
//
// FoldKey turns a surface form into the key the alias index and entity keys
// use: NFC, Unicode case folding, diacritics removed (including đ/Đ → d),
// typographic apostrophes and dashes unified (’ → ', – → -), runs of
// whitespace collapsed to one space, leading/trailing space trimmed.
// "États-Unis" and "etats-unis" fold alike; "Bắc Kinh" → "bac kinh".
//
// Thread safety: safe to call from any thread (one ICU transliterator per
// thread).
#ifndef DOSSIER_GRAPH_TEXT_FOLD_H_
#define DOSSIER_GRAPH_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace dossier::graph {

// Returns the folded key of `text` (valid or invalid UTF-8; invalid bytes
// become U+FFFD first).
std::string FoldKey(std::string_view text);

// Returns `text` in Unicode NFC (invalid bytes become U+FFFD).
std::string NormalizeNfc(std::string_view text);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_TEXT_FOLD_H_
