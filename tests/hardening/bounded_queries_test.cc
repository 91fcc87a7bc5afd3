// Hostile queries end with a clear error within their limits under an 8 GB
// address-space cap, and the same process answers the next query
// (issue: Hardening, item 2; DESIGN §5 bounded cost). Release only.
#include <string>

#include "doctest/doctest.h"
#include "tests/graph/test_util.h"
#include "tests/hardening/hostile_query.h"

namespace dossier::testing {
namespace {

constexpr rlim_t kAddressSpace = 8ull << 30;
constexpr double kTimeoutSeconds = 20;
constexpr uint64_t kMemoryBudget = 2ull << 30;

struct HostileDb {
  explicit HostileDb(const std::string& name) : dir(name) {
    REQUIRE(CapAddressSpace(kAddressSpace));
    auto s = graph::Store::Open(dir.path());
    REQUIRE_MESSAGE(s.ok(), s.status().ToString());
    store = std::move(*s);
    options.timeout = absl::Seconds(kTimeoutSeconds);
    options.max_memory_bytes = kMemoryBudget;
  }
  void Build(const std::string& q) {
    auto r = query::ExecuteQuery(*store, q, {});
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  }
  // The hostile query must stop with one of the limit errors, naming it,
  // in time; then an ordinary query must still run.
  void ExpectBounded(const std::string& q) {
    HostileRun run = RunHostile(*store, q, options);
    CHECK_MESSAGE((run.status.code() == absl::StatusCode::kDeadlineExceeded ||
                   run.status.code() == absl::StatusCode::kResourceExhausted),
                  run.status.ToString());
    CHECK(!run.status.message().empty());
    CHECK(run.seconds < kTimeoutSeconds * 1.5 + 5);
    auto next = query::ExecuteQuery(*store, "MATCH (n) RETURN count(n)", {},
                                    options);
    CHECK_MESSAGE(next.ok(), next.status().ToString());
  }
  TempDir dir;
  std::unique_ptr<graph::Store> store;
  query::QueryOptions options;
};

// A complete directed graph on 30 nodes: 870 relationships, an astronomical
// number of trails.
void BuildDense(HostileDb& db) {
  db.Build("UNWIND range(1, 30) AS i CREATE (:V {i: i})");
  db.Build("MATCH (a:V), (b:V) WHERE a.i <> b.i CREATE (a)-[:E]->(b)");
}

TEST_CASE("unbounded [*] on a dense graph stops at the deadline") {
  HostileDb db("hostile-varlength");
  BuildDense(db);
  db.ExpectBounded("MATCH p = (a:V)-[*]->(b:V) RETURN count(p)");
}

TEST_CASE("unbounded [*] collecting paths stops at a limit") {
  HostileDb db("hostile-varlength-collect");
  BuildDense(db);
  db.ExpectBounded("MATCH p = (a:V {i: 1})-[*]->(b) RETURN collect(p)");
}

TEST_CASE("shortest paths between every pair of a dense graph end") {
  HostileDb db("hostile-allshortest");
  BuildDense(db);
  // The right answer or a limit.
  HostileRun run = RunHostile(
      *db.store,
      "MATCH (a:V), (b:V), (c:V) MATCH p = allShortestPaths((a)-[*]-(b)) "
      "RETURN count(p)",
      db.options);
  CHECK((run.status.ok() ||
         run.status.code() == absl::StatusCode::kDeadlineExceeded ||
         run.status.code() == absl::StatusCode::kResourceExhausted));
  CHECK(run.seconds < kTimeoutSeconds * 1.5 + 5);
}

TEST_CASE("a 5-way cartesian product stops at the deadline") {
  HostileDb db("hostile-cartesian");
  db.Build("UNWIND range(1, 100) AS i CREATE (:N {i: i})");
  db.ExpectBounded("MATCH (a), (b), (c), (d), (e) RETURN count(*)");
}

TEST_CASE("a 5-way cartesian product sorted stops at a limit") {
  HostileDb db("hostile-cartesian-sort");
  db.Build("UNWIND range(1, 100) AS i CREATE (:N {i: i})");
  db.ExpectBounded(
      "MATCH (a), (b), (c), (d), (e) RETURN a.i, b.i, c.i, d.i, e.i "
      "ORDER BY a.i DESC");
}

TEST_CASE("UNWIND range(1, 10^12) stops") {
  HostileDb db("hostile-range");
  // 10^12 is a float: an error at once, or (as an integer) the deadline.
  HostileRun run = RunHostile(*db.store, "UNWIND range(1, 10^12) AS x RETURN count(x)",
                              db.options);
  CHECK(!run.status.ok());
  CHECK(run.seconds < kTimeoutSeconds * 1.5 + 5);
  db.ExpectBounded("UNWIND range(1, 1000000000000) AS x RETURN count(x)");
  db.ExpectBounded("UNWIND range(1, toInteger(10^12)) AS x RETURN sum(x) % 7");
}

TEST_CASE("range(1, 10^12) as one list stops at the memory budget") {
  HostileDb db("hostile-range-list");
  db.ExpectBounded("RETURN size(range(1, 1000000000000))");
}

TEST_CASE("reduce building a 3 GB string stops") {
  HostileDb db("hostile-reduce");
  std::string chunk(1000, 'x');
  db.ExpectBounded("RETURN size(reduce(s = '', i IN range(1, 3000000) | s + '" +
                   chunk + "'))");
}

TEST_CASE("a list comprehension building a huge list stops") {
  HostileDb db("hostile-comprehension");
  db.ExpectBounded(
      "RETURN size([x IN range(1, 100000) | [y IN range(1, 100000) | y]])");
}

TEST_CASE("collect over a cartesian product stops at the memory budget") {
  HostileDb db("hostile-collect");
  db.Build("UNWIND range(1, 100) AS i CREATE (:N {i: i})");
  db.ExpectBounded(
      "MATCH (a), (b), (c), (d) RETURN collect([a.i, b.i, c.i, d.i, "
      "'padding padding padding padding'])");
}

TEST_CASE("integer overflow in arithmetic and sum is an error") {
  HostileDb db("hostile-overflow");
  for (const char* q : {
           "RETURN 9223372036854775807 + 1",
           "RETURN -9223372036854775807 - 2",
           "RETURN 4611686018427387904 * 2",
           "RETURN -(-9223372036854775807 - 1)",
           "RETURN abs(-9223372036854775807 - 1)",
           "RETURN (-9223372036854775807 - 1) / -1",
           "UNWIND [9223372036854775807, 1] AS x RETURN sum(x)",
           "UNWIND [-9223372036854775807, -2] AS x RETURN sum(x)",
       }) {
    HostileRun run = RunHostile(*db.store, q, db.options);
    CHECK_MESSAGE(run.status.code() == absl::StatusCode::kInvalidArgument,
                  q << " -> " << run.status.ToString());
    CHECK_MESSAGE(std::string(run.status.message()).find("verflow") !=
                      std::string::npos,
                  q << " -> " << run.status.ToString());
  }
  auto ok = query::ExecuteQuery(*db.store, "RETURN 9223372036854775806 + 1",
                                {}, db.options);
  CHECK(ok.ok());
}

}  // namespace
}  // namespace dossier::testing
