// Runs one hostile query under limits and reports what it took.
#ifndef DOSSIER_TESTS_HARDENING_HOSTILE_QUERY_H_
#define DOSSIER_TESTS_HARDENING_HOSTILE_QUERY_H_

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "absl/status/status.h"
#include "graph/store.h"
#include "query/engine.h"

namespace dossier::testing {

struct HostileRun {
  absl::Status status;
  double seconds = 0;
};

inline HostileRun RunHostile(graph::Store& store, const std::string& text,
                             const query::QueryOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto r = query::ExecuteQuery(store, text, {}, options);
  HostileRun run;
  run.seconds = std::chrono::duration<double>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  run.status = r.ok() ? absl::OkStatus() : r.status();
  // The figures docs/reliability.md quotes.
  std::fprintf(stderr, "hostile query: %.3f s: %s\n  %s\n", run.seconds,
               text.substr(0, 100).c_str(),
               std::string(run.status.ToString()).substr(0, 200).c_str());
  return run;
}

// Caps this process's address space (DESIGN §10: Release only; ASan
// reserves terabytes of address space).
inline bool CapAddressSpace(rlim_t bytes) {
  struct rlimit limit;
  limit.rlim_cur = bytes;
  limit.rlim_max = bytes;
  return setrlimit(RLIMIT_AS, &limit) == 0;
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_HARDENING_HOSTILE_QUERY_H_
