// dossier check: verifies a database (graph/check.h) and prints each
// problem. Exit 0 only when everything is consistent.
#include <iostream>
#include <memory>

#include "cli/subcommand.h"
#include "graph/check.h"
#include "graph/store.h"

namespace dossier::cli {
namespace {

int RunCheck(const DbOptions& o) {
  const std::string path = ResolveDbPath(o);
  graph::StoreOptions options;
  options.read_only = true;  // Never writes, and runs beside a build.
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<graph::Store>> store =
      graph::Store::Open(path, options);
  if (!store.ok()) {
    std::cerr << "error: " << store.status().message() << "\n"
              << "check: " << path << " cannot be opened\n";
    return kExitError;
  }
  absl::StatusOr<graph::CheckReport> report = graph::CheckStore(**store);
  if (!report.ok()) return ReportError(report.status());
  std::cout << "checked " << path << ": " << report->nodes << " nodes, "
            << report->edges << " relationships, " << report->label_entries
            << " label, " << report->prop_entries << " property, "
            << report->adjacency_entries << " adjacency, "
            << report->alias_entries << " alias and " << report->docs_entries
            << " article index entries\n";
  for (const std::string& p : report->problems) std::cout << p << "\n";
  if (report->ok()) {
    std::cout << "consistent: checksums, catalog, indexes and adjacency\n";
    return kExitOk;
  }
  if (report->problem_count > static_cast<int64_t>(report->problems.size())) {
    std::cout << "... and "
              << report->problem_count - report->problems.size()
              << " more\n";
  }
  std::cout << report->problem_count << " problem(s) found\n";
  return kExitError;
}

}  // namespace

Subcommand AddCheckCommand(CLI::App& app) {
  auto db = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Verify a database: checksums, catalog, indexes and adjacency (exit 0 "
      "only when all is consistent)");
  AddDbOptions(cmd, db.get(), false);
  return {cmd, [db] { return RunCheck(*db); }};
}

}  // namespace dossier::cli
