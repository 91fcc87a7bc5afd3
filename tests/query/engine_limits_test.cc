// Bounded cost: cancel flag, deadline (real and injected clock), memory.
#include <atomic>
#include <chrono>
#include <string>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

// A clock that moves one second each time it is read.
class SteppingClock : public query::Clock {
 public:
  absl::Time Now() const override {
    now_ += absl::Seconds(1);
    return now_;
  }

 private:
  mutable absl::Time now_ = absl::UnixEpoch();
};

const char* kCartesian =
    "MATCH (a), (b), (c), (d), (e) RETURN count(*)";

void Build50(TestDb& db) { db.Run("UNWIND range(1, 50) AS i CREATE (:N {i: i})"); }

TEST_CASE("a cancelled query returns Cancelled") {
  TestDb db("engine-cancel");
  Build50(db);
  std::atomic<bool> cancel{true};
  query::QueryOptions o;
  o.cancel = &cancel;
  CHECK(db.Fail(kCartesian, {}, o).code() == absl::StatusCode::kCancelled);
}

TEST_CASE("a 1 ms deadline stops a 5-way cartesian product quickly") {
  TestDb db("engine-deadline");
  Build50(db);
  query::QueryOptions o;
  o.timeout = absl::Milliseconds(1);
  auto start = std::chrono::steady_clock::now();
  absl::Status s = db.Fail(kCartesian, {}, o);
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(s.code() == absl::StatusCode::kDeadlineExceeded);
  CHECK(std::string(s.message()).find("time limit") != std::string::npos);
  // Generous: the point is that it does not run the 312M rows.
  CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("the deadline reads the injected clock") {
  TestDb db("engine-clock");
  Build50(db);
  SteppingClock clock;
  query::QueryOptions o;
  o.clock = &clock;
  o.timeout = absl::Seconds(3);
  CHECK(db.Fail(kCartesian, {}, o).code() == absl::StatusCode::kDeadlineExceeded);
  // Queries that finish before the clock is read enough times succeed.
  query::FakeClock still;
  o.clock = &still;
  CHECK(db.Run("MATCH (n) RETURN count(n)", {}, o).rows.size() == 1);
}

TEST_CASE("the memory budget stops a large collect") {
  TestDb db("engine-memory");
  query::QueryOptions o;
  o.max_memory_bytes = 1 << 20;
  absl::Status s = db.Fail("UNWIND range(1, 1000000) AS x RETURN collect(x)", {}, o);
  CHECK(s.code() == absl::StatusCode::kResourceExhausted);
  CHECK(db.Run("UNWIND range(1, 1000) AS x RETURN count(x)", {}, o).rows.size() == 1);
}

TEST_CASE("PROFILE reports rows per operator") {
  TestDb db("engine-profile");
  Build50(db);
  auto r = db.Run("PROFILE MATCH (n:N) WHERE n.i > 40 RETURN n.i");
  CHECK(r.rows.size() == 10);
  CHECK(r.plan.find("rows=10") != std::string::npos);
}

// A complete directed graph on 30 nodes: its relationship-unique walks from
// one node are astronomically many.
void BuildComplete30(TestDb& db) {
  db.Run("UNWIND range(1, 30) AS i CREATE (:V {i: i})");
  db.Run("MATCH (a:V), (b:V) WHERE a.i <> b.i CREATE (a)-[:E]->(b)");
}

TEST_CASE("a variable-length walk streams: LIMIT stops it at once") {
  // Regression: the walks of one start node were all materialised before the
  // first row came out, so this ran into the deadline (or out of memory).
  TestDb db("engine-varlength-limit");
  BuildComplete30(db);
  query::QueryOptions o;
  o.timeout = absl::Seconds(60);
  auto r = db.Run("MATCH p = (a:V {i: 1})-[*]->(b) RETURN length(p) AS n LIMIT 5",
                  {}, o);
  CHECK(Rows(r) == std::vector<std::string>{"1", "2", "3", "4", "5"});
}

TEST_CASE("collecting variable-length paths stops at the memory budget") {
  // Regression: the walk's own buffer was not charged, so a 2 GiB budget let
  // the process grow past 14 GB.
  TestDb db("engine-varlength-memory");
  BuildComplete30(db);
  query::QueryOptions o;
  o.timeout = absl::Seconds(120);
  o.max_memory_bytes = 32ull << 20;
  absl::Status s =
      db.Fail("MATCH p = (a:V {i: 1})-[*]->(b) RETURN collect(p)", {}, o);
  CHECK_MESSAGE(s.code() == absl::StatusCode::kResourceExhausted, s.ToString());
  CHECK(std::string(s.message()).find("memory limit") != std::string::npos);
}

}  // namespace
}  // namespace dossier::testing
