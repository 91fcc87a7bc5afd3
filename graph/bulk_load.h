// BulkLoad: `dossier import` — nodes and relationships from CSV files in the
// layout of `neo4j-admin database import`, written as sorted SST files and
// ingested into the Store's column families in one atomic step.
//
// Headers (first record of each file): `:ID` or `name:ID` with an optional
// ID space `:ID(Org)`, `:LABEL` (array-delimiter-separated), `:START_ID(..)`,
// `:END_ID(..)`, `:TYPE`, `name:type` with type int, long, short, byte,
// float, double, boolean, string, char (default string) or an array of one of
// them (`long[]`, array-delimiter-separated), and `:IGNORE`. A `name:ID`
// column is also stored as property `name` (string, or integer with
// IdType::kInteger). An empty unquoted field is an absent property; `""` is
// the empty string; an empty element of a non-string array is null. Every
// property key of a header is named in the catalog, even when the column
// holds no value. In a
// node file without a `:LABEL` column, a last column headed exactly
// `labels:string[]` (what `export --format csv` writes) holds further labels.
//
// Every key and record has the layout the Store writes (graph/key_codec.h,
// graph/records.h): nodes, edges, out, in, label and prop index families and
// the node/edge counters; new catalog names go through Store::GetOrCreate
// only once the files are complete. Imported nodes get no alias entries
// (entity resolution is for articles). Ids continue after the database's
// existing ones; `:START_ID`/`:END_ID` refer to nodes of this import. The Csr
// is not written: the Store builds it from `out` at the first traversal.
//
// Atomicity: SST files are written under <db>/import.tmp and ingested with
// one IngestExternalFiles call (all families or none). Any error before
// that, including a bad row without skip_bad_rows, leaves the database as it
// was (a database directory created by this call is removed again).
//
// Thread safety: call from one thread; the database must not be open in
// this process, nor for writing in another.
#ifndef DOSSIER_GRAPH_BULK_LOAD_H_
#define DOSSIER_GRAPH_BULK_LOAD_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::graph {

// One input file: `FILE` or `Name=FILE`. For nodes, Name gives labels
// (`A:B=FILE` gives two) added to every row; for relationships, the type of
// rows without a `:TYPE` column.
struct BulkInput {
  std::string path;
  std::string name;
  // Parses the command-line form `[Name=]FILE`.
  static BulkInput Parse(std::string_view arg);
};

struct BulkLoadOptions {
  char delimiter = ',';
  char array_delimiter = ';';
  // Report and skip a bad row (unknown :START_ID, wrong type, unbalanced
  // quote, wrong field count, duplicate :ID) instead of failing the import.
  bool skip_bad_rows = false;
  // How a named `:ID` column is stored as a property; with kInteger the ids
  // must be integers (the ID space is then numeric: "07" and "7" are one id).
  enum class IdType { kString, kInteger };
  IdType id_type = IdType::kString;
  // Bad-row messages kept in the report (all are counted).
  int max_reported_bad_rows = 100;
  // Called now and then with (bytes read, total bytes) of the input files,
  // always from the calling thread.
  std::function<void(uint64_t, uint64_t)> progress;
  // Threads that parse one relationship file (0: one per core), each a
  // range of whole lines at least min_range_bytes long. A file holding a
  // quote character is read on one thread (a quoted field may span lines).
  // The database written is the same for any value.
  int threads = 0;
  uint64_t min_range_bytes = uint64_t{1} << 20;
};

struct BulkLoadReport {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t bad_rows = 0;
  std::map<std::string, uint64_t> nodes_by_label;
  std::map<std::string, uint64_t> relationships_by_type;
  std::vector<std::string> bad_row_messages;  // "file:line:col: why"
  uint64_t input_bytes = 0;
  double read_seconds = 0;    // Parsing and writing the sorted SST files.
  double ingest_seconds = 0;  // IngestExternalFiles.
  double total_seconds = 0;
};

// Imports `nodes` then `relationships` into the database at `db_path`
// (created when missing).
// Errors: InvalidArgument for a bad header or (without skip_bad_rows) the
// first bad row, with file:line:column; NotFound for a missing file;
// FailedPrecondition for a directory that is not a Dossier database;
// Unavailable when another process writes it; ResourceExhausted past
// 4,294,967,295 nodes or relationships in one import or 65,536 relationship
// types; storage errors from RocksDB.
absl::StatusOr<BulkLoadReport> BulkLoad(
    std::string_view db_path, const std::vector<BulkInput>& nodes,
    const std::vector<BulkInput>& relationships,
    const BulkLoadOptions& options = {});

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_BULK_LOAD_H_
