// Splitting a script into statements at `;`.
#ifndef DOSSIER_CLI_STATEMENTS_H_
#define DOSSIER_CLI_STATEMENTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier::cli {

// One statement of a script and the line it starts on (1-based).
struct ScriptStatement {
  std::string text;
  int line = 1;
};

// Splits `script` at semicolons outside string literals ('…', "…"),
// backtick names and comments (// …, /* … */). Blank statements are dropped.
std::vector<ScriptStatement> SplitStatements(std::string_view script);

// True when `text` ends (outside strings and comments) with a `;` — the
// REPL's test for a complete multi-line statement.
bool EndsStatement(std::string_view text);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_STATEMENTS_H_
