// Fuzz target: query text -> AST or a clear InvalidArgument error
// (query/parse/parser.h). Never a crash, whatever the bytes (invalid UTF-8,
// NUL bytes, deep nesting).
#include <string_view>

#include "query/parse/parser.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto statement = dossier::query::ParseStatement(text);
  if (!statement.ok()) {
    DOSSIER_FUZZ_CHECK(statement.status().code() ==
                       absl::StatusCode::kInvalidArgument);
    DOSSIER_FUZZ_CHECK(!statement.status().message().empty());
  }
  return 0;
}
