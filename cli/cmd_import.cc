// dossier import: bulk load of neo4j-admin CSV files (graph/bulk_load.h).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/subcommand.h"
#include "graph/bulk_load.h"

namespace dossier::cli {
namespace {

struct ImportArgs {
  DbOptions db;
  std::vector<std::string> nodes;
  std::vector<std::string> relationships;
  std::string delimiter = ",";
  std::string array_delimiter = ";";
  std::string id_type = "string";
  bool skip_bad_rows = false;
  int threads = 0;
};

// A one-byte delimiter; "\t" and "TAB" name the tab.
bool ParseDelimiter(const std::string& text, char* out) {
  if (text == "\\t" || text == "TAB" || text == "\t") {
    *out = '\t';
    return true;
  }
  if (text.size() != 1 || text[0] == '"' || text[0] == '\n' ||
      text[0] == '\r') {
    return false;
  }
  *out = text[0];
  return true;
}

int RunImport(const ImportArgs& args) {
  graph::BulkLoadOptions options;
  if (!ParseDelimiter(args.delimiter, &options.delimiter) ||
      !ParseDelimiter(args.array_delimiter, &options.array_delimiter)) {
    std::cerr << "error: a delimiter is one byte (not a quote or a line "
                 "break); \\t names the tab\n";
    return kExitUsage;
  }
  if (args.id_type != "string" && args.id_type != "integer") {
    std::cerr << "error: --id-type is string or integer\n";
    return kExitUsage;
  }
  if (args.nodes.empty()) {
    std::cerr << "error: give at least one --nodes file\n";
    return kExitUsage;
  }
  options.id_type = args.id_type == "integer"
                        ? graph::BulkLoadOptions::IdType::kInteger
                        : graph::BulkLoadOptions::IdType::kString;
  options.skip_bad_rows = args.skip_bad_rows;
  if (args.threads < 0) {
    std::cerr << "error: --threads is 0 (one per core) or more\n";
    return kExitUsage;
  }
  options.threads = args.threads;
  const bool tty = isatty(STDERR_FILENO);
  if (tty) {
    options.progress = [](uint64_t done, uint64_t total) {
      const int width = 30;
      int filled = total > 0 ? static_cast<int>(width * done / total) : width;
      std::fprintf(stderr, "\r[%s%s] %.1f / %.1f MB\x1b[K",
                   std::string(filled, '#').c_str(),
                   std::string(width - filled, ' ').c_str(), done / 1e6,
                   total / 1e6);
    };
  }
  std::vector<graph::BulkInput> nodes, rels;
  for (const std::string& a : args.nodes) nodes.push_back(graph::BulkInput::Parse(a));
  for (const std::string& a : args.relationships) {
    rels.push_back(graph::BulkInput::Parse(a));
  }
  const std::string path = ResolveDbPath(args.db);
  absl::StatusOr<graph::BulkLoadReport> report =
      graph::BulkLoad(path, nodes, rels, options);
  if (tty) std::cerr << "\r\x1b[K";
  if (!report.ok()) return ReportError(report.status());
  for (const std::string& m : report->bad_row_messages) {
    std::cerr << "skipped: " << m << "\n";
  }
  if (report->bad_rows > report->bad_row_messages.size()) {
    std::cerr << "skipped: " << report->bad_rows - report->bad_row_messages.size()
              << " more bad rows\n";
  }
  std::cout << "label\tnodes\n";
  for (const auto& [label, n] : report->nodes_by_label) {
    std::cout << label << "\t" << n << "\n";
  }
  std::cout << "type\trelationships\n";
  for (const auto& [type, n] : report->relationships_by_type) {
    std::cout << type << "\t" << n << "\n";
  }
  std::printf(
      "imported %llu nodes and %llu relationships into %s; %llu bad rows "
      "skipped; %.2f s (%.1f MB read; parse and sort %.2f s, ingest %.2f s)\n",
      static_cast<unsigned long long>(report->nodes),
      static_cast<unsigned long long>(report->relationships), path.c_str(),
      static_cast<unsigned long long>(report->bad_rows), report->total_seconds,
      report->input_bytes / 1e6, report->read_seconds, report->ingest_seconds);
  return kExitOk;
}

}  // namespace

Subcommand AddImportCommand(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Bulk load nodes and relationships from neo4j-admin import CSV files");
  AddDbOptions(cmd, &args->db, false);
  cmd->add_option("--nodes", args->nodes,
                  "[Label[:Label]=]FILE of nodes (header :ID, name:type, "
                  ":LABEL); repeatable")
      ->allow_extra_args(true);
  cmd->add_option("--relationships", args->relationships,
                  "[TYPE=]FILE of relationships (header :START_ID, :END_ID, "
                  ":TYPE, name:type); repeatable")
      ->allow_extra_args(true);
  cmd->add_option("--delimiter", args->delimiter, "Field delimiter (one byte)")
      ->capture_default_str();
  cmd->add_option("--array-delimiter", args->array_delimiter,
                  "Delimiter of array values and of :LABEL")
      ->capture_default_str();
  cmd->add_option("--id-type", args->id_type,
                  "How a named :ID column is stored: string or integer")
      ->capture_default_str();
  cmd->add_flag("--skip-bad-rows", args->skip_bad_rows,
                "Report and skip bad rows instead of failing the import");
  cmd->add_option("--threads", args->threads,
                  "Threads that read one relationship file (0: one per "
                  "core); the database written is the same for any number")
      ->capture_default_str();
  return {cmd, [args] { return RunImport(*args); }};
}

}  // namespace dossier::cli
