// Database: an embedded Dossier graph.
//
//   auto db = dossier::Database::Open("news.db");
//   if (!db.ok()) return db.status();
//   auto report = (*db)->LoadPaths({"articles/"});
//   auto rows = (*db)->Execute(
//       "MATCH (a)-[r:ACCUSES]->(b) RETURN a.name, r.kind, b.name");
//
// Errors are absl::Status values; no exception crosses this API.
// Thread safety: a Database may be used from several threads at once;
// write statements and loads serialise on the database's writer lock.
#ifndef DOSSIER_DATABASE_H_
#define DOSSIER_DATABASE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "dossier/result.h"
#include "dossier/value.h"

namespace dossier {

struct DatabaseOptions {
  // Open without writing (another process may be writing). Default false.
  bool read_only = false;
  // Create the database when the directory holds none. Default true.
  bool create_if_missing = true;
  // fsync every commit (durable across power loss, slower). Default false:
  // commits survive a process crash but not an OS crash.
  bool sync = false;
  // Default deadline of every statement. Default: none.
  absl::Duration timeout = absl::InfiniteDuration();
  // Default memory budget of every statement in bytes; 0 (default) = none.
  uint64_t max_memory_bytes = 0;
  // Extra lexicon files (docs/lexicon.md) used when loading articles.
  std::vector<std::string> lexicons;
  // Block cache of the store in bytes. Default 64 MiB; more keeps more of a
  // large graph in memory between statements.
  uint64_t cache_bytes = 64ull << 20;
};

// Per-statement overrides of the database defaults.
struct ExecuteOptions {
  absl::Duration timeout = absl::InfiniteDuration();  // Infinite: default.
  uint64_t max_memory_bytes = 0;                      // 0: the default.
  const std::atomic<bool>* cancel = nullptr;  // Stops the statement when set.
  bool read_only = false;                     // Refuse write clauses.
  // Produce the rows of a read-only statement as the Result's Next() asks
  // for them, without holding them all (see dossier::Result). Statements
  // that write, EXPLAIN and PROFILE run to their end anyway. Execute() then
  // reports the errors met up to the first row; later ones end the Result
  // (Result::status()). The timeout counts until the last row is read.
  bool stream = false;
};

class Database;

// A statement checked once and run many times with different parameters:
//
//   auto ps = db->Prepare("MATCH (s:State {name: $name}) RETURN s.iso2");
//   for (const char* n : {"China", "France"})
//     auto r = ps->Execute({{"name", dossier::Value::String(n)}});
//
// Prepare() reports syntax errors once; each Execute() plans against the
// data of that moment. Thread safety: Execute() may be called from several
// threads at once. REQUIRES: the Database outlives the statement.
class PreparedStatement {
 public:
  // Runs the statement with `params`. Errors: as Database::Execute.
  absl::StatusOr<Result> Execute(const ValueMap& params = {},
                                 const ExecuteOptions& options = {}) const;
  // The statement's text.
  const std::string& text() const { return text_; }

 private:
  friend class Database;
  PreparedStatement(Database* db, std::string text)
      : db_(db), text_(std::move(text)) {}
  Database* db_;
  std::string text_;
};

// What a load did.
struct LoadReport {
  int64_t articles_loaded = 0;
  int64_t articles_already_present = 0;
  int64_t articles_failed = 0;
  int64_t entities_created = 0;
  int64_t relations_written = 0;
  int64_t bytes_read = 0;
  // One line per skipped file or line: "path[:line]: reason".
  std::vector<std::string> problems;
};

// Called after each article or file with (files done, files total, path).
using ProgressFn = std::function<void(int64_t, int64_t, std::string_view)>;

class Database {
 public:
  // Opens (or creates) the database in directory `path`.
  // Errors: NotFound (no database and not creating), FailedPrecondition
  // (another format version, not a Dossier database), Unavailable (another
  // process is writing it: open read_only), DataLoss (damaged).
  static absl::StatusOr<std::unique_ptr<Database>> Open(
      std::string_view path, const DatabaseOptions& options = {});

  ~Database();

  // Runs one statement with `params` ($name). Errors: InvalidArgument with
  // "<ErrorType>: <Detail>: message" (line, column and a caret for errors in
  // the text); DeadlineExceeded, ResourceExhausted, Cancelled for limits.
  absl::StatusOr<Result> Execute(std::string_view statement,
                                 const ValueMap& params = {},
                                 const ExecuteOptions& options = {});

  // Checks `statement` (syntax) and returns it ready to run many times.
  // Errors: InvalidArgument as Execute, with line, column and caret.
  absl::StatusOr<PreparedStatement> Prepare(std::string_view statement);

  // Loads article files and folders (.txt, .html, .htm, .jsonl; folders
  // recursively). A bad file is reported in the LoadReport and skipped.
  // Errors only when the database cannot be written.
  absl::StatusOr<LoadReport> LoadPaths(std::span<const std::string> paths,
                                       const ProgressFn& progress = nullptr);

  // Loads one article given as bytes; `path` names it (its extension picks
  // the reader) and is stored on the Article node.
  absl::StatusOr<LoadReport> LoadArticle(std::string_view path,
                                         std::string_view bytes);

  // Ingests facts JSON Lines (the output of `dossier extract`, format in
  // docs/formats.md) held in `bytes`; `name` names them in problems
  // ("name:line: reason"). Each line is one article and one atomic batch; a
  // bad line is reported and skipped. Errors only when the database cannot
  // be written.
  absl::StatusOr<LoadReport> IngestFactsLines(std::string_view name,
                                              std::string_view bytes);

  // The directory of the database.
  const std::string& path() const;

  struct Impl;

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_DATABASE_H_
