// Feature selection and isolated execution.
#include "tests/tck/suite.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/inventory.h"
#include "tests/tck/text.h"

namespace dossier::tck {
namespace fs = std::filesystem;
namespace {

// Escapes tabs, newlines and backslashes so that a record is one line.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "index\tpassed\treason\tdetail\tobserved_phase\tphase_mismatch\n".
std::string Serialize(size_t index, const ScenarioOutcome& o) {
  return absl::StrCat(index, "\t", o.passed ? 1 : 0, "\t", Escape(o.reason),
                      "\t", Escape(o.detail), "\t", Escape(o.observed_phase),
                      "\t", o.phase_mismatch ? 1 : 0, "\n");
}

bool Deserialize(std::string_view line, size_t* index, ScenarioOutcome* o) {
  std::vector<std::string_view> f = Split(line, '\t');
  if (f.size() != 6 || !absl::SimpleAtoi(std::string(f[0]), index)) {
    return false;
  }
  o->passed = f[1] == "1";
  o->reason = Unescape(f[2]);
  o->detail = Unescape(f[3]);
  o->observed_phase = Unescape(f[4]);
  o->phase_mismatch = f[5] == "1";
  return true;
}

bool WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Runs scenarios[from..] in a child process; fills outcomes as the child
// reports them. Returns the index of the first scenario without an
// outcome, and sets `*failure` when the child crashed or hung on it.
size_t RunInChild(const std::vector<const Scenario*>& scenarios, size_t from,
                  const SuiteOptions& options,
                  std::vector<ScenarioOutcome>& outcomes,
                  std::string* failure) {
  int fds[2];
  if (::pipe(fds) != 0) {
    *failure = "runner: pipe failed";
    return from;
  }
  std::cout.flush();
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    *failure = "runner: fork failed";
    return from;
  }
  if (pid == 0) {
    ::close(fds[0]);
    for (size_t i = from; i < scenarios.size(); ++i) {
      ScenarioOutcome o = RunScenario(*scenarios[i], options.run);
      if (!WriteAll(fds[1], Serialize(i, o))) ::_exit(3);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  size_t next = from;
  std::string buffer;
  bool hung = false;
  const int wait_ms =
      static_cast<int>(absl::ToInt64Milliseconds(options.hang_timeout));
  while (true) {
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      hung = true;
      ::kill(pid, SIGKILL);
      break;
    }
    char chunk[65536];
    ssize_t n = ::read(fds[0], chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
    size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      size_t index = 0;
      ScenarioOutcome o;
      if (Deserialize(std::string_view(buffer).substr(0, nl), &index, &o) &&
          index < outcomes.size()) {
        outcomes[index] = std::move(o);
        next = index + 1;
      }
      buffer.erase(0, nl + 1);
    }
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (next < scenarios.size()) {
    if (hung) {
      *failure = absl::StrCat("hang (no answer in ",
                              absl::FormatDuration(options.hang_timeout), ")");
    } else if (WIFSIGNALED(status)) {
      *failure = absl::StrCat("crash (signal ", WTERMSIG(status), ")");
    } else {
      *failure = absl::StrCat("crash (exit ", WEXITSTATUS(status), ")");
    }
  }
  return next;
}

// Outcomes of `scenarios`, each run in order.
std::vector<ScenarioOutcome> RunFeature(
    const std::vector<const Scenario*>& scenarios, const SuiteOptions& options) {
  std::vector<ScenarioOutcome> outcomes(scenarios.size());
  if (!options.isolate) {
    for (size_t i = 0; i < scenarios.size(); ++i) {
      outcomes[i] = RunScenario(*scenarios[i], options.run);
    }
    return outcomes;
  }
  size_t next = 0;
  while (next < scenarios.size()) {
    std::string failure;
    next = RunInChild(scenarios, next, options, outcomes, &failure);
    if (next < scenarios.size()) {
      // The child died on scenario `next`: fail it and go on after it.
      outcomes[next].passed = false;
      outcomes[next].reason = failure;
      ++next;
    }
  }
  return outcomes;
}

bool WaveSelected(const std::string& wanted, const std::string& wave) {
  return wanted == "all" || wave == "wave" + wanted;
}

}  // namespace

absl::StatusOr<TckPaths> LocateTck(const std::string& features) {
  std::error_code ec;
  fs::path start = fs::weakly_canonical(fs::path(features), ec);
  if (ec || !fs::exists(start)) {
    return absl::NotFoundError(absl::StrCat("no such path: ", features));
  }
  for (fs::path p = start; p.has_relative_path(); p = p.parent_path()) {
    if (p.filename() == "features" &&
        fs::exists(p.parent_path() / "inventory.csv")) {
      return TckPaths{p.string(), (p.parent_path() / "inventory.csv").string(),
                      (p.parent_path() / "graphs").string()};
    }
    if (p == p.parent_path()) break;
  }
  fs::path root = fs::is_directory(start) ? start : start.parent_path();
  return TckPaths{root.string(), "", (root.parent_path() / "graphs").string()};
}

absl::StatusOr<std::vector<ScenarioRecord>> RunSuite(const SuiteOptions& options,
                                                     std::ostream& out) {
  absl::StatusOr<TckPaths> paths = LocateTck(options.features);
  if (!paths.ok()) return paths.status();
  Inventory inventory;
  if (!paths->inventory.empty()) {
    absl::StatusOr<Inventory> inv = ReadInventory(paths->inventory);
    if (!inv.ok()) return inv.status();
    inventory = std::move(*inv);
  }
  SuiteOptions opts = options;
  if (opts.run.graphs_dir.empty()) opts.run.graphs_dir = paths->graphs;

  std::vector<std::string> files;
  fs::path start = fs::weakly_canonical(fs::path(options.features));
  if (fs::is_directory(start)) {
    for (const auto& e : fs::recursive_directory_iterator(start)) {
      if (e.is_regular_file() && e.path().extension() == ".feature") {
        files.push_back(e.path().string());
      }
    }
  } else {
    files.push_back(start.string());
  }
  std::sort(files.begin(), files.end());

  std::vector<ScenarioRecord> records;
  for (const std::string& file : files) {
    std::string rel = fs::relative(file, paths->features_root).string();
    auto entry = inventory.find(rel);
    std::string wave = entry == inventory.end() ? "unknown" : entry->second.wave;
    if (!WaveSelected(options.wave, wave)) continue;
    absl::StatusOr<Feature> feature = ParseFeatureFile(file);
    if (!feature.ok()) return feature.status();
    std::vector<const Scenario*> selected;
    for (const Scenario& s : feature->scenarios) {
      if (options.filter.empty() ||
          absl::StrCat(rel, ": ", s.name).find(options.filter) !=
              std::string::npos) {
        selected.push_back(&s);
      }
    }
    if (selected.empty()) continue;
    std::vector<ScenarioOutcome> outcomes = RunFeature(selected, opts);
    int passed = 0;
    for (size_t i = 0; i < selected.size(); ++i) {
      std::string name = selected[i]->name;
      if (selected[i]->example_index >= 0) {
        absl::StrAppend(&name, " #", selected[i]->example_index + 1);
      }
      ScenarioRecord r{rel, wave, std::move(name), selected[i]->line,
                       UsesTemporal(*selected[i]), std::move(outcomes[i])};
      if (r.outcome.passed) ++passed;
      if (options.verbose && !r.outcome.passed) {
        out << "  FAIL " << rel << ":" << r.line << " " << r.name << "\n"
            << "       " << r.outcome.reason << "\n";
        if (!r.outcome.detail.empty()) {
          out << "       " << r.outcome.detail << "\n";
        }
      }
      records.push_back(std::move(r));
    }
    out << rel << ": " << passed << "/" << selected.size() << " passed\n";
    out.flush();
  }
  return records;
}

}  // namespace dossier::tck
