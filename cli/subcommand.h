// Registration of `dossier` subcommands: each subcommand's file defines one
// registrar that adds its CLI11 options and returns how to run it; main.cc
// lists the registrars.
#ifndef DOSSIER_CLI_SUBCOMMAND_H_
#define DOSSIER_CLI_SUBCOMMAND_H_

#include <functional>

#include "CLI/CLI.hpp"
#include "cli/commands.h"

namespace dossier::cli {

struct Subcommand {
  CLI::App* cmd;
  // Runs the subcommand after parsing; returns the exit code.
  std::function<int()> run;
};

using Registrar = Subcommand (*)(CLI::App& app);

// Adds --db, and with `limits` also --timeout and --max-memory.
void AddDbOptions(CLI::App* cmd, DbOptions* o, bool limits);

Subcommand AddBuildCommand(CLI::App& app);
Subcommand AddQueryCommand(CLI::App& app);
Subcommand AddStatsCommand(CLI::App& app);
Subcommand AddSchemaCommand(CLI::App& app);
Subcommand AddExtractCommand(CLI::App& app);
Subcommand AddIngestCommand(CLI::App& app);
Subcommand AddImportCommand(CLI::App& app);
Subcommand AddBenchCommand(CLI::App& app);
Subcommand AddReplCommand(CLI::App& app);
Subcommand AddExportCommand(CLI::App& app);
Subcommand AddCheckCommand(CLI::App& app);
Subcommand AddEvalCommand(CLI::App& app);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_SUBCOMMAND_H_
