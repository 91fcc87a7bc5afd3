// The subcommands of `dossier`. Each returns the process exit code:
// 0 success, 1 query or data error, 2 usage error.
#ifndef DOSSIER_CLI_COMMANDS_H_
#define DOSSIER_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "dossier/database.h"

namespace dossier::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

// Options every database command takes.
struct DbOptions {
  std::string db;  // --db; empty: $DOSSIER_DB, else ./dossier.db.
  std::vector<std::string> lexicons;
  double timeout_seconds = 60;        // --timeout; 0 lifts it.
  std::string max_memory = "4GiB";    // --max-memory; 0 lifts it.
};

// The database directory the options name (DESIGN §6 order).
std::string ResolveDbPath(const DbOptions& o);

// Opens the database with the options' limits.
absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(const DbOptions& o,
                                                       bool read_only,
                                                       bool create);

// Prints "error: <status message>" to stderr and returns kExitError.
int ReportError(const absl::Status& status);

struct BuildArgs {
  DbOptions db;
  std::vector<std::string> paths;
};
int RunBuild(const BuildArgs& args);

struct QueryArgs {
  DbOptions db;
  std::string statement;
  std::string file;  // -f FILE, "-" for stdin.
  std::string format = "table";
  std::vector<std::string> params;
  bool timing = false;
};
int RunQuery(const QueryArgs& args);

int RunStats(const DbOptions& db);
int RunSchema(const DbOptions& db);

struct ExtractArgs {
  std::vector<std::string> paths;
  std::vector<std::string> lexicons;
};
int RunExtract(const ExtractArgs& args);

struct IngestArgs {
  DbOptions db;
  std::vector<std::string> files;  // "-" for stdin.
};
int RunIngest(const IngestArgs& args);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_COMMANDS_H_
