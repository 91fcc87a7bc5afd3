// What `dossier repl` learns about the database through queries: the
// completion vocabulary, `:schema` and `:stats`.
#ifndef DOSSIER_CLI_REPL_SCHEMA_H_
#define DOSSIER_CLI_REPL_SCHEMA_H_

#include <ostream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/render.h"
#include "cli/repl_complete.h"
#include "dossier/database.h"

namespace dossier::cli {

// Reads the labels, relationship types and property keys in use (the
// `params` field stays empty). Errors: as Database::Execute.
absl::StatusOr<Vocabulary> LoadVocabulary(Database& db,
                                          const ExecuteOptions& options);

// Prints three tables in `format`: labels with node counts, relationship
// types with counts and the labels they connect, property keys with where
// they appear. Errors: as Database::Execute.
absl::Status PrintSchema(Database& db, const ExecuteOptions& options,
                         Format format, std::ostream& out);

// Prints the counts of nodes, relationships and articles.
absl::Status PrintStats(Database& db, const ExecuteOptions& options,
                        Format format, std::ostream& out);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_REPL_SCHEMA_H_
