#include "cli/repl_session.h"

#include <chrono>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/params.h"
#include "cli/repl_schema.h"
#include "cli/statements.h"

namespace dossier::cli {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

}  // namespace

const char kReplHelp[] =
    "Statements end with ';' and may span several lines. Meta commands:\n"
    "  :help                 this text\n"
    "  :schema               labels, relationship types (with the labels they\n"
    "                        connect) and property keys, with counts\n"
    "  :stats                counts of nodes, relationships and articles\n"
    "  :format NAME          table, csv, tsv, json, jsonl or markdown\n"
    "  :timing on|off        print each statement's time\n"
    "  :param NAME VALUE     set $NAME to a JSON value (a bare word is a string)\n"
    "  :params               list the parameters\n"
    "  :quit                 leave (also :exit and Ctrl-D)\n"
    "Tab completes keywords, functions, labels after ':' in (…), types after\n"
    "':' in […], property keys after '.'. Ctrl-C cancels the running "
    "statement,\nor drops the line being typed.\n";

ReplSession::ReplSession(Database& db, ReplSettings settings,
                         std::ostream& out, std::ostream& err)
    : db_(db), settings_(settings), out_(out), err_(err) {}

ExecuteOptions ReplSession::Options() {
  ExecuteOptions o;
  o.cancel = &cancel_;
  return o;
}

void ReplSession::ReportError(std::string_view message) {
  ++errors_;
  out_.flush();
  if (settings_.color) err_ << "\033[31m";
  err_ << "error: " << message;
  if (settings_.color) err_ << "\033[0m";
  err_ << "\n";
}

const Vocabulary& ReplSession::vocabulary() {
  if (vocabulary_stale_) {
    absl::StatusOr<Vocabulary> v = LoadVocabulary(db_, Options());
    if (v.ok()) {
      vocabulary_ = std::move(*v);
      vocabulary_stale_ = false;
    }
  }
  vocabulary_.params.clear();
  for (const auto& [name, value] : params_) vocabulary_.params.push_back(name);
  return vocabulary_;
}

bool ReplSession::Feed(std::string_view line) {
  if (buffer_.empty()) {
    std::string_view trimmed = Trim(line);
    if (trimmed.empty()) return true;
    if (trimmed[0] == ':') return MetaCommand(trimmed);
  } else {
    buffer_ += "\n";
  }
  buffer_.append(line);
  if (EndsStatement(buffer_)) {
    std::string text = std::move(buffer_);
    buffer_.clear();
    for (const ScriptStatement& s : SplitStatements(text)) RunStatement(s.text);
  }
  return true;
}

void ReplSession::Finish() {
  if (buffer_.empty()) return;
  std::string text = std::move(buffer_);
  buffer_.clear();
  for (const ScriptStatement& s : SplitStatements(text)) RunStatement(s.text);
}

bool ReplSession::MetaCommand(std::string_view line) {
  std::string_view rest = line.substr(1);
  size_t sp = rest.find_first_of(" \t");
  std::string command(rest.substr(0, sp));
  std::string arg;
  if (sp != std::string_view::npos) {
    arg = std::string(Trim(rest.substr(sp)));
  }
  if (command == "quit" || command == "exit" || command == "q") return false;
  if (command == "help" || command == "h" || command == "?") {
    out_ << kReplHelp;
  } else if (command == "schema") {
    cancel_ = false;
    if (absl::Status s = PrintSchema(db_, Options(), settings_.format, out_);
        !s.ok()) {
      ReportError(Message(s));
    }
  } else if (command == "stats") {
    cancel_ = false;
    if (absl::Status s = PrintStats(db_, Options(), settings_.format, out_);
        !s.ok()) {
      ReportError(Message(s));
    }
  } else if (command == "format") {
    std::optional<Format> f = ParseFormat(arg);
    if (!f) {
      ReportError(absl::StrCat("unknown format '", arg,
                               "' (table, csv, tsv, json, jsonl, markdown)"));
    } else {
      settings_.format = *f;
    }
  } else if (command == "timing") {
    if (arg == "on" || arg == "off") {
      settings_.timing = arg == "on";
    } else {
      ReportError("usage: :timing on|off");
    }
  } else if (command == "param") {
    size_t space = arg.find_first_of(" \t=");
    if (arg.empty() || space == std::string::npos) {
      ReportError("usage: :param NAME VALUE");
    } else {
      std::string assignment =
          arg.substr(0, space) + "=" +
          std::string(Trim(std::string_view(arg).substr(space + 1)));
      if (absl::Status s = AddParam(assignment, &params_); !s.ok()) {
        ReportError(Message(s));
      }
    }
  } else if (command == "params") {
    for (const auto& [name, value] : params_) {
      out_ << "$" << name << " = " << value.DebugString() << "\n";
    }
  } else {
    ReportError(absl::StrCat("unknown command ':", command, "' (see :help)"));
  }
  return true;
}

void ReplSession::RunStatement(const std::string& text) {
  cancel_ = false;
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<Result> r = db_.Execute(text, params_, Options());
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  if (!r.ok()) {
    if (absl::IsCancelled(r.status())) {
      ReportError(absl::StrFormat("cancelled after %.1f ms", ms));
    } else {
      ReportError(Message(r.status()));
    }
    return;
  }
  if (!r->plan().empty()) out_ << r->plan() << "\n";
  bool summary = settings_.format == Format::kTable ||
                 settings_.format == Format::kMarkdown;
  if (!r->columns().empty()) {
    if (absl::Status s = Render(*r, settings_.format, out_, false); !s.ok()) {
      ReportError(Message(s));
      return;
    }
  }
  const Stats& st = r->stats();
  bool wrote = st.nodes_created || st.nodes_deleted ||
               st.relationships_created || st.relationships_deleted ||
               st.properties_set || st.properties_removed || st.labels_added ||
               st.labels_removed;
  if (wrote) {
    vocabulary_stale_ = true;
    if (summary) {
      out_ << "nodes +" << st.nodes_created << " -" << st.nodes_deleted
           << ", relationships +" << st.relationships_created << " -"
           << st.relationships_deleted << ", properties set "
           << st.properties_set << ", labels +" << st.labels_added << " -"
           << st.labels_removed << "\n";
    }
  }
  if (summary) {
    std::string line = absl::StrCat(r->size(), r->size() == 1 ? " row" : " rows");
    if (settings_.timing) {
      const Timing& t = r->timing();
      absl::StrAppend(&line, absl::StrFormat(
                                 " (%.1f ms: parse %.1f, plan %.1f, execute %.1f)",
                                 ms, t.parse_ms, t.plan_ms, t.execute_ms));
    }
    out_ << line << "\n";
  } else if (settings_.timing) {
    const Timing& t = r->timing();
    err_ << absl::StrFormat(
        "time: %.1f ms (parse %.1f ms, plan %.1f ms, execute %.1f ms)\n", ms,
        t.parse_ms, t.plan_ms, t.execute_ms);
  }

  out_.flush();
}

}  // namespace dossier::cli
