// Word tokens of a text span, with the capitalisation facts the cue-based
// recogniser needs.
#ifndef DOSSIER_LOADERS_ENTITIES_TOKENS_H_
#define DOSSIER_LOADERS_ENTITIES_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier::loaders {

// One word: letters/digits, with inner '-', '.', '&', '\'' kept when a letter
// or digit follows ("Storm-0558", "Jean-Luc", "U.S").
struct Token {
  size_t begin = 0;  // Byte offsets in the whole text.
  size_t end = 0;
  std::string folded;     // graph::FoldKey of the token.
  bool upper = false;     // First letter is upper case.
  bool all_caps = false;  // Two or more letters, none lower case.
  bool camel = false;     // An upper-case letter after a lower-case one.
  bool digits = false;    // Holds a digit.
};

// Tokenises text[begin, end).
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);

// True when text[a, b) holds only spaces.
bool OnlySpaces(std::string_view text, size_t a, size_t b);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_ENTITIES_TOKENS_H_
