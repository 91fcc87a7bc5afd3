// dossier: build a knowledge graph from news articles and query it.
#include <iostream>

#include "CLI/CLI.hpp"
#include "cli/commands.h"

namespace {

using namespace dossier::cli;

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "dossier — builds a knowledge graph of who accused, sanctioned or "
      "banned whom from news articles, and answers Cypher-like queries over "
      "it."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dossier 0.1.0");

  BuildArgs build;
  CLI::App* build_cmd = app.add_subcommand(
      "build", "Load article files and folders (.txt .html .jsonl) into the database");
  AddDbOptions(build_cmd, &build.db, false);
  build_cmd->add_option("--lexicon", build.db.lexicons,
                        "An extra lexicon file (docs/lexicon.md); repeatable")
      ->allow_extra_args(false);
  build_cmd->add_option("paths", build.paths, "Files and folders to load")
      ->required();

  QueryArgs query;
  CLI::App* query_cmd = app.add_subcommand(
      "query", "Run one statement, or a script of statements separated by ;");
  AddDbOptions(query_cmd, &query.db, true);
  query_cmd->add_option("statement", query.statement, "The statement to run");
  query_cmd->add_option("-f,--file", query.file,
                        "Run the statements of FILE (- reads stdin)");
  query_cmd->add_option("--format", query.format,
                        "table, csv, tsv, json, jsonl or markdown")
      ->capture_default_str();
  query_cmd->add_option("--param", query.params,
                        "A parameter: name=JSON value ($name in the query); repeatable")
      ->allow_extra_args(false);
  query_cmd->add_flag("--timing", query.timing,
                      "Print each statement's time to stderr");

  DbOptions stats;
  CLI::App* stats_cmd =
      app.add_subcommand("stats", "Count nodes, relationships and articles");
  AddDbOptions(stats_cmd, &stats, true);

  DbOptions schema;
  CLI::App* schema_cmd = app.add_subcommand(
      "schema", "List labels, relationship types and property keys with counts");
  AddDbOptions(schema_cmd, &schema, true);

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract",
      "Print the facts of articles as JSON Lines (no database; see `ingest`)");
  extract_cmd->add_option("--lexicon", extract.lexicons,
                          "An extra lexicon file; repeatable")
      ->allow_extra_args(false);
  extract_cmd->add_option("paths", extract.paths, "Files and folders")->required();

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Load facts JSON Lines written by `extract` into the database");
  AddDbOptions(ingest_cmd, &ingest.db, false);
  ingest_cmd->add_option("files", ingest.files, "Facts files (- reads stdin)")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*build_cmd) return RunBuild(build);
  if (*query_cmd) return RunQuery(query);
  if (*stats_cmd) return RunStats(stats);
  if (*schema_cmd) return RunSchema(schema);
  if (*extract_cmd) return RunExtract(extract);
  if (*ingest_cmd) return RunIngest(ingest);
  return kExitUsage;
}
