#include <cstdlib>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/commands.h"

namespace dossier::cli {
namespace {

// Parses "4GiB", "512MiB", "1000000", "0".
absl::StatusOr<uint64_t> ParseBytes(const std::string& text) {
  std::string digits = text;
  uint64_t scale = 1;
  for (auto [suffix, mult] : {std::pair{"KiB", 1ull << 10}, {"MiB", 1ull << 20},
                              {"GiB", 1ull << 30}, {"TiB", 1ull << 40},
                              {"K", 1ull << 10},   {"M", 1ull << 20},
                              {"G", 1ull << 30}}) {
    std::string s = suffix;
    if (digits.size() > s.size() &&
        digits.compare(digits.size() - s.size(), s.size(), s) == 0) {
      digits.resize(digits.size() - s.size());
      scale = mult;
      break;
    }
  }
  uint64_t n = 0;
  if (!absl::SimpleAtoi(digits, &n)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--max-memory: not a size: '", text, "'"));
  }
  return n * scale;
}

}  // namespace

std::string ResolveDbPath(const DbOptions& o) {
  if (!o.db.empty()) return o.db;
  if (const char* env = std::getenv("DOSSIER_DB"); env != nullptr && *env) {
    return env;
  }
  return "./dossier.db";
}

absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(const DbOptions& o,
                                                       bool read_only,
                                                       bool create) {
  DatabaseOptions options;
  options.read_only = read_only;
  options.create_if_missing = create;
  options.lexicons = o.lexicons;
  if (o.timeout_seconds < 0) {
    return absl::InvalidArgumentError("--timeout must be 0 or more seconds");
  }
  options.timeout = o.timeout_seconds == 0 ? absl::InfiniteDuration()
                                           : absl::Seconds(o.timeout_seconds);
  absl::StatusOr<uint64_t> mem = ParseBytes(o.max_memory);
  if (!mem.ok()) return mem.status();
  options.max_memory_bytes = *mem;
  return Database::Open(ResolveDbPath(o), options);
}

int ReportError(const absl::Status& status) {
  std::cerr << "error: " << status.message() << "\n";
  return kExitError;
}

}  // namespace dossier::cli
