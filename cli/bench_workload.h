// The graph `dossier bench` loads into both engines, as neo4j-admin CSV
// files in a work directory, with the fixed inputs of its queries.
//
// Three sources: the Graph500 Kronecker graph (graph/kronecker.h), one label
// `Node` and one type `E`; the news-shaped graph (graph/news_graph.h),
// seven labels and eleven types; or the user's own neo4j-admin files, rewritten
// into one node file per label and one relationship file per (type, start
// label, end label), the split Kùzu's COPY needs (a node table per label, a
// relationship table per type with one FROM/TO pair per file). Both engines
// load the same rewritten files, so they hold the same graph.
#ifndef DOSSIER_CLI_BENCH_WORKLOAD_H_
#define DOSSIER_CLI_BENCH_WORKLOAD_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::cli {

// A node file (header `id:ID`) whose rows all carry `label`.
struct BenchNodeFile {
  std::string path;
  std::string label;
};

// A relationship file (header `:START_ID,:END_ID`) whose rows all have type
// `type`, start nodes labelled `from` and end nodes labelled `to`.
struct BenchEdgeFile {
  std::string path;
  std::string type;
  std::string from;
  std::string to;
};

// A node named in a query: its `id` as a Cypher literal (`42` or `'x'`) and
// its label.
struct BenchNode {
  std::string literal;
  std::string label;
};

struct BenchWorkload {
  std::string title;  // One line naming the graph, for the report.
  uint64_t nodes = 0;
  uint64_t edges = 0;
  bool integer_ids = true;  // Else the ids are strings.
  std::vector<BenchNodeFile> node_files;
  std::vector<BenchEdgeFile> edge_files;
  std::vector<std::string> labels;  // Distinct, sorted.
  std::vector<std::string> types;   // Distinct, sorted.
  std::vector<BenchNode> seeds;     // Distinct nodes with out-degree > 0.
  // (out-degree > 0, in-degree > 0), distinct ends; repeats allowed.
  std::vector<std::pair<BenchNode, BenchNode>> pairs;
  double generate_seconds = 0;  // Generation or reading the user's files.
  double write_seconds = 0;     // Writing the CSV files of the work dir.
};

struct KroneckerWorkloadOptions {
  int scale = 16;
  int edge_factor = 16;
  uint64_t seed = 1;  // Of the generator and of the seeds and pairs.
  int seeds = 100;
  int pairs = 20;
};

// Generates the Kronecker graph and writes `dir`/nodes.csv and edges.csv.
// Errors: InvalidArgument for bad options or a graph without edges;
// Unavailable when a file cannot be written.
absl::StatusOr<BenchWorkload> MakeKroneckerWorkload(
    const KroneckerWorkloadOptions& options, const std::filesystem::path& dir);

struct CsvWorkloadOptions {
  std::string nodes_path;  // Header with an `:ID` column, optional `:LABEL`.
  std::string edges_path;  // `:START_ID`, `:END_ID`, optional `:TYPE`.
  uint64_t seed = 1;       // Of the seeds and pairs.
  int seeds = 100;
  int pairs = 20;
};

// Reads the user's files and writes the per-label and per-type files into
// `dir` (nodes_<i>.csv, edges_<i>.csv). Other columns are not carried over.
// A node without a label gets `Node`, one with several keeps its first; a
// relationship without a type gets `E`. The ids are integers when every id
// parses as a 64-bit integer, else strings.
// Errors: NotFound for a missing file; InvalidArgument (file:line) for a
// header without the columns above, a duplicate id, an endpoint that is not
// a node of the file, a label or type that is not a name
// ([A-Za-z_][A-Za-z0-9_]*), a file without relationships; Unavailable when
// a file cannot be written.
absl::StatusOr<BenchWorkload> ReadCsvWorkload(const CsvWorkloadOptions& options,
                                              const std::filesystem::path& dir);

struct NewsWorkloadOptions {
  int scale = 16;     // 2^scale nodes (graph/news_graph.h).
  uint64_t seed = 1;  // Of the generator and of the seeds and pairs.
  int seeds = 100;
  int pairs = 20;
};

// Generates the news-shaped graph of graph/news_graph.h, writes it as
// neo4j-admin files (`dir`/news-nodes.csv with `:LABEL`, news-edges.csv
// with `:TYPE`) and reads them back as ReadCsvWorkload does: one file per
// label and per (type, start label, end label) for both engines. Errors:
// as GenerateNewsGraph and ReadCsvWorkload.
absl::StatusOr<BenchWorkload> MakeNewsWorkload(
    const NewsWorkloadOptions& options, const std::filesystem::path& dir);

// `text` as a Cypher string literal in single quotes (both dialects).
std::string CypherString(std::string_view text);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_BENCH_WORKLOAD_H_
