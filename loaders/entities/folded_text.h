// Folded text with a byte map back to the original: the gazetteer matches
// over graph::FoldKey's folding, then reports offsets in the original text.
#ifndef DOSSIER_LOADERS_ENTITIES_FOLDED_TEXT_H_
#define DOSSIER_LOADERS_ENTITIES_FOLDED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::loaders {

// `text` folded code point by code point with graph::FoldKey (runs of
// whitespace become one space), and for each folded byte the original code
// point's [begin, end).
struct FoldedText {
  std::string folded;
  std::vector<uint32_t> begin;  // Per folded byte: original begin offset.
  std::vector<uint32_t> end;    // Per folded byte: original end offset.

  // Original [begin, end) of the folded range [fb, fe). REQUIRES: fb < fe.
  uint32_t OriginalBegin(size_t fb) const { return begin[fb]; }
  uint32_t OriginalEnd(size_t fe) const { return end[fe - 1]; }
};

// Folds `text` (UTF-8; invalid bytes fold like U+FFFD). Thread-safe.
FoldedText FoldWithOffsets(std::string_view text);

// True when the code point ending at folded[pos) (before) or starting at
// folded[pos] (after) is a letter or a digit.
bool AlnumBefore(std::string_view folded, size_t pos);
bool AlnumAfter(std::string_view folded, size_t pos);

// True when `a` and `b` carry the same diacritics word by word (the
// nonspacing marks of each word's NFD, and đ/Đ), whatever their order
// inside the word ("hoà" and "hòa" agree; "bị" and "Bỉ", "hàng" and "hãng"
// do not). A side written without any diacritic agrees with everything
// (unaccented writing). Thread-safe.
bool SameDiacritics(std::string_view a, std::string_view b);

// True when `s` carries a diacritic (a nonspacing mark in NFD, or đ/Đ).
bool HasDiacritics(std::string_view s);

// graph::FoldKey of `text`, computed code point by code point with a cache
// (the same result for NFC text, without a transliterator per call).
std::string FastFold(std::string_view text);

// Decodes the code point at text[*pos], advancing *pos; invalid bytes give
// U+FFFD and advance by one.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// DecodeUtf8 with its ASCII case inline (the tokenizers' hot loop).
inline char32_t NextChar(std::string_view text, size_t* pos) {
  const unsigned char b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  return DecodeUtf8(text, pos);
}

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_FOLDED_TEXT_H_
