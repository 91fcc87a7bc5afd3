// dossier repl: its registrar, the libedit line reader, history, completion
// and Ctrl-C.
#include "cli/repl.h"

#include <editline/readline.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>

#include "cli/repl_session.h"
#include "cli/subcommand.h"

namespace dossier::cli {
namespace {

// The session that Ctrl-C and completion act on (one per process).
ReplSession* g_session = nullptr;
std::atomic<std::atomic<bool>*> g_cancel{nullptr};
// Set by SIGINT; tells an interrupted readline() from Ctrl-D.
std::atomic<bool> g_interrupted{false};

// SIGINT: only flips atomics (the running statement's cancel flag).
void OnInterrupt(int) {
  g_interrupted.store(true);
  if (std::atomic<bool>* c = g_cancel.load()) c->store(true);
}

void InstallInterruptHandler() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof(sa));
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
}

std::vector<std::string> g_matches;
size_t g_match_index = 0;

char* NextMatch(const char*, int state) {
  if (state == 0) g_match_index = 0;
  if (g_match_index >= g_matches.size()) return nullptr;
  return strdup(g_matches[g_match_index++].c_str());
}

char** CompleteHook(const char* text, int start, int end) {
  rl_attempted_completion_over = 1;  // Never complete file names.
  if (g_session == nullptr) return nullptr;
  std::string before = g_session->buffer();
  if (!before.empty()) before += "\n";
  before.append(rl_line_buffer, static_cast<size_t>(end));
  size_t word_start = WordStart(before);
  CompletionContext context = ContextAt(before, word_start);
  g_matches = Completions(context, std::string_view(before).substr(word_start),
                          g_session->vocabulary());
  rl_completion_append_character =
      g_matches.size() == 1 && g_matches[0].ends_with("(") ? '\0' : ' ';
  if (g_matches.empty()) return nullptr;
  return rl_completion_matches(text, NextMatch);
}

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr && *home ? home : ".") +
         "/.dossier_history";
}

// Opens for writing when possible; read-only when another process writes.
absl::StatusOr<std::unique_ptr<Database>> OpenForRepl(const DbOptions& o) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      OpenDatabase(o, /*read_only=*/false, /*create=*/false);
  if (absl::IsUnavailable(db.status())) {
    return OpenDatabase(o, /*read_only=*/true, /*create=*/false);
  }
  return db;
}

int RunInteractive(ReplSession& session) {
  static char word_breaks[] = " \t\n()[]{},.:;$=<>+-*/%|\"'`!^";
  rl_readline_name = "dossier";
  rl_attempted_completion_function = CompleteHook;
  rl_completer_word_break_characters = word_breaks;
  rl_basic_word_break_characters = word_breaks;
  rl_catch_signals = 0;
  std::string history = HistoryPath();
  using_history();
  stifle_history(2000);
  read_history(history.c_str());
  std::cout << "dossier repl: statements end with ';'. :help for help, "
               ":quit to leave.\n";
  while (true) {
    g_interrupted = false;
    char* raw = readline(session.pending() ? "     -> " : "dossier> ");
    if (raw == nullptr && g_interrupted) {
      // Ctrl-C at the prompt drops the statement being typed.
      std::cout << "^C\n";
      session.Discard();
      continue;
    }
    if (raw == nullptr) {  // Ctrl-D.
      std::cout << "\n";
      break;
    }
    std::string line(raw);
    std::free(raw);
    if (line.find_first_not_of(" \t") != std::string::npos) {
      add_history(line.c_str());
      write_history(history.c_str());
    }
    if (!session.Feed(line)) break;
  }
  session.Finish();
  return kExitOk;
}

int RunScript(ReplSession& session) {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!session.Feed(line)) return session.errors() ? kExitError : kExitOk;
  }
  session.Finish();
  return session.errors() ? kExitError : kExitOk;
}

}  // namespace

Subcommand AddReplCommand(CLI::App& app) {
  auto args = std::make_shared<ReplArgs>();
  CLI::App* cmd = app.add_subcommand(
      "repl",
      "Interactive Cypher shell (history, completion, :help); runs a script "
      "from stdin when it is not a terminal");
  AddDbOptions(cmd, &args->db, true);
  cmd->add_option("--format", args->format,
                  "table, csv, tsv, json, jsonl or markdown")
      ->capture_default_str();
  return {cmd, [args] { return RunRepl(*args); }};
}

int RunRepl(const ReplArgs& args) {
  std::optional<Format> format = ParseFormat(args.format);
  if (!format) {
    std::cerr << "error: unknown --format '" << args.format
              << "' (table, csv, tsv, json, jsonl, markdown)\n";
    return kExitUsage;
  }
  absl::StatusOr<std::unique_ptr<Database>> db = OpenForRepl(args.db);
  if (!db.ok()) return ReportError(db.status());
  bool terminal = isatty(STDIN_FILENO) != 0;
  ReplSettings settings;
  settings.format = *format;
  settings.timing = terminal;
  settings.color = terminal && isatty(STDERR_FILENO) != 0;
  ReplSession session(**db, settings, std::cout, std::cerr);
  g_session = &session;
  g_cancel.store(&session.cancel_flag());
  InstallInterruptHandler();
  int code = terminal ? RunInteractive(session) : RunScript(session);
  g_cancel.store(nullptr);
  g_session = nullptr;
  return code;
}

}  // namespace dossier::cli
