// The queries of `dossier bench` in Dossier's and Kùzu's dialects, and the
// Kùzu schema and COPY statements of a workload (cli/bench_workload.h).
#ifndef DOSSIER_CLI_BENCH_QUERIES_H_
#define DOSSIER_CLI_BENCH_QUERIES_H_

#include <string>
#include <vector>

#include "cli/bench_workload.h"

namespace dossier::cli {

// One query in both dialects. A run executes all statements in order; the
// deadline covers them together.
struct BenchQuery {
  std::string name;
  std::string what;
  std::vector<std::string> dossier;
  std::vector<std::string> kuzu;
};

// The traversal query set (docs/benchmarks.md): lookup, hop1, reach2,
// reach3, paths13, shortest, by_type, top10. A label or type is written in
// a pattern when the workload has exactly one (else the pattern is
// unlabelled); lookup, paths13 and shortest name their nodes' own labels.
// REQUIRES: w.seeds is not empty.
std::vector<BenchQuery> TraversalQueries(const BenchWorkload& w);

// Kùzu's schema: a node table per label (`id` INT64 or STRING primary key)
// and a relationship table per type with the FROM/TO pairs of its files.
std::vector<std::string> KuzuSchema(const BenchWorkload& w);

// Kùzu's COPY statement per file of the workload, nodes first.
std::vector<std::string> KuzuCopies(const BenchWorkload& w);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_BENCH_QUERIES_H_
