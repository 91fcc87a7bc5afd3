#include "loaders/entities/folded_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "graph/text_fold.h"

namespace dossier::loaders {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || c == 0x202F || c == 0x2009 ||
         c == 0x2007 || c == 0x200A || c == 0x3000 || c == 0x2002 ||
         c == 0x2003;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// FoldKey of one non-ASCII code point, cached per thread.
const std::string& FoldCodePoint(char32_t c) {
  thread_local absl::flat_hash_map<char32_t, std::string> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::string utf8;
  AppendUtf8(c, &utf8);
  return cache.emplace(c, graph::FoldKey(utf8)).first->second;
}

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3
                                         : (b0 >> 3) == 30  ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    *pos = i + 1;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F)
                                                                 : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *pos = i + len;
  return c;
}

namespace {

// The folding loop shared by FoldWithOffsets and FastFold: calls
// emit(byte, original_begin, original_end) for each folded byte. ASCII
// bytes are folded inline; other code points through FoldCodePoint.
template <typename Emit>
void FoldCore(std::string_view text, Emit&& emit) {
  const size_t n = text.size();
  size_t pos = 0;
  bool last_space = true;  // Leading whitespace is dropped.
  while (pos < n) {
    size_t start = pos;
    unsigned char b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
      ++pos;
      // ' ', '\t', '\n', '\v', '\f', '\r' (IsSpace's ASCII members).
      if (b0 == ' ' || (b0 >= '\t' && b0 <= '\r')) {
        if (!last_space) emit(' ', start, pos);
        last_space = true;
        continue;
      }
      char b = static_cast<char>(b0);
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
      if (b == '`') b = '\'';
      emit(b, start, pos);
      last_space = false;
      continue;
    }
    char32_t c = DecodeUtf8(text, &pos);
    if (IsSpace(c)) {
      if (!last_space) emit(' ', start, pos);
      last_space = true;
      continue;
    }
    for (char b : FoldCodePoint(c)) emit(b, start, pos);
    last_space = false;
  }
}

}  // namespace

FoldedText FoldWithOffsets(std::string_view text) {
  FoldedText out;
  // Written by index into buffers sized for the common case (one folded
  // byte per original byte at most), grown when a fold expands.
  size_t cap = text.size() + 16;
  out.folded.resize(cap);
  out.begin.resize(cap);
  out.end.resize(cap);
  size_t k = 0;
  FoldCore(text, [&](char b, size_t start, size_t pos) {
    if (k == cap) {
      cap *= 2;
      out.folded.resize(cap);
      out.begin.resize(cap);
      out.end.resize(cap);
    }
    out.folded[k] = b;
    out.begin[k] = static_cast<uint32_t>(start);
    out.end[k] = static_cast<uint32_t>(pos);
    ++k;
  });
  out.folded.resize(k);
  out.begin.resize(k);
  out.end.resize(k);
  return out;
}

namespace {

// The nonspacing marks of one code point's NFD (đ/Đ give U+0111), cached
// per thread.
const std::u32string& MarksOf(char32_t c) {
  thread_local absl::flat_hash_map<char32_t, std::u32string> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::u32string marks;
  if (c == 0x0111 || c == 0x0110) {
    marks.push_back(0x0111);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString d;
    if (U_SUCCESS(status) && nfd != nullptr &&
        nfd->getDecomposition(static_cast<UChar32>(c), d)) {
      for (int32_t i = 0; i < d.length(); i = d.moveIndex32(i, 1)) {
        UChar32 m = d.char32At(i);
        if (u_getIntPropertyValue(m, UCHAR_GENERAL_CATEGORY) ==
            U_NON_SPACING_MARK) {
          marks.push_back(static_cast<char32_t>(m));
        }
      }
    } else if (u_getIntPropertyValue(static_cast<UChar32>(c),
                                     UCHAR_GENERAL_CATEGORY) ==
               U_NON_SPACING_MARK) {
      marks.push_back(c);
    }
  }
  return cache.emplace(c, std::move(marks)).first->second;
}

// Per word, its sorted marks; words separated by U+0020.
std::u32string MarkSignature(std::string_view s, bool* any) {
  std::u32string out, word;
  size_t pos = 0;
  auto flush = [&] {
    std::sort(word.begin(), word.end());
    out += word;
    out.push_back(U' ');
    word.clear();
  };
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (c == ' ' || c == '-' || c == '\'' || c == 0x2019) {
      flush();
      continue;
    }
    if (c < 0x80) continue;
    const std::u32string& m = MarksOf(c);
    if (!m.empty()) *any = true;
    word += m;
  }
  flush();
  return out;
}

}  // namespace

bool SameDiacritics(std::string_view a, std::string_view b) {
  bool any_a = false, any_b = false;
  std::u32string sa = MarkSignature(a, &any_a);
  std::u32string sb = MarkSignature(b, &any_b);
  if (!any_a || !any_b) return true;
  return sa == sb;
}

bool HasDiacritics(std::string_view s) {
  bool any = false;
  MarkSignature(s, &any);
  return any;
}

std::string FastFold(std::string_view text) {
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '`' || c == '\t' ||
        c == '\n' || c == '\r') {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.reserve(text.size());
    bool pending = false;
    for (char c : text) {
      if (c == ' ') {
        pending = !out.empty();
        continue;
      }
      if (pending) out.push_back(' ');
      pending = false;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  out.reserve(text.size());
  FoldCore(text, [&](char b, size_t, size_t) { out.push_back(b); });
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {
bool IsWordChar(char32_t c) {
  if (c < 0x80) {  // u_isalnum's answer for ASCII, without the call.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c));
}
}  // namespace

bool AlnumBefore(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t p = i;
  return IsWordChar(DecodeUtf8(s, &p));
}

bool AlnumAfter(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  size_t p = pos;
  return IsWordChar(DecodeUtf8(s, &p));
}

}  // namespace dossier::loaders
