// dossier: build a knowledge graph from news articles and query it.
#include <iostream>

#include "CLI/CLI.hpp"
#include "cli/commands.h"
#include "cli/subcommand.h"

int main(int argc, char** argv) {
  using namespace dossier::cli;
  CLI::App app{
      "dossier — builds a knowledge graph of who accused, sanctioned or "
      "banned whom from news articles, and answers Cypher-like queries over "
      "it."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dossier 0.1.0");

  // One registrar per subcommand, in the order `--help` lists them.
  const Registrar registrars[] = {
      &AddBuildCommand,  &AddQueryCommand,   &AddStatsCommand,
      &AddSchemaCommand, &AddExtractCommand, &AddIngestCommand,
      &AddImportCommand,
      &AddBenchCommand,
      &AddReplCommand,
      &AddExportCommand,
      &AddCheckCommand,
      &AddEvalCommand,
  };
  std::vector<Subcommand> commands;
  for (Registrar r : registrars) commands.push_back(r(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const Subcommand& c : commands) {
    if (c.cmd->parsed()) return c.run();
  }
  return kExitUsage;
}
