#include "cli/statements.h"

namespace dossier::cli {
namespace {

bool IsBlank(std::string_view s) {
  // Blank: only whitespace and comments.
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (s.substr(i, 2) == "//") {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (s.substr(i, 2) == "/*") {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else {
      return false;
    }
  }
  return true;
}

// Scans `script`, calling on_semicolon(position) for each top-level `;`.
template <typename Fn>
void Scan(std::string_view script, Fn on_semicolon) {
  size_t i = 0;
  while (i < script.size()) {
    char c = script[i];
    if (c == '\'' || c == '"' || c == '`') {
      ++i;
      while (i < script.size() && script[i] != c) {
        if (script[i] == '\\' && c != '`') ++i;
        ++i;
      }
      ++i;
    } else if (script.substr(i, 2) == "//") {
      while (i < script.size() && script[i] != '\n') ++i;
    } else if (script.substr(i, 2) == "/*") {
      size_t end = script.find("*/", i + 2);
      i = end == std::string_view::npos ? script.size() : end + 2;
    } else {
      if (c == ';') on_semicolon(i);
      ++i;
    }
  }
}

}  // namespace

std::vector<ScriptStatement> SplitStatements(std::string_view script) {
  std::vector<ScriptStatement> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    std::string_view piece = script.substr(start, end - start);
    if (!IsBlank(piece)) {
      int line = 1;
      for (size_t k = 0; k < start; ++k) line += script[k] == '\n';
      // Count the leading blank lines of the piece too.
      size_t lead = 0;
      while (lead < piece.size() &&
             (piece[lead] == '\n' || piece[lead] == ' ' || piece[lead] == '\t' ||
              piece[lead] == '\r')) {
        line += piece[lead] == '\n';
        ++lead;
      }
      out.push_back({std::string(piece.substr(lead)), line});
    }
  };
  Scan(script, [&](size_t pos) {
    emit(pos);
    start = pos + 1;
  });
  emit(script.size());
  return out;
}

bool EndsStatement(std::string_view text) {
  size_t last = std::string_view::npos;
  Scan(text, [&](size_t pos) { last = pos; });
  if (last == std::string_view::npos) return false;
  return IsBlank(text.substr(last + 1));
}

}  // namespace dossier::cli
