// ReplSession: the state of one `dossier repl` session — the statement
// being typed, the settings changed by meta commands, parameters and the
// completion vocabulary — independent of how lines are read.
//
// Thread safety: one thread feeds lines; any thread (or a signal handler)
// may set cancel_flag().
#ifndef DOSSIER_CLI_REPL_SESSION_H_
#define DOSSIER_CLI_REPL_SESSION_H_

#include <atomic>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/render.h"
#include "cli/repl_complete.h"
#include "dossier/database.h"

namespace dossier::cli {

struct ReplSettings {
  Format format = Format::kTable;
  bool timing = true;  // Print each statement's time after its rows.
  bool color = false;  // Colour errors (terminals only).
};

class ReplSession {
 public:
  // `db`, `out` and `err` must outlive the session.
  ReplSession(Database& db, ReplSettings settings, std::ostream& out,
              std::ostream& err);

  // Takes one input line. A line starting with ':' outside a statement is a
  // meta command; other lines add to the statement, which runs once it ends
  // with ';'. Returns false when the session should end (:quit).
  bool Feed(std::string_view line);

  // Runs what is left of an unfinished statement (end of a script).
  void Finish();

  // Drops the statement being typed (Ctrl-C at the prompt).
  void Discard() { buffer_.clear(); }

  // True while a statement is being continued over several lines.
  bool pending() const { return !buffer_.empty(); }
  // The statement typed so far (earlier lines of a multi-line statement).
  const std::string& buffer() const { return buffer_; }

  // The names completion offers; reloaded on first use after a write.
  const Vocabulary& vocabulary();

  // Set (e.g. by a SIGINT handler) to stop the running statement.
  std::atomic<bool>& cancel_flag() { return cancel_; }

  // Statements and meta commands that failed so far.
  int errors() const { return errors_; }

 private:
  bool MetaCommand(std::string_view line);
  void RunStatement(const std::string& text);
  void ReportError(std::string_view message);
  ExecuteOptions Options();

  Database& db_;
  ReplSettings settings_;
  std::ostream& out_;
  std::ostream& err_;
  std::string buffer_;
  ValueMap params_;
  Vocabulary vocabulary_;
  bool vocabulary_stale_ = true;
  std::atomic<bool> cancel_{false};
  int errors_ = 0;
};

// The text of :help.
extern const char kReplHelp[];

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_REPL_SESSION_H_
