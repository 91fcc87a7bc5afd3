// Selection and execution of TCK feature files: finds the TCK folders,
// picks the scenarios a run asks for, and runs each feature file in a
// child process so that a crash or a hang costs one scenario, not the run.
#ifndef DOSSIER_TESTS_TCK_SUITE_H_
#define DOSSIER_TESTS_TCK_SUITE_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tests/tck/runner.h"

namespace dossier::tck {

// Where the TCK's parts are.
struct TckPaths {
  std::string features_root;  // the `features/` folder
  std::string inventory;      // inventory.csv beside it ("" when absent)
  std::string graphs;         // graphs/ beside it
};

// Finds the TCK around `features` (a folder or a .feature file at or under
// some `features/` folder): the nearest ancestor named `features` whose
// parent holds inventory.csv; failing that, `features` itself is the root
// and there is no inventory. Errors: NotFound when `features` does not
// exist.
absl::StatusOr<TckPaths> LocateTck(const std::string& features);

// What a run selects and how it runs.
struct SuiteOptions {
  std::string features;     // folder or file to run
  std::string filter;       // substring of "<path>: <scenario name>"; "" = all
  std::string wave = "all"; // "1", "2", "3" or "all"
  bool verbose = false;     // print each failure with its detail
  bool isolate = true;      // a child process per feature file
  // With isolate: a scenario silent for this long is killed as a hang.
  absl::Duration hang_timeout = absl::Seconds(120);
  RunConfig run;
};

// One scenario's record in a run.
struct ScenarioRecord {
  std::string feature;  // path under features/
  std::string wave;     // from the inventory; "unknown" when not listed
  std::string name;
  int line = 0;
  bool temporal = false;  // UsesTemporal
  ScenarioOutcome outcome;
};

// Runs the selected scenarios, printing one line per feature file
// ("clauses/match/Match1.feature: 80/86 passed") and, when verbose, each
// failure. Errors: NotFound / InvalidArgument when the inventory or a
// feature file cannot be read or parsed.
absl::StatusOr<std::vector<ScenarioRecord>> RunSuite(const SuiteOptions& options,
                                                     std::ostream& out);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_SUITE_H_
