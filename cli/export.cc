// dossier export: its registrar and driver.
#include "cli/export.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/export_formats.h"
#include "cli/export_graph.h"
#include "cli/params.h"
#include "cli/subcommand.h"

namespace dossier::cli {

Subcommand AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the graph (or what --query returns) as jsonl, graphml, dot or csv");
  AddDbOptions(cmd, &args->db, true);
  cmd->add_option("--format", args->format, "jsonl, graphml, dot or csv")
      ->capture_default_str();
  cmd->add_option("--out", args->out,
                  "Output file (default: stdout); for csv, an output folder "
                  "(required)");
  cmd->add_option("--query", args->query,
                  "Export only the nodes, relationships and paths this "
                  "statement returns");
  cmd->add_option("--param", args->params,
                  "A parameter of --query: name=JSON value; repeatable")
      ->allow_extra_args(false);
  return {cmd, [args] { return RunExport(*args); }};
}

int RunExport(const ExportArgs& args) {
  const std::string& f = args.format;
  if (f != "jsonl" && f != "graphml" && f != "dot" && f != "csv") {
    std::cerr << "error: unknown --format '" << f
              << "' (jsonl, graphml, dot, csv)\n";
    return kExitUsage;
  }
  if (f == "csv" && args.out.empty()) {
    std::cerr << "error: --format csv needs --out DIR\n";
    return kExitUsage;
  }
  ValueMap params;
  for (const std::string& p : args.params) {
    if (absl::Status s = AddParam(p, &params); !s.ok()) {
      std::cerr << "error: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  absl::StatusOr<std::unique_ptr<Database>> db =
      OpenDatabase(args.db, /*read_only=*/true, /*create=*/false);
  if (!db.ok()) return ReportError(db.status());
  ExecuteOptions options;
  options.read_only = true;
  absl::StatusOr<ExportGraph> graph =
      args.query.empty()
          ? ReadWholeGraph(**db, options)
          : ReadQueryGraph(**db, args.query, params, options);
  if (!graph.ok()) return ReportError(graph.status());

  if (f == "csv") {
    absl::Status s = WriteCsv(*graph, args.out);
    return s.ok() ? kExitOk : ReportError(s);
  }
  std::ofstream file;
  if (!args.out.empty()) {
    file.open(args.out, std::ios::binary);
    if (!file) {
      std::cerr << "error: cannot write " << args.out << "\n";
      return kExitError;
    }
  }
  std::ostream& out = args.out.empty() ? std::cout : file;
  if (f == "jsonl") {
    WriteJsonl(*graph, out);
  } else if (f == "graphml") {
    WriteGraphml(*graph, out);
  } else {
    WriteDot(*graph, out);
  }
  out.flush();
  if (!out) {
    std::cerr << "error: cannot write "
              << (args.out.empty() ? "stdout" : args.out) << "\n";
    return kExitError;
  }
  return kExitOk;
}

}  // namespace dossier::cli
