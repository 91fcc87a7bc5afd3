#include "query/values/errors.h"

#include <string>

namespace dossier::query {

absl::Status QueryError(std::string_view type, std::string_view detail,
                        std::string_view message) {
  std::string text;
  text.reserve(type.size() + detail.size() + message.size() + 4);
  text.append(type).append(": ").append(detail).append(": ").append(message);
  return absl::InvalidArgumentError(text);
}

absl::Status TypeError(std::string_view detail, std::string_view message) {
  return QueryError(kTypeError, detail, message);
}
absl::Status ArgumentError(std::string_view detail, std::string_view message) {
  return QueryError(kArgumentError, detail, message);
}
absl::Status ArithmeticError(std::string_view detail,
                             std::string_view message) {
  return QueryError(kArithmeticError, detail, message);
}
absl::Status SyntaxError(std::string_view detail, std::string_view message) {
  return QueryError(kSyntaxError, detail, message);
}
absl::Status SemanticError(std::string_view detail, std::string_view message) {
  return QueryError(kSemanticError, detail, message);
}

namespace {

bool IsName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<QueryErrorName> ParseQueryError(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kInvalidArgument) return std::nullopt;
  std::string_view msg(status.message().data(), status.message().size());
  size_t a = msg.find(": ");
  if (a == std::string_view::npos) return std::nullopt;
  size_t b = msg.find(": ", a + 2);
  std::string_view type = msg.substr(0, a);
  std::string_view detail = b == std::string_view::npos
                                ? msg.substr(a + 2)
                                : msg.substr(a + 2, b - a - 2);
  if (!IsName(type) || !IsName(detail)) return std::nullopt;
  return QueryErrorName{std::string(type), std::string(detail)};
}

}  // namespace dossier::query
