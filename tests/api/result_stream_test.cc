// dossier::Result streamed (ExecuteOptions::stream) against the same
// statements materialised: same rows, constant memory, early stop, errors
// after the first row, snapshot isolation, cancellation.
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "dossier/database.h"

namespace dossier {
namespace {

std::unique_ptr<Database> OpenFresh(const std::string& name) {
  std::string dir = std::string(DOSSIER_TEST_TMP) + "/" + name;
  std::filesystem::remove_all(dir);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir);
  REQUIRE(db.ok());
  return std::move(*db);
}

ExecuteOptions Streamed() {
  ExecuteOptions o;
  o.stream = true;
  return o;
}

// Every row as text, with the names of the nodes it holds.
std::vector<std::string> Drain(Result& r) {
  std::vector<std::string> out;
  for (; r.Valid(); r.Next()) {
    std::string line;
    for (const Value& v : r.row()) {
      line += v.DebugString();
      if (v.kind() == ValueKind::kNode) {
        const EntityData* d = r.Node(v.AsNode());
        REQUIRE(d != nullptr);
        line += "=" + d->properties.at("name").AsString();
      }
      line += "|";
    }
    out.push_back(line);
  }
  return out;
}

void MakeAccusations(Database& db) {
  REQUIRE(db.Execute("UNWIND range(1, 40) AS i "
                     "CREATE (:State {name: 'S' + toString(i), rank: i % 7})")
              .ok());
  REQUIRE(
      db.Execute("MATCH (a:State), (b:State) WHERE a.rank = b.rank AND "
                 "a.name < b.name CREATE (a)-[:ACCUSES {kind: 'cyber'}]->(b)")
          .ok());
}

TEST_CASE(
    "a streamed result gives the rows and entities of a materialised one") {
  auto db = OpenFresh("stream_same_rows_db");
  MakeAccusations(*db);
  for (const char* q :
       {"MATCH (a)-[r:ACCUSES]->(b) RETURN a, r.kind, b ORDER BY a.name, "
        "b.name",
        "MATCH (a:State) RETURN a.rank AS k, count(*) AS c ORDER BY k",
        "MATCH p = (a:State {name: 'S1'})-[:ACCUSES*1..2]->(b) "
        "RETURN b, length(p) ORDER BY b.name",
        "MATCH (a:State) WHERE a.rank = 3 RETURN a ORDER BY a.name SKIP 1 "
        "LIMIT 3",
        "UNWIND [] AS x RETURN x"}) {
    CAPTURE(q);
    absl::StatusOr<Result> whole = db->Execute(q);
    REQUIRE(whole.ok());
    CHECK_FALSE(whole->streaming());
    absl::StatusOr<Result> streamed = db->Execute(q, {}, Streamed());
    REQUIRE(streamed.ok());
    CHECK(streamed->streaming());
    CHECK(streamed->columns() == whole->columns());
    std::vector<std::string> a = Drain(*whole);
    std::vector<std::string> b = Drain(*streamed);
    CHECK(a == b);
    CHECK(streamed->status().ok());
  }
}

TEST_CASE("a streamed result holds one row at a time") {
  auto db = OpenFresh("stream_memory_db");
  ExecuteOptions tight = Streamed();
  tight.max_memory_bytes = 4 << 20;  // Far below 2 million rows.
  const char* q = "UNWIND range(1, 2000000) AS i RETURN i, toString(i) AS s";
  ExecuteOptions whole_tight;
  whole_tight.max_memory_bytes = tight.max_memory_bytes;
  absl::StatusOr<Result> whole = db->Execute(q, {}, whole_tight);
  CHECK(absl::IsResourceExhausted(whole.status()));

  absl::StatusOr<Result> r = db->Execute(q, {}, tight);
  REQUIRE(r.ok());
  int64_t n = 0, sum = 0;
  for (; r->Valid(); r->Next()) {
    ++n;
    sum += r->Get(0).AsInt();
  }
  CHECK(r->status().ok());
  CHECK(n == 2000000);
  CHECK(sum == int64_t{2000000} * 2000001 / 2);
}

TEST_CASE("a streamed result can stop early on an endless statement") {
  auto db = OpenFresh("stream_early_db");
  ExecuteOptions o = Streamed();
  o.timeout = absl::Seconds(30);
  absl::StatusOr<Result> r =
      db->Execute("UNWIND range(1, 1000000000000) AS i RETURN i", {}, o);
  REQUIRE(r.ok());
  std::vector<int64_t> first;
  for (; r->Valid() && first.size() < 3; r->Next())
    first.push_back(r->Get(0).AsInt());
  CHECK(first == std::vector<int64_t>{1, 2, 3});
  CHECK(r->status().ok());
  // Destroying the result ends the statement.
}

TEST_CASE("an error after the first row ends a streamed result") {
  auto db = OpenFresh("stream_error_db");
  const char* q = "UNWIND [5, 1, 0, 2] AS x RETURN 10 / x AS y";
  CHECK_FALSE(db->Execute(q).ok());  // Materialised: the whole statement fails.
  absl::StatusOr<Result> r = db->Execute(q, {}, Streamed());
  REQUIRE(r.ok());
  std::vector<int64_t> seen;
  for (; r->Valid(); r->Next()) seen.push_back(r->Get(0).AsInt());
  CHECK(seen == std::vector<int64_t>{2, 10});
  CHECK_FALSE(r->status().ok());
  CHECK(std::string(r->status().message()).find("DivisionByZero") !=
        std::string::npos);
  // An error before the first row is Execute's own.
  absl::StatusOr<Result> first =
      db->Execute("RETURN 1 / 0 AS y", {}, Streamed());
  CHECK_FALSE(first.ok());
}

TEST_CASE("a streamed result reads its snapshot while others write") {
  auto db = OpenFresh("stream_snapshot_db");
  REQUIRE(db->Execute("UNWIND range(1, 5) AS i CREATE (:State {name: 'S' + "
                      "toString(i)})")
              .ok());
  absl::StatusOr<Result> r = db->Execute(
      "MATCH (s:State) RETURN s.name AS name ORDER BY name", {}, Streamed());
  REQUIRE(r.ok());
  REQUIRE(r->Valid());
  CHECK(r->Get(0).AsString() == "S1");
  r->Next();
  // A writer is not blocked by the open result, and the result does not see
  // its write.
  REQUIRE(
      db->Execute("CREATE (:State {name: 'S0'}), (:State {name: 'S9'})").ok());
  std::vector<std::string> rest;
  for (; r->Valid(); r->Next()) rest.push_back(r->Get(0).AsString());
  CHECK(rest == std::vector<std::string>{"S2", "S3", "S4", "S5"});
  absl::StatusOr<Result> count =
      db->Execute("MATCH (s:State) RETURN count(s)", {}, Streamed());
  REQUIRE(count.ok());
  CHECK(count->Get(0).AsInt() == 7);
}

TEST_CASE("a streamed result stops when cancelled") {
  auto db = OpenFresh("stream_cancel_db");
  std::atomic<bool> cancel{false};
  ExecuteOptions o = Streamed();
  o.cancel = &cancel;
  absl::StatusOr<Result> r =
      db->Execute("UNWIND range(1, 10000000) AS i RETURN i", {}, o);
  REQUIRE(r.ok());
  int64_t n = 0;
  for (; r->Valid(); r->Next()) {
    if (++n == 10) cancel = true;
  }
  CHECK(absl::IsCancelled(r->status()));
  CHECK(n < 10000);
}

TEST_CASE("rows() and size() of a streamed result read what remains") {
  auto db = OpenFresh("stream_rows_db");
  absl::StatusOr<Result> r =
      db->Execute("UNWIND range(1, 10) AS i RETURN i", {}, Streamed());
  REQUIRE(r.ok());
  r->Next();
  r->Next();
  CHECK(r->Get(0).AsInt() == 3);
  CHECK(r->size() == 8);
  const auto& rows = r->rows();
  REQUIRE(rows.size() == 8);
  CHECK(rows.front()[0].AsInt() == 3);
  CHECK(rows.back()[0].AsInt() == 10);
  int64_t n = 0;
  for (; r->Valid(); r->Next()) ++n;
  CHECK(n == 8);
}

TEST_CASE("a writing statement asked to stream runs to its end first") {
  auto db = OpenFresh("stream_write_db");
  absl::StatusOr<Result> r = db->Execute(
      "UNWIND range(1, 3) AS i CREATE (s:State {name: 'S' + toString(i)}) "
      "RETURN s",
      {}, Streamed());
  REQUIRE(r.ok());
  CHECK_FALSE(r->streaming());
  CHECK(r->stats().nodes_created == 3);
  CHECK(r->size() == 3);
  std::vector<std::string> rows = Drain(*r);
  CHECK(rows.size() == 3);
  // A failing write leaves nothing behind.
  absl::StatusOr<Result> bad = db->Execute(
      "CREATE (:State {name: 'X'}) WITH 1 AS one UNWIND [1, 0] AS x "
      "RETURN 1 / x",
      {}, Streamed());
  CHECK_FALSE(bad.ok());
  absl::StatusOr<Result> count = db->Execute("MATCH (s:State) RETURN count(s)");
  REQUIRE(count.ok());
  CHECK(count->Get(0).AsInt() == 3);
}

}  // namespace
}  // namespace dossier
