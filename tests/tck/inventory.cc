// Inventory CSV reading.
#include "tests/tck/inventory.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tests/tck/text.h"

namespace dossier::tck {

std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

absl::StatusOr<Inventory> ParseInventory(std::string_view csv) {
  std::vector<std::string_view> lines;
  for (std::string_view l : Split(csv, '\n')) {
    if (!Strip(l).empty()) lines.push_back(l);
  }
  if (lines.empty()) return absl::InvalidArgumentError("empty inventory");
  std::vector<std::string> header = SplitCsvLine(lines[0]);
  int path_col = -1, wave_col = -1, total_col = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "path") path_col = static_cast<int>(i);
    if (header[i] == "wave") wave_col = static_cast<int>(i);
    if (header[i] == "expanded_total") total_col = static_cast<int>(i);
  }
  if (path_col < 0 || wave_col < 0 || total_col < 0) {
    return absl::InvalidArgumentError(
        "inventory header lacks path, wave or expanded_total");
  }
  Inventory inv;
  for (size_t l = 1; l < lines.size(); ++l) {
    std::vector<std::string> f = SplitCsvLine(lines[l]);
    if (static_cast<int>(f.size()) <= std::max({path_col, wave_col, total_col})) {
      return absl::InvalidArgumentError(
          absl::StrCat("inventory line ", l + 1, " is short"));
    }
    InventoryEntry e;
    e.path = f[path_col];
    e.wave = f[wave_col];
    if (!absl::SimpleAtoi(f[total_col], &e.expanded_total)) {
      return absl::InvalidArgumentError(
          absl::StrCat("inventory line ", l + 1, ": bad expanded_total"));
    }
    inv.emplace(e.path, e);
  }
  return inv;
}

absl::StatusOr<Inventory> ReadInventory(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", file));
  std::ostringstream text;
  text << in.rdbuf();
  return ParseInventory(text.str());
}

}  // namespace dossier::tck
