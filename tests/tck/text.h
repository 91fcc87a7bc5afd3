// Small std::string_view helpers for the TCK runner (Debian's Abseil has
// its own string_view, which std::string_view does not convert to).
#ifndef DOSSIER_TESTS_TCK_TEXT_H_
#define DOSSIER_TESTS_TCK_TEXT_H_

#include <string_view>
#include <vector>

namespace dossier::tck {

// `s` without leading and trailing ASCII whitespace.
inline std::string_view Strip(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Pieces of `s` between `sep` characters (empty pieces kept). Views into s.
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_TEXT_H_
