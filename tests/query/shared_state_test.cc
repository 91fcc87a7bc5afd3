// Queries reading the label members and property columns the store shares
// between the transactions of one committed state: later statements see
// every commit, and answers equal those read from the records.
#include <algorithm>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier {
namespace {

using testing::Rows;
using testing::Scalar;
using testing::TestDb;

std::vector<std::string> Sorted(const query::QueryResult& r) {
  std::vector<std::string> rows = Rows(r);
  std::sort(rows.begin(), rows.end());
  return rows;
}

// 6,000 nodes, a third of them :Hub, each with an edge to the next.
void Build(TestDb& db) {
  db.Run(
      "UNWIND range(0, 5999) AS i CREATE (:V {id: i, k: CASE WHEN i % 5 = 0 "
      "THEN toString(i) ELSE i END})");
  db.Run("MATCH (n:V) WHERE n.id % 3 = 0 SET n:Hub");
  db.Run(
      "MATCH (a:V), (b:V) WHERE b.id = a.id + 1 AND a.id % 2 = 0 "
      "CREATE (a)-[:E]->(b)");
}

// The query reads every node's `k` more than the column waits for, and
// checks every relationship's end for :Hub past the label-index threshold.
const char* kByColumn =
    "UNWIND range(1, 3) AS r MATCH (a:V)-[:E]->(b:Hub) "
    "RETURN r, a.id, b.k";
const char* kByRecords =
    "UNWIND range(1, 3) AS r MATCH (a:V)-[:E]->(b) WHERE 'Hub' IN labels(b) "
    "RETURN r, properties(a)['id'], properties(b)['k']";

TEST_CASE("shared columns and label members follow every commit") {
  TestDb db("shared-state-queries");
  Build(db);
  auto first = db.Run(kByColumn);
  CHECK(first.rows.size() == 3000);
  CHECK(Sorted(first) == Sorted(db.Run(kByRecords)));
  // The state is now shared; a second run answers from it.
  CHECK(Sorted(db.Run(kByColumn)) == Sorted(first));
  CHECK(Scalar(db.Run("MATCH (n:V) RETURN sum(n.id)")) ==
        graph::Value::Int(5999 * 6000 / 2));

  // Commits change values, kinds and labels; the next statements see them.
  db.Run("MATCH (n:V) WHERE n.id % 4 = 1 SET n.k = -n.id");
  db.Run("MATCH (n:V) WHERE n.id % 7 = 3 SET n.k = [n.id]");
  db.Run("MATCH (n:Hub) WHERE n.id % 9 = 0 REMOVE n:Hub");
  db.Run("MATCH (n:V) WHERE n.id % 11 = 5 SET n:Hub");
  db.Run("MATCH (n:V) WHERE n.id % 13 = 1 REMOVE n.k");
  auto after = db.Run(kByColumn);
  CHECK(Sorted(after) == Sorted(db.Run(kByRecords)));
  CHECK(Sorted(after) != Sorted(first));
  db.Run("MATCH (n:V {id: 1}) SET n.id = 1000000");
  CHECK(Scalar(db.Run("MATCH (n:V) RETURN sum(n.id)")) ==
        graph::Value::Int(5999 * 6000 / 2 - 1 + 1000000));

  // New nodes (ids past the old bound) and a deleted one are seen.
  db.Run("UNWIND range(1, 50) AS i CREATE (:V:Hub {id: -i, k: i})");
  db.Run("MATCH (n:V {id: 2}) DETACH DELETE n");
  auto grown = db.Run(kByColumn);
  CHECK(Sorted(grown) == Sorted(db.Run(kByRecords)));
  CHECK(Scalar(db.Run("MATCH (n:Hub) WHERE n.id < 0 RETURN count(n.k)")) ==
        graph::Value::Int(50));
  // Unlabelled scans (every node) follow commits too.
  const char* every = "UNWIND range(1, 2) AS r MATCH (n) RETURN count(*)";
  CHECK(Scalar(db.Run(every)) == graph::Value::Int(2 * (6000 + 50 - 1)));
  db.Run("CREATE ()");
  CHECK(Scalar(db.Run(every)) == graph::Value::Int(2 * (6000 + 50)));
}

TEST_CASE("building a shared column stays inside the query's memory limit") {
  TestDb db("shared-state-memory");
  // 6,000 nodes of 2 KB strings: a column of them holds 12 MB.
  db.Run(
      "UNWIND range(0, 5999) AS i CREATE (:V {id: i, bio: "
      "reduce(s = '', j IN range(1, 64) | s + "
      "'abcdefghijklmnopqrstuvwxyz012345')})");
  const std::string q =
      "UNWIND range(1, 2) AS r MATCH (n:V) RETURN sum(size(n.bio))";
  query::QueryOptions tight;
  tight.max_memory_bytes = 4 << 20;
  absl::Status s = db.Fail(q, {}, tight);
  CHECK(s.code() == absl::StatusCode::kResourceExhausted);
  // Without the limit the column is built (and then shared).
  CHECK(Scalar(db.Run(q)) == graph::Value::Int(2 * 6000 * 2048));
  // A query under the limit that reads few values never takes the column.
  CHECK(Scalar(db.Run("MATCH (n:V) WHERE n.id < 100 RETURN count(n.bio)", {},
                      tight)) == graph::Value::Int(100));
}

}  // namespace
}  // namespace dossier
