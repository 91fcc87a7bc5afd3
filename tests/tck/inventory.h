// The TCK inventory (tck/inventory.csv): the wave and the expected scenario
// count of each feature file.
#ifndef DOSSIER_TESTS_TCK_INVENTORY_H_
#define DOSSIER_TESTS_TCK_INVENTORY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::tck {

// One row of inventory.csv.
struct InventoryEntry {
  std::string path;     // relative to features/, e.g. "clauses/match/Match1.feature"
  std::string wave;     // "wave1", "wave2", "wave3" or "out-of-scope"
  int expanded_total = 0;  // scenarios once outlines are expanded
};

// Inventory rows keyed by path.
using Inventory = std::map<std::string, InventoryEntry, std::less<>>;

// Parses the CSV text (header `path,feature,wave,…,expanded_total,…`;
// fields may be double-quoted). Errors: InvalidArgument when the header
// lacks the path, wave or expanded_total column.
absl::StatusOr<Inventory> ParseInventory(std::string_view csv);

// Reads and parses a file. Errors: NotFound, or as ParseInventory.
absl::StatusOr<Inventory> ReadInventory(const std::string& file);

// Splits one CSV line into fields (RFC 4180 quoting, no embedded newlines).
std::vector<std::string> SplitCsvLine(std::string_view line);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_INVENTORY_H_
