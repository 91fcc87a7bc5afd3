// dossier repl: an interactive Cypher shell (libedit) over a database; with
// stdin not a terminal it runs the script it reads, without prompts.
#ifndef DOSSIER_CLI_REPL_H_
#define DOSSIER_CLI_REPL_H_

#include <string>

#include "cli/commands.h"

namespace dossier::cli {

struct ReplArgs {
  DbOptions db;
  std::string format = "table";  // The initial :format.
};

// Runs the session. Returns 0, or in script mode 1 when a statement failed;
// 2 on a usage error.
int RunRepl(const ReplArgs& args);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_REPL_H_
