#include "query/parse/error_format.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace dossier::query {

namespace {

// Returns the text of 1-based line `line` of `query` (without its end).
std::string_view LineText(std::string_view query, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = query.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = query.find('\n', start);
  if (end == std::string_view::npos) end = query.size();
  std::string_view text = query.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string FormatQueryError(std::string_view query, const SourceSpan& at,
                             std::string_view error_type,
                             std::string_view detail,
                             std::string_view message) {
  std::string out(error_type);
  out.append(": ").append(detail).append(": ").append(message);
  if (at.line == 0) return out;
  absl::StrAppend(&out, " (line ", at.line, ", column ", at.column, ")");
  std::string_view line = LineText(query, at.line);
  out.append("\n").append(line).append("\n");
  // Walk code points of the line up to the column, copying tabs.
  uint32_t col = 1;
  for (size_t i = 0; i < line.size() && col < at.column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // Continuation byte.
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  for (; col < at.column; ++col) out += ' ';
  out += '^';
  return out;
}

absl::Status QueryError(std::string_view query, const SourceSpan& at,
                        std::string_view error_type, std::string_view detail,
                        std::string_view message) {
  return absl::InvalidArgumentError(
      FormatQueryError(query, at, error_type, detail, message));
}

absl::Status SyntaxError(std::string_view query, const SourceSpan& at,
                         std::string_view detail, std::string_view message) {
  return QueryError(query, at, "SyntaxError", detail, message);
}

}  // namespace dossier::query
