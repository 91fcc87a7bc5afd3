// Helpers shared by the engine tests: a store in a fresh directory and
// short ways to run queries.
#ifndef DOSSIER_TESTS_QUERY_ENGINE_TEST_UTIL_H_
#define DOSSIER_TESTS_QUERY_ENGINE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "graph/store.h"
#include "query/engine.h"
#include "query/values/literal_text.h"
#include "tests/graph/test_util.h"

namespace dossier::testing {

// A store in its own temporary directory.
struct TestDb {
  explicit TestDb(const std::string& name) : dir(name) {
    auto s = graph::Store::Open(dir.path());
    REQUIRE_MESSAGE(s.ok(), s.status().ToString());
    store = std::move(*s);
  }
  // Runs a query that must succeed.
  query::QueryResult Run(const std::string& q,
                         const graph::ValueMap& params = {},
                         const query::QueryOptions& options = {}) {
    auto r = query::ExecuteQuery(*store, q, params, options);
    REQUIRE_MESSAGE(r.ok(), q << "\n" << r.status().ToString());
    return std::move(*r);
  }
  // Runs a query and returns its status.
  absl::Status Fail(const std::string& q, const graph::ValueMap& params = {},
                    const query::QueryOptions& options = {}) {
    return query::ExecuteQuery(*store, q, params, options).status();
  }
  TempDir dir;
  std::unique_ptr<graph::Store> store;
};

// The rows rendered as text, one string per row: "a | 1 | 'x'".
inline std::vector<std::string> Rows(const query::QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string s;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += " | ";
      s += query::ValueText(row[i]);
    }
    out.push_back(s);
  }
  return out;
}

// True when the plan text of `r` (EXPLAIN, PROFILE) contains `what`.
inline bool PlanHas(const query::QueryResult& r, const std::string& what) {
  return r.plan.find(what) != std::string::npos;
}

// A query written with a "{W}" marker in its WHERE position: FastForm drops
// the marker (the plan rewrites apply), SlowForm puts `WHERE true` there (a
// Filter that keeps the count rewrites off: the row-by-row reference).
inline std::string FastForm(std::string q) {
  return q.replace(q.find("{W}"), 3, "");
}
inline std::string SlowForm(std::string q) {
  return q.replace(q.find("{W}"), 3, "WHERE true");
}

// The single value of a one-row, one-column result.
inline graph::Value Scalar(const query::QueryResult& r) {
  REQUIRE(r.rows.size() == 1);
  REQUIRE(r.rows[0].size() == 1);
  return r.rows[0][0];
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_QUERY_ENGINE_TEST_UTIL_H_
