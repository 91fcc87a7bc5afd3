// The traversal query set of `dossier bench` and Kùzu's DDL and COPY.
#include "cli/bench_queries.h"

#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace dossier::cli {
namespace {

// ":Name" when `names` holds exactly one name, else "".
std::string Only(const std::vector<std::string>& names) {
  return names.size() == 1 ? absl::StrCat(":", names[0]) : "";
}

std::string NodePattern(const char* var, const BenchNode& n) {
  return absl::StrCat("(", var, ":", n.label, " {id: ", n.literal, "})");
}

}  // namespace

std::vector<BenchQuery> TraversalQueries(const BenchWorkload& w) {
  std::vector<std::string> seed_ids;
  for (const BenchNode& n : w.seeds) seed_ids.push_back(n.literal);
  const std::string seeds =
      absl::StrCat("[", absl::StrJoin(seed_ids, ", "), "]");
  const BenchNode& one = w.seeds[0];
  const std::string label = Only(w.labels);
  const std::string type = Only(w.types);
  std::vector<BenchQuery> q;
  std::string lookup =
      absl::StrCat("MATCH ", NodePattern("n", one), " RETURN n.id");
  q.push_back({"lookup", "point lookup by key", {lookup}, {lookup}});
  std::string hop1 =
      absl::StrCat("MATCH (a", label, ")-[", type, "]->(b", label,
                   ") WHERE a.id IN ", seeds, " RETURN count(*)");
  q.push_back({"hop1", "1-hop count from the seeds", {hop1}, {hop1}});
  for (int k : {2, 3}) {
    q.push_back(
        {absl::StrCat("reach", k),
         absl::StrCat(k, "-hop distinct reach (seed, node) pairs"),
         {absl::StrCat("MATCH (a", label, ")-[", type, "*1..", k, "]->(b",
                       label, ") WHERE a.id IN ", seeds,
                       " AND b.id <> a.id WITH DISTINCT a, b RETURN count(*)")},
         {absl::StrCat("MATCH (a", label, ")-[", type, "* SHORTEST 1..", k,
                       "]->(b", label, ") WHERE a.id IN ", seeds,
                       " AND b.id <> a.id RETURN count(*)")}});
  }
  q.push_back(
      {"paths13",
       "*1..3 path count from one seed (trails)",
       {absl::StrCat("MATCH ", NodePattern("a", one), "-[", type, "*1..3]->(b",
                     label, ") RETURN count(*)")},
       {absl::StrCat("MATCH ", NodePattern("a", one), "-[", type,
                     "* TRAIL 1..3]->(b", label, ") RETURN count(*)")}});
  BenchQuery sp{
      "shortest",
      absl::StrCat("shortest-path length, ", w.pairs.size(), " fixed pairs"),
      {},
      {}};
  for (const auto& [a, b] : w.pairs) {
    sp.dossier.push_back(
        absl::StrCat("MATCH p = shortestPath(", NodePattern("a", a), "-[", type,
                     "*..30]->", NodePattern("b", b), ") RETURN length(p)"));
    sp.kuzu.push_back(absl::StrCat("MATCH ", NodePattern("a", a), "-[e", type,
                                   "* SHORTEST 1..30]->", NodePattern("b", b),
                                   " RETURN length(e)"));
  }
  q.push_back(std::move(sp));
  q.push_back(
      {"by_type",
       "count by relationship type",
       {"MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t"},
       {"MATCH ()-[r]->() RETURN label(r) AS t, count(*) AS c ORDER BY t"}});
  std::string top = absl::StrCat("MATCH (a", label, ")-[", type,
                                 "]->() RETURN a.id AS id, count(*) AS d "
                                 "ORDER BY d DESC, id ASC LIMIT 10");
  q.push_back({"top10", "top-10 out-degree", {top}, {top}});
  return q;
}

std::vector<std::string> KuzuSchema(const BenchWorkload& w) {
  std::vector<std::string> ddl;
  for (const std::string& label : w.labels) {
    ddl.push_back(absl::StrCat("CREATE NODE TABLE ", label, "(id ",
                               w.integer_ids ? "INT64" : "STRING",
                               ", PRIMARY KEY(id))"));
  }
  std::map<std::string, std::set<std::pair<std::string, std::string>>> ends;
  for (const BenchEdgeFile& f : w.edge_files)
    ends[f.type].insert({f.from, f.to});
  for (const auto& [type, pairs] : ends) {
    std::vector<std::string> from_to;
    for (const auto& [from, to] : pairs) {
      from_to.push_back(absl::StrCat("FROM ", from, " TO ", to));
    }
    ddl.push_back(absl::StrCat("CREATE REL TABLE ", type, "(",
                               absl::StrJoin(from_to, ", "), ")"));
  }
  return ddl;
}

std::vector<std::string> KuzuCopies(const BenchWorkload& w) {
  std::vector<std::string> copies;
  for (const BenchNodeFile& f : w.node_files) {
    copies.push_back(
        absl::StrCat("COPY ", f.label, " FROM '", f.path, "' (HEADER=true)"));
  }
  for (const BenchEdgeFile& f : w.edge_files) {
    copies.push_back(absl::StrCat("COPY ", f.type, " FROM '", f.path,
                                  "' (from='", f.from, "', to='", f.to,
                                  "', HEADER=true)"));
  }
  return copies;
}

}  // namespace dossier::cli
