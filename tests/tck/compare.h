// Comparison of actual query results and side effects with a scenario's
// expected tables.
#ifndef DOSSIER_TESTS_TCK_COMPARE_H_
#define DOSSIER_TESTS_TCK_COMPARE_H_

#include <optional>
#include <string>

#include "query/engine.h"
#include "query/values/literal_text.h"
#include "tests/tck/gherkin.h"

namespace dossier::tck {

// How a comparison failed: `reason` is a short category for summaries
// ("result: row count differs"), `detail` shows expected and actual.
struct Mismatch {
  std::string reason;
  std::string detail;
};

// Converts the value of an actual result cell into the TCK's terms, looking
// nodes and relationships up in the result's entity maps (an entity missing
// there gets the label or type "?unresolved").
query::TckValue ActualValue(const query::QueryResult& result,
                            const graph::Value& v);

// Compares `actual` with `expected`, a table whose first row is the header.
// Columns must match by name and order; rows match as a sequence when
// `ordered`, otherwise as a multiset; with `ignore_list_order` lists match
// as multisets. Returns nullopt on a match.
std::optional<Mismatch> CompareResult(const query::QueryResult& actual,
                                      const DataTable& expected, bool ordered,
                                      bool ignore_list_order);

// Compares side-effect counters with a `| +nodes | 1 |` table (keys +nodes,
// -nodes, +relationships, -relationships, +properties, -properties,
// +labels, -labels; a key not listed means 0; an empty table means all 0).
std::optional<Mismatch> CompareSideEffects(const query::QueryStats& stats,
                                           const DataTable& expected);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_COMPARE_H_
