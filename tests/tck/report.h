// Summaries of a TCK run: per-wave totals, the most common failure reasons,
// phase mismatches, and a tab-separated report file.
#ifndef DOSSIER_TESTS_TCK_REPORT_H_
#define DOSSIER_TESTS_TCK_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "tests/tck/suite.h"

namespace dossier::tck {

// Prints per-wave totals (wave 1 also outside temporal scenarios), phase
// mismatches, the ten most common failure reasons and engine messages, and
// last the line "TCK: N passed, M failed".
void PrintSummary(const std::vector<ScenarioRecord>& records, std::ostream& out);

// Writes one line per scenario: status, wave, feature:line, name, reason,
// observed phase, detail (tabs and newlines escaped), after a summary
// header. Errors: Internal when the file cannot be written.
absl::Status WriteReport(const std::vector<ScenarioRecord>& records,
                         const std::string& file);

// Fraction of passed records; 1 when there are none.
double PassRate(const std::vector<ScenarioRecord>& records);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_REPORT_H_
