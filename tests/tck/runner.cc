// Scenario execution: a small state machine over the typed steps.
#include "tests/tck/runner.h"

#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "graph/store.h"
#include "query/engine.h"
#include "query/values/errors.h"
#include "query/values/literal_text.h"
#include "rocksdb/env.h"
#include "tests/tck/compare.h"
#include "tests/tck/steps.h"
#include "tests/tck/text.h"

namespace dossier::tck {
namespace {

using QueryOutcome = absl::StatusOr<query::QueryResult>;

// The first line of a status message, at most 160 characters.
std::string FirstLine(const absl::Status& status) {
  std::string line(status.message());
  line = line.substr(0, line.find('\n'));
  if (line.size() > 160) line = line.substr(0, 160) + "…";
  return line;
}

// "SyntaxError: UndefinedVariable" for a query error, else the status code
// name ("UNIMPLEMENTED").
std::string ErrorKey(const absl::Status& status) {
  if (auto names = query::ParseQueryError(status)) {
    return absl::StrCat(names->type, ": ", names->detail);
  }
  return absl::StatusCodeToString(status.code());
}

class ScenarioRun {
 public:
  ScenarioRun(const Scenario& scenario, const RunConfig& config)
      : scenario_(scenario), config_(config) {}

  ~ScenarioRun() {
    store_.reset();  // before the Env it lives in
    env_.reset();
  }

  ScenarioOutcome Run() {
    for (const Step& step : scenario_.steps) {
      if (!Do(step)) return std::move(outcome_);
    }
    outcome_.passed = true;
    outcome_.reason.clear();
    return std::move(outcome_);
  }

 private:
  // Runs one step; false (with outcome_ set) when the scenario fails.
  bool Do(const Step& step) {
    TypedStep t = ClassifyStep(step);
    switch (t.kind) {
      case StepKind::kEmptyGraph:
      case StepKind::kAnyGraph:
        return OpenStore();
      case StepKind::kNamedGraph:
        return OpenStore() && LoadNamedGraph(t.arg);
      case StepKind::kHavingExecuted: {
        if (!NeedStore() || !NeedDoc(step)) return false;
        QueryOutcome r = Execute(*step.doc_string, {});
        if (!r.ok()) {
          return Fail(absl::StrCat("setup failed: ", ErrorKey(r.status())),
                      absl::StrCat(FirstLine(r.status()), "\n  in setup:\n",
                                   *step.doc_string));
        }
        return true;
      }
      case StepKind::kParameters:
        return SetParameters(step.table);
      case StepKind::kProcedure:
        return Fail("procedure", "test procedures are not supported: " + t.arg);
      case StepKind::kExecuting:
      case StepKind::kExecutingControl: {
        if (!NeedStore() || !NeedDoc(step)) return false;
        last_ = Execute(*step.doc_string, params_);
        if (t.kind == StepKind::kExecuting) {
          main_ = last_;
          query_ = *step.doc_string;
        }
        return true;
      }
      case StepKind::kResult:
      case StepKind::kResultEmpty:
        return CheckResult(step, t);
      case StepKind::kError:
        return CheckError(t);
      case StepKind::kNoSideEffects:
      case StepKind::kSideEffects: {
        if (!main_) return Fail("runner: side effects before a query", "");
        if (!main_->ok()) return true;  // a failed query changes nothing
        std::optional<Mismatch> m =
            CompareSideEffects(main_->value().stats, step.table);
        return m ? Fail(m->reason, m->detail) : true;
      }
      case StepKind::kUnknown:
        return Fail("runner: unknown step", step.text);
    }
    return Fail("runner: unknown step", step.text);
  }

  bool Fail(std::string reason, std::string detail) {
    outcome_.passed = false;
    outcome_.reason = std::move(reason);
    outcome_.detail = std::move(detail);
    return false;
  }

  bool NeedStore() {
    return store_ != nullptr || Fail("runner: no graph step before a query", "");
  }

  bool NeedDoc(const Step& step) {
    return step.doc_string.has_value() ||
           Fail("runner: step without a doc string", step.text);
  }

  bool OpenStore() {
    store_.reset();
    env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    graph::StoreOptions options;
    options.env = env_.get();
    options.block_cache_bytes = 1ull << 20;
    auto store = graph::Store::Open("/tck/graph", options);
    if (!store.ok()) {
      return Fail("runner: cannot open a store", store.status().ToString());
    }
    store_ = std::move(*store);
    return true;
  }

  bool LoadNamedGraph(const std::string& name) {
    std::string file = absl::StrCat(config_.graphs_dir, "/", name, "/", name,
                                    ".cypher");
    std::ifstream in(file, std::ios::binary);
    if (!in) return Fail("runner: named graph not found", file);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // Statements end with ';' at the end of a line.
    std::string statement;
    for (std::string_view line : Split(text, '\n')) {
      std::string_view s = Strip(line);
      bool last = !s.empty() && s.back() == ';';
      if (last) s.remove_suffix(1);
      absl::StrAppend(&statement, std::string(s), "\n");
      if (last && !Strip(statement).empty()) {
        if (!RunSetup(statement, name)) return false;
        statement.clear();
      }
    }
    return Strip(statement).empty() || RunSetup(statement, name);
  }

  bool RunSetup(const std::string& statement, const std::string& what) {
    QueryOutcome r = Execute(statement, {});
    if (r.ok()) return true;
    return Fail(absl::StrCat("setup failed: ", ErrorKey(r.status())),
                absl::StrCat(what, ": ", FirstLine(r.status())));
  }

  bool SetParameters(const DataTable& table) {
    for (const auto& row : table) {
      if (row.size() != 2) return Fail("runner: bad parameter row", "");
      absl::StatusOr<query::TckValue> tv = query::ParseTckValue(row[1]);
      if (!tv.ok()) {
        return Fail("runner: cannot parse a parameter",
                    absl::StrCat(row[1], ": ", tv.status().ToString()));
      }
      absl::StatusOr<graph::Value> v = query::TckToValue(*tv);
      if (!v.ok()) return Fail("runner: bad parameter", v.status().ToString());
      params_[row[0]] = std::move(*v);
    }
    return true;
  }

  QueryOutcome Execute(const std::string& text, const graph::ValueMap& params) {
    query::QueryOptions options;
    options.timeout = config_.query_timeout;
    options.max_memory_bytes = config_.query_max_memory;
    return query::ExecuteQuery(*store_, text, params, options);
  }

  bool CheckResult(const Step& step, const TypedStep& t) {
    if (!last_) return Fail("runner: result before a query", "");
    if (!last_->ok()) {
      const absl::Status& s = last_->status();
      return Fail(absl::StrCat("unexpected error: ", ErrorKey(s)),
                  FirstLine(s));
    }
    const query::QueryResult& r = last_->value();
    if (t.kind == StepKind::kResultEmpty) {
      if (r.rows.empty()) return true;
      DataTable none = {r.columns};
      std::optional<Mismatch> m = CompareResult(r, none, false, false);
      return Fail("result: expected no rows", m ? m->detail : "");
    }
    std::optional<Mismatch> m =
        CompareResult(r, step.table, t.ordered, t.ignore_list_order);
    return m ? Fail(m->reason, m->detail) : true;
  }

  bool CheckError(const TypedStep& t) {
    if (!main_) return Fail("runner: error step before a query", "");
    std::string want = absl::StrCat(t.error_type, ": ", t.error_detail);
    if (main_->ok()) {
      return Fail(absl::StrCat("no error raised (expected ", want, ")"),
                  absl::StrCat(main_->value().rows.size(), " rows returned"));
    }
    const absl::Status& s = main_->status();
    std::optional<query::QueryErrorName> got = query::ParseQueryError(s);
    bool match = got && got->type == t.error_type &&
                 (t.error_detail == "*" || got->detail == t.error_detail);
    if (!match) {
      return Fail(absl::StrCat("wrong error (expected ", want, ", got ",
                               ErrorKey(s), ")"),
                  FirstLine(s));
    }
    if (t.phase != ErrorPhase::kAnyTime) ObservePhase(t.phase, *got);
    return true;
  }

  // Compile time when EXPLAIN (which binds and plans without running)
  // raises the same error; runtime when EXPLAIN succeeds.
  void ObservePhase(ErrorPhase want, const query::QueryErrorName& names) {
    QueryOutcome explain = Execute("EXPLAIN " + query_, params_);
    std::optional<query::QueryErrorName> e;
    if (!explain.ok()) e = query::ParseQueryError(explain.status());
    if (explain.ok()) {
      outcome_.observed_phase = "runtime";
    } else if (e && e->type == names.type && e->detail == names.detail) {
      outcome_.observed_phase = "compile time";
    } else {
      return;  // EXPLAIN failed otherwise: phase unknown
    }
    outcome_.phase_mismatch = outcome_.observed_phase != PhaseName(want);
  }

  const Scenario& scenario_;
  const RunConfig& config_;
  std::unique_ptr<rocksdb::Env> env_;
  std::unique_ptr<graph::Store> store_;
  graph::ValueMap params_;
  std::optional<QueryOutcome> main_;  // the `executing query` outcome
  std::optional<QueryOutcome> last_;  // the latest query (main or control)
  std::string query_;                 // text of the main query
  ScenarioOutcome outcome_;
};

}  // namespace

ScenarioOutcome RunScenario(const Scenario& scenario, const RunConfig& config) {
  try {
    return ScenarioRun(scenario, config).Run();
  } catch (const std::exception& e) {
    ScenarioOutcome o;
    o.reason = "exception";
    o.detail = e.what();
    return o;
  } catch (...) {
    ScenarioOutcome o;
    o.reason = "exception";
    o.detail = "a non-standard exception";
    return o;
  }
}

bool UsesTemporal(const Scenario& scenario) {
  static const std::regex kTemporal(
      R"((^|[^A-Za-z0-9_.`])(date|time|datetime|localtime|localdatetime|duration)\s*(\(|\.[A-Za-z]+\s*\())",
      std::regex::icase);
  for (const Step& step : scenario.steps) {
    if (step.doc_string && std::regex_search(*step.doc_string, kTemporal)) {
      return true;
    }
    for (const auto& row : step.table) {
      for (const std::string& cell : row) {
        if (std::regex_search(cell, kTemporal)) return true;
      }
    }
  }
  return false;
}

}  // namespace dossier::tck
