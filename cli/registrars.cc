// Registrars of the build, query, stats, schema, extract and ingest
// subcommands.
#include <memory>

#include "cli/subcommand.h"

namespace dossier::cli {

void AddDbOptions(CLI::App* cmd, DbOptions* o, bool limits) {
  cmd->add_option("--db", o->db,
                  "Database directory (default: $DOSSIER_DB, else ./dossier.db)");
  if (limits) {
    cmd->add_option("--timeout", o->timeout_seconds,
                    "Deadline of each statement in seconds; 0 lifts it")
        ->capture_default_str();
    cmd->add_option("--max-memory", o->max_memory,
                    "Memory budget of each statement (e.g. 512MiB); 0 lifts it")
        ->capture_default_str();
  }
}

Subcommand AddBuildCommand(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Load article files and folders (.txt .html .jsonl) into the database");
  AddDbOptions(cmd, &args->db, false);
  cmd->add_option("--lexicon", args->db.lexicons,
                  "An extra lexicon file (docs/lexicon.md); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("paths", args->paths, "Files and folders to load")->required();
  return {cmd, [args] { return RunBuild(*args); }};
}

Subcommand AddQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand(
      "query", "Run one statement, or a script of statements separated by ;");
  AddDbOptions(cmd, &args->db, true);
  cmd->add_option("statement", args->statement, "The statement to run");
  cmd->add_option("-f,--file", args->file,
                  "Run the statements of FILE (- reads stdin)");
  cmd->add_option("--format", args->format,
                  "table, csv, tsv, json, jsonl or markdown")
      ->capture_default_str();
  cmd->add_option("--param", args->params,
                  "A parameter: name=JSON value ($name in the query); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--timing", args->timing, "Print each statement's time to stderr");
  return {cmd, [args] { return RunQuery(*args); }};
}

Subcommand AddStatsCommand(CLI::App& app) {
  auto db = std::make_shared<DbOptions>();
  CLI::App* cmd =
      app.add_subcommand("stats", "Count nodes, relationships and articles");
  AddDbOptions(cmd, db.get(), true);
  return {cmd, [db] { return RunStats(*db); }};
}

Subcommand AddSchemaCommand(CLI::App& app) {
  auto db = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand(
      "schema", "List labels, relationship types and property keys with counts");
  AddDbOptions(cmd, db.get(), true);
  return {cmd, [db] { return RunSchema(*db); }};
}

Subcommand AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Print the facts of articles as JSON Lines (no database; see `ingest`)");
  cmd->add_option("--lexicon", args->lexicons, "An extra lexicon file; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("paths", args->paths, "Files and folders")->required();
  return {cmd, [args] { return RunExtract(*args); }};
}

Subcommand AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Load facts JSON Lines written by `extract` into the database");
  AddDbOptions(cmd, &args->db, false);
  cmd->add_option("files", args->files, "Facts files (- reads stdin)")->required();
  return {cmd, [args] { return RunIngest(*args); }};
}

}  // namespace dossier::cli
