// Runs one TCK scenario against the query engine on a fresh in-memory store.
#ifndef DOSSIER_TESTS_TCK_RUNNER_H_
#define DOSSIER_TESTS_TCK_RUNNER_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "tests/tck/gherkin.h"

namespace dossier::tck {

// Settings shared by all scenarios of a run.
struct RunConfig {
  // The TCK's graphs/ folder (named graphs: <dir>/<name>/<name>.cypher).
  std::string graphs_dir;
  // Deadline of each query (setup, tested and control queries).
  absl::Duration query_timeout = absl::Seconds(10);
  // Memory budget of each query; 0 = unlimited.
  uint64_t query_max_memory = 1ull << 30;
};

// What became of one scenario.
struct ScenarioOutcome {
  bool passed = false;
  // Empty when passed; otherwise a short category used to group failures,
  // e.g. "result: values differ", "unexpected error: SyntaxError:
  // UnexpectedSyntax", "wrong error", "setup failed", "procedure".
  std::string reason;
  // Free text: the expected and actual values, the engine's message.
  std::string detail;
  // For an expected error with a phase (compile time / runtime) that was
  // raised with the right names: the phase observed ("compile time" when
  // `EXPLAIN <query>` raises the same error, "runtime" when EXPLAIN
  // succeeds), and whether it differs from the expected one. A phase
  // mismatch does not fail the scenario; it is reported separately.
  std::string observed_phase;
  bool phase_mismatch = false;
};

// Runs `scenario` step by step; never throws (an exception escaping the
// engine fails the scenario with reason "exception").
ScenarioOutcome RunScenario(const Scenario& scenario, const RunConfig& config);

// True when the scenario's queries or tables use temporal functions
// (date, time, datetime, localtime, localdatetime, duration): DESIGN §11
// sets the wave-1 gate on the scenarios outside them.
bool UsesTemporal(const Scenario& scenario);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_RUNNER_H_
