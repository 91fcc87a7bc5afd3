// Result and side-effect comparison.
#include "tests/tck/compare.h"

#include <functional>
#include <map>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace dossier::tck {
namespace {

using query::TckValue;

constexpr size_t kShownRows = 12;

// The rows of a table as text, one per line, at most kShownRows.
std::string RowsText(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < kShownRows; ++i) {
    absl::StrAppend(&out, "    | ", absl::StrJoin(rows[i], " | "), " |\n");
  }
  if (rows.size() > kShownRows) {
    absl::StrAppend(&out, "    … ", rows.size() - kShownRows, " more\n");
  }
  return out;
}

// Kuhn's augmenting-path search for a perfect matching of expected rows to
// actual rows; `fits[i][j]` says expected row i matches actual row j.
bool Augment(size_t i, const std::vector<std::vector<bool>>& fits,
             std::vector<bool>& seen, std::vector<int>& owner) {
  for (size_t j = 0; j < fits[i].size(); ++j) {
    if (!fits[i][j] || seen[j]) continue;
    seen[j] = true;
    if (owner[j] < 0 || Augment(owner[j], fits, seen, owner)) {
      owner[j] = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

bool RowMatches(const std::vector<TckValue>& e, const std::vector<TckValue>& a,
                bool ignore_list_order) {
  for (size_t c = 0; c < e.size(); ++c) {
    if (!query::TckMatches(e[c], a[c], ignore_list_order)) return false;
  }
  return true;
}

}  // namespace

TckValue ActualValue(const query::QueryResult& result, const graph::Value& v) {
  query::TckResolver resolver;
  resolver.node = [&result](graph::NodeId id) {
    query::TckNode n;
    auto it = result.nodes.find(id);
    if (it == result.nodes.end()) {
      n.labels = {"?unresolved"};
      return n;
    }
    n.labels = it->second.labels;
    n.props = it->second.properties;
    return n;
  };
  resolver.relationship = [&result](const graph::EdgeRef& e) {
    query::TckRelationship r;
    auto it = result.edges.find(e.id);
    if (it == result.edges.end() || it->second.labels.empty()) {
      r.type = "?unresolved";
      return r;
    }
    r.type = it->second.labels.front();
    r.props = it->second.properties;
    return r;
  };
  return query::ToTckValue(v, resolver);
}

std::optional<Mismatch> CompareResult(const query::QueryResult& actual,
                                      const DataTable& expected, bool ordered,
                                      bool ignore_list_order) {
  if (expected.empty()) {
    return Mismatch{"runner: result table without header", ""};
  }
  const std::vector<std::string>& header = expected.front();
  if (header != actual.columns) {
    return Mismatch{"result: columns differ",
                    absl::StrCat("expected columns [", absl::StrJoin(header, ", "),
                                 "], got [", absl::StrJoin(actual.columns, ", "),
                                 "]")};
  }
  // Expected cells parsed; actual cells converted; both also as text.
  std::vector<std::vector<TckValue>> want, got;
  std::vector<std::vector<std::string>> want_text, got_text;
  for (size_t r = 1; r < expected.size(); ++r) {
    std::vector<TckValue> row;
    for (const std::string& cell : expected[r]) {
      absl::StatusOr<TckValue> v = query::ParseTckValue(cell);
      if (!v.ok()) {
        return Mismatch{"runner: cannot parse an expected cell",
                        absl::StrCat(cell, ": ", v.status().ToString())};
      }
      row.push_back(std::move(*v));
    }
    want.push_back(std::move(row));
    want_text.push_back(expected[r]);
  }
  for (const auto& row : actual.rows) {
    std::vector<TckValue> conv;
    std::vector<std::string> text;
    for (const graph::Value& v : row) {
      conv.push_back(ActualValue(actual, v));
      text.push_back(query::TckText(conv.back()));
    }
    got.push_back(std::move(conv));
    got_text.push_back(std::move(text));
  }
  auto shown = [&] {
    return absl::StrCat("  expected (", want.size(), " rows):\n",
                        RowsText(want_text), "  actual (", got.size(),
                        " rows):\n", RowsText(got_text));
  };
  for (const auto& row : got) {
    if (row.size() != header.size()) {
      return Mismatch{"result: row width differs from columns", shown()};
    }
  }
  if (want.size() != got.size()) {
    return Mismatch{"result: row count differs", shown()};
  }
  if (ordered) {
    for (size_t r = 0; r < want.size(); ++r) {
      if (!RowMatches(want[r], got[r], ignore_list_order)) {
        // Distinguish a wrong order from wrong values.
        std::optional<Mismatch> unordered =
            CompareResult(actual, expected, false, ignore_list_order);
        return Mismatch{unordered ? "result: values differ"
                                  : "result: row order differs",
                        absl::StrCat("first difference at row ", r + 1, "\n",
                                     shown())};
      }
    }
    return std::nullopt;
  }
  std::vector<std::vector<bool>> fits(want.size(),
                                      std::vector<bool>(got.size()));
  for (size_t i = 0; i < want.size(); ++i) {
    for (size_t j = 0; j < got.size(); ++j) {
      fits[i][j] = RowMatches(want[i], got[j], ignore_list_order);
    }
  }
  std::vector<int> owner(got.size(), -1);
  for (size_t i = 0; i < want.size(); ++i) {
    std::vector<bool> seen(got.size(), false);
    if (!Augment(i, fits, seen, owner)) {
      return Mismatch{"result: values differ",
                      absl::StrCat("no actual row for expected row ", i + 1,
                                   ": | ", absl::StrJoin(want_text[i], " | "),
                                   " |\n", shown())};
    }
  }
  return std::nullopt;
}

std::optional<Mismatch> CompareSideEffects(const query::QueryStats& stats,
                                           const DataTable& expected) {
  const std::map<std::string, int64_t> actual = {
      {"+nodes", stats.nodes_created},
      {"-nodes", stats.nodes_deleted},
      {"+relationships", stats.relationships_created},
      {"-relationships", stats.relationships_deleted},
      {"+properties", stats.properties_set},
      {"-properties", stats.properties_removed},
      {"+labels", stats.labels_added},
      {"-labels", stats.labels_removed},
  };
  std::map<std::string, int64_t> want;
  for (const auto& [key, value] : actual) want[key] = 0;
  for (const auto& row : expected) {
    int64_t n = 0;
    if (row.size() != 2 || !want.count(row[0]) || !absl::SimpleAtoi(row[1], &n)) {
      return Mismatch{"runner: bad side-effects row",
                      absl::StrJoin(row, " | ")};
    }
    want[row[0]] = n;
  }
  std::vector<std::string> diffs;
  std::string keys;
  for (const auto& [key, value] : actual) {
    if (want[key] != value) {
      diffs.push_back(absl::StrCat(key, ": expected ", want[key], ", got ",
                                   value));
      absl::StrAppend(&keys, keys.empty() ? "" : " ", key);
    }
  }
  if (diffs.empty()) return std::nullopt;
  return Mismatch{absl::StrCat("side effects differ (", keys, ")"),
                  absl::StrJoin(diffs, "; ")};
}

}  // namespace dossier::tck
