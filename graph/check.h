// CheckStore: verifies a database against itself (`dossier check`).
//
// Checks, each on one snapshot:
//   checksums  every block of every SST file (DB::VerifyChecksum);
//   records    every node and relationship record decodes;
//   catalog    every label, type and property key id used by a record is in
//              the catalog; the id counters lie above every id in use;
//   indexes    label index <-> node labels and property index <-> node
//              properties (both directions); out <-> in <-> relationship
//              records, both endpoints existing; alias and docs entries
//              pointing at existing nodes (an alias at a node of its label);
//   adjacency  the Csr the store builds holds exactly the stored
//              relationships, in both directions.
// Each problem found is one line in CheckReport::problems.
#ifndef DOSSIER_GRAPH_CHECK_H_
#define DOSSIER_GRAPH_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"

namespace dossier::graph {

struct CheckReport {
  // What was read.
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t label_entries = 0;
  int64_t prop_entries = 0;
  int64_t adjacency_entries = 0;  // out and in together
  int64_t alias_entries = 0;
  int64_t docs_entries = 0;
  // One line per problem ("<area>: <what>"), at most kMaxListed of them;
  // problem_count counts them all.
  static constexpr size_t kMaxListed = 1000;
  std::vector<std::string> problems;
  int64_t problem_count = 0;

  bool ok() const { return problem_count == 0; }
};

// Checks `store` (open read-only or read-write). Problems in the data are
// reported in the CheckReport, not as errors. Errors: only when the check
// itself cannot run (a RocksDB I/O error other than detected corruption).
// Memory: holds the expected index keys of the whole database.
absl::StatusOr<CheckReport> CheckStore(Store& store);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_CHECK_H_
