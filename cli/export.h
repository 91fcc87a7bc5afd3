// dossier export: the graph, or what a query returns, as jsonl, graphml,
// dot or csv.
#ifndef DOSSIER_CLI_EXPORT_H_
#define DOSSIER_CLI_EXPORT_H_

#include <string>
#include <vector>

#include "cli/commands.h"

namespace dossier::cli {

struct ExportArgs {
  DbOptions db;
  std::string format = "jsonl";  // jsonl, graphml, dot or csv.
  std::string out;    // File (jsonl/graphml/dot; empty: stdout) or folder (csv).
  std::string query;  // Empty: the whole graph.
  std::vector<std::string> params;  // name=JSON, as `query --param`.
};

// Runs the export; returns the exit code (0, 1 query/data error, 2 usage).
int RunExport(const ExportArgs& args);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_EXPORT_H_
