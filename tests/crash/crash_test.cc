// kill -9 in the middle of loading: every batch wholly in or wholly out,
// every acknowledged batch in, and loading again completes the database.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "graph/store.h"
#include "graph/transaction.h"

namespace dossier::graph {
namespace {

constexpr int kNodesPerBatch = 40;
constexpr int kBatchesPerRun = 400;

struct Child {
  pid_t pid;
  FILE* out;
};

Child Spawn(const std::string& db, int first, int last) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::string f = std::to_string(first), l = std::to_string(last);
    execl(DOSSIER_CRASH_WRITER, DOSSIER_CRASH_WRITER, db.c_str(), f.c_str(),
          l.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  return Child{pid, fdopen(fds[0], "r")};
}

// Batch number -> node count, and checks of the chain edges and aliases.
std::map<int64_t, int> Verify(const std::string& db, int* max_complete) {
  auto store = Store::Open(db);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  auto label = (*store)->catalog().Find(CatalogKind::kLabel, "Batch");
  auto key = (*store)->catalog().Find(CatalogKind::kPropKey, "batch");
  std::map<int64_t, int> counts;
  *max_complete = -1;
  if (!label || !key) return counts;
  auto t = (*store)->BeginRead();
  std::map<int64_t, int> out_edges;
  REQUIRE(t->ScanNodes(*label, [&](NodeId id) {
             auto rec = t->GetNode(id);
             REQUIRE(rec.ok());
             REQUIRE(rec->has_value());
             int64_t b = FindProperty((*rec)->props, *key)->AsInt();
             ++counts[b];
             REQUIRE(t->Expand(id, Direction::kOut, {}, [&](const EdgeRef&) {
                        ++out_edges[b];
                        return true;
                      }).ok());
             return true;
           }).ok());
  for (auto [b, n] : counts) {
    INFO("batch ", b);
    CHECK(n == kNodesPerBatch);
    CHECK(out_edges[b] == kNodesPerBatch - 1);
    auto alias = t->LookupAlias(*label, "batch " + std::to_string(b));
    REQUIRE(alias.ok());
    CHECK(alias->has_value());
    *max_complete = std::max<int>(*max_complete, static_cast<int>(b));
  }
  return counts;
}

TEST_CASE("kill -9 during loading: batches are all-or-nothing (20 runs)") {
  std::string db = std::string(DOSSIER_TEST_TMP) + "/kill9-" +
                   std::to_string(getpid());
  std::filesystem::remove_all(db);
  std::mt19937 rng(20261201);
  int next = 0;
  for (int run = 0; run < 20; ++run) {
    Child child = Spawn(db, next, next + kBatchesPerRun - 1);
    // Wait for a random number of acknowledged commits, then kill.
    int target = 5 + static_cast<int>(rng() % 60);
    int acknowledged = -1;
    char line[64];
    for (int seen = 0; seen < target && fgets(line, sizeof line, child.out);
         ++seen) {
      std::sscanf(line, "committed %d", &acknowledged);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
    kill(child.pid, SIGKILL);
    int status = 0;
    waitpid(child.pid, &status, 0);
    fclose(child.out);
    INFO("run ", run);
    int max_complete = -1;
    std::map<int64_t, int> counts = Verify(db, &max_complete);
    // Every acknowledged batch is in; batches are contiguous from 0.
    CHECK(max_complete >= acknowledged);
    CHECK(static_cast<int>(counts.size()) == max_complete + 1);
    next = max_complete + 1;
  }
  // Loading again completes the work.
  Child child = Spawn(db, next, next + 9);
  int status = 0;
  char line[64];
  while (fgets(line, sizeof line, child.out)) {
  }
  waitpid(child.pid, &status, 0);
  fclose(child.out);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  int max_complete = -1;
  std::map<int64_t, int> counts = Verify(db, &max_complete);
  CHECK(max_complete == next + 9);
  std::filesystem::remove_all(db);
}

}  // namespace
}  // namespace dossier::graph
