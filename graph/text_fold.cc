#include "graph/text_fold.h"

#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace dossier::graph {
namespace {

// NFD, drop nonspacing marks, fold case, map the letters that carry no
// combining mark (đ, ł, ø, æ, œ, ß), unify quotes and dashes, NFC.
constexpr const char* kFoldRules =
    "::NFD; ::[:Nonspacing Mark:] Remove; ::Any-Lower; "
    "đ > d; Đ > d; ł > l; Ł > l; ø > o; Ø > o; æ > ae; Æ > ae; œ > oe; "
    "Œ > oe; ß > ss; "
    "[\\u2018\\u2019\\u201B\\u02BC\\u0060\\u00B4] > \\'; "
    "[\\u201C\\u201D\\u00AB\\u00BB] > \\\"; "
    "[\\u2010-\\u2015\\u2212] > \\-; ::NFC;";

icu::Transliterator* ThreadFolder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createFromRules(
            "dossier-fold", icu::UnicodeString::fromUTF8(kFoldRules),
            UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return folder.get();
}

std::string CollapseSpaces(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                 c == '\f' || c == '\v';
    // U+00A0 (C2 A0) and U+202F (E2 80 AF) are spaces too.
    if (c == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0xAF) {
      space = true;
      i += 2;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string NormalizeNfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_FAILURE(status) || nfc == nullptr) return std::string(text);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string FoldKey(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (icu::Transliterator* t = ThreadFolder()) {
    t->transliterate(u);
  } else {
    u.foldCase();
  }
  std::string out;
  u.toUTF8String(out);
  return CollapseSpaces(out);
}

}  // namespace dossier::graph
