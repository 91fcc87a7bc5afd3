// Run summaries.
#include "tests/tck/report.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace dossier::tck {
namespace {

// Ten most frequent keys, most frequent first.
std::vector<std::pair<std::string, int>> Top(
    const std::map<std::string, int>& counts, size_t n) {
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;
  });
  if (v.size() > n) v.resize(n);
  return v;
}

// The engine message of a failure, normalised for grouping: its first
// line, cut at 100 characters.
std::string MessageKey(const ScenarioRecord& r) {
  const std::string& reason = r.outcome.reason;
  if (reason.rfind("unexpected error", 0) != 0 &&
      reason.rfind("wrong error", 0) != 0 &&
      reason.rfind("setup failed", 0) != 0) {
    return "";
  }
  std::string line = r.outcome.detail.substr(0, r.outcome.detail.find('\n'));
  if (line.size() > 100) line = line.substr(0, 100) + "…";
  return line;
}

std::string Percent(int passed, int total) {
  return total == 0 ? "n/a"
                    : absl::StrFormat("%.1f%%", 100.0 * passed / total);
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

}  // namespace

double PassRate(const std::vector<ScenarioRecord>& records) {
  if (records.empty()) return 1.0;
  int passed = 0;
  for (const ScenarioRecord& r : records) passed += r.outcome.passed ? 1 : 0;
  return static_cast<double>(passed) / static_cast<double>(records.size());
}

void PrintSummary(const std::vector<ScenarioRecord>& records, std::ostream& out) {
  struct Tally {
    int passed = 0, total = 0, nt_passed = 0, nt_total = 0;
  };
  std::map<std::string, Tally> waves;
  std::map<std::string, int> reasons, messages;
  int passed = 0, phase_checked = 0, phase_mismatches = 0;
  for (const ScenarioRecord& r : records) {
    Tally& t = waves[r.wave];
    ++t.total;
    if (!r.temporal) ++t.nt_total;
    if (r.outcome.passed) {
      ++passed;
      ++t.passed;
      if (!r.temporal) ++t.nt_passed;
    } else {
      ++reasons[r.outcome.reason];
      std::string m = MessageKey(r);
      if (!m.empty()) ++messages[m];
    }
    if (!r.outcome.observed_phase.empty()) {
      ++phase_checked;
      if (r.outcome.phase_mismatch) ++phase_mismatches;
    }
  }
  out << "\nPer wave:\n";
  for (const auto& [wave, t] : waves) {
    out << "  " << wave << ": " << t.passed << "/" << t.total << " passed ("
        << Percent(t.passed, t.total) << ")";
    if (t.nt_total != t.total) {
      out << "; outside temporal: " << t.nt_passed << "/" << t.nt_total
          << " (" << Percent(t.nt_passed, t.nt_total) << ")";
    }
    out << "\n";
  }
  out << "Error phase (checked with EXPLAIN where the error matched): "
      << phase_mismatches << " of " << phase_checked
      << " raised in the other phase (not counted as failures)\n";
  if (!reasons.empty()) {
    out << "Most common failure reasons:\n";
    for (const auto& [reason, n] : Top(reasons, 10)) {
      out << absl::StrFormat("  %5d  %s\n", n, reason);
    }
  }
  if (!messages.empty()) {
    out << "Most common engine messages in failures:\n";
    for (const auto& [message, n] : Top(messages, 10)) {
      out << absl::StrFormat("  %5d  %s\n", n, message);
    }
  }
  out << "TCK: " << passed << " passed, " << records.size() - passed
      << " failed" << std::endl;
}

absl::Status WriteReport(const std::vector<ScenarioRecord>& records,
                         const std::string& file) {
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  if (!f) return absl::InternalError(absl::StrCat("cannot write ", file));
  std::ostringstream summary;
  PrintSummary(records, summary);
  std::istringstream lines(summary.str());
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) f << "# " << line << "\n";
  }
  f << "status\twave\tscenario\tname\treason\tobserved_phase\tdetail\n";
  for (const ScenarioRecord& r : records) {
    f << (r.outcome.passed ? "PASS" : "FAIL") << "\t" << r.wave
      << (r.temporal ? "+temporal" : "") << "\t" << r.feature << ":" << r.line
      << "\t" << Escape(r.name) << "\t" << Escape(r.outcome.reason) << "\t"
      << r.outcome.observed_phase << (r.outcome.phase_mismatch ? "(mismatch)" : "")
      << "\t" << Escape(r.outcome.detail) << "\n";
  }
  f.close();
  if (!f) return absl::InternalError(absl::StrCat("cannot write ", file));
  return absl::OkStatus();
}

}  // namespace dossier::tck
