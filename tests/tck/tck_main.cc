// dossier_tck: runs the openCypher TCK scenarios against the query engine.
//
//   dossier_tck [--features DIR|FILE] [--filter SUBSTRING] [--wave 1|2|3|all]
//               [--verbose] [--report FILE] [--min-pass-rate R]
//               [--timeout SECONDS] [--no-fork]
//
// Prints passed/total per feature file, per-wave totals, the most common
// failure reasons and last "TCK: N passed, M failed". Exit code: 0 unless
// the pass rate of the selected scenarios is below --min-pass-rate (a
// fraction, 0.9; or a percentage, 90), then 1; 2 for a usage or input error.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "tests/tck/report.h"
#include "tests/tck/suite.h"

namespace {

constexpr const char* kUsage =
    "usage: dossier_tck [--features DIR|FILE] [--filter SUBSTRING] "
    "[--wave 1|2|3|all] [--verbose] [--report FILE] [--min-pass-rate R] "
    "[--timeout SECONDS] [--no-fork]\n";

int Usage(const std::string& why) {
  std::cerr << "dossier_tck: " << why << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  dossier::tck::SuiteOptions options;
  options.features = std::string(DOSSIER_SHARED_DIR) + "/tck/features";
  std::string report;
  double min_pass_rate = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_value = false;
    if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_value = true;
    }
    auto next = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--no-fork") {
      options.isolate = false;
    } else if (arg == "--features") {
      if (!next()) return Usage("--features needs a value");
      options.features = value;
    } else if (arg == "--filter") {
      if (!next()) return Usage("--filter needs a value");
      options.filter = value;
    } else if (arg == "--wave") {
      if (!next()) return Usage("--wave needs a value");
      if (value != "1" && value != "2" && value != "3" && value != "all") {
        return Usage("--wave takes 1, 2, 3 or all");
      }
      options.wave = value;
    } else if (arg == "--report") {
      if (!next()) return Usage("--report needs a value");
      report = value;
    } else if (arg == "--min-pass-rate") {
      if (!next() || !absl::SimpleAtod(value, &min_pass_rate) ||
          min_pass_rate < 0 || min_pass_rate > 100) {
        return Usage("--min-pass-rate takes a fraction (0.9) or percentage (90)");
      }
      if (min_pass_rate > 1) min_pass_rate /= 100;
    } else if (arg == "--timeout") {
      double seconds = 0;
      if (!next() || !absl::SimpleAtod(value, &seconds) || seconds <= 0) {
        return Usage("--timeout takes a positive number of seconds");
      }
      options.run.query_timeout = absl::Seconds(seconds);
    } else {
      return Usage("unknown argument " + arg);
    }
  }

  auto records = dossier::tck::RunSuite(options, std::cout);
  if (!records.ok()) {
    std::cerr << "dossier_tck: " << records.status().ToString() << "\n";
    return 2;
  }
  if (!report.empty()) {
    absl::Status s = dossier::tck::WriteReport(*records, report);
    if (!s.ok()) {
      std::cerr << "dossier_tck: " << s.ToString() << "\n";
      return 2;
    }
  }
  dossier::tck::PrintSummary(*records, std::cout);
  double rate = dossier::tck::PassRate(*records);
  if (rate < min_pass_rate) {
    std::cerr << "dossier_tck: pass rate " << rate * 100 << "% is below the "
              << min_pass_rate * 100 << "% gate\n";
    return 1;
  }
  return 0;
}
