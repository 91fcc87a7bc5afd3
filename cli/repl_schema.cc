#include "cli/repl_schema.h"

#include <set>

namespace dossier::cli {
namespace {

absl::StatusOr<std::vector<std::string>> Strings(Database& db,
                                                 std::string_view statement,
                                                 const ExecuteOptions& options) {
  absl::StatusOr<Result> r = db.Execute(statement, {}, options);
  if (!r.ok()) return r.status();
  std::vector<std::string> out;
  for (; r->Valid(); r->Next()) {
    if (r->Get(0).kind() == ValueKind::kString) out.push_back(r->Get(0).AsString());
  }
  return out;
}

absl::Status PrintQueries(Database& db, const ExecuteOptions& options,
                          Format format, std::ostream& out,
                          std::initializer_list<std::string_view> statements) {
  bool first = true;
  for (std::string_view s : statements) {
    absl::StatusOr<Result> r = db.Execute(s, {}, options);
    if (!r.ok()) return r.status();
    // Tables and markdown: a blank line between tables.
    if (!first && (format == Format::kTable || format == Format::kMarkdown)) {
      out << "\n";
    }
    first = false;
    if (absl::Status s = Render(*r, format, out, /*footer=*/false); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Vocabulary> LoadVocabulary(Database& db,
                                          const ExecuteOptions& options) {
  Vocabulary v;
  absl::StatusOr<std::vector<std::string>> labels = Strings(
      db, "MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l",
      options);
  if (!labels.ok()) return labels.status();
  v.labels = std::move(*labels);
  absl::StatusOr<std::vector<std::string>> types = Strings(
      db, "MATCH ()-[r]->() RETURN DISTINCT type(r) AS t ORDER BY t", options);
  if (!types.ok()) return types.status();
  v.types = std::move(*types);
  std::set<std::string> keys;
  for (std::string_view q :
       {"MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k",
        "MATCH ()-[r]->() UNWIND keys(r) AS k RETURN DISTINCT k"}) {
    absl::StatusOr<std::vector<std::string>> k = Strings(db, q, options);
    if (!k.ok()) return k.status();
    keys.insert(k->begin(), k->end());
  }
  v.keys.assign(keys.begin(), keys.end());
  return v;
}

absl::Status PrintSchema(Database& db, const ExecuteOptions& options,
                         Format format, std::ostream& out) {
  return PrintQueries(
      db, options, format, out,
      {"MATCH (n) UNWIND labels(n) AS label "
       "RETURN label, count(*) AS nodes ORDER BY label",
       "MATCH (a)-[r]->(b) RETURN type(r) AS type, head(labels(a)) AS from, "
       "head(labels(b)) AS to, count(*) AS relationships "
       "ORDER BY type, from, to",
       "MATCH (n) UNWIND keys(n) AS key UNWIND labels(n) AS label "
       "WITH key, label ORDER BY label "
       "RETURN key AS property, 'node' AS of, collect(DISTINCT label) AS found_in "
       "ORDER BY property",
       "MATCH ()-[r]->() UNWIND keys(r) AS key WITH key, type(r) AS t "
       "ORDER BY t RETURN key AS property, 'relationship' AS of, "
       "collect(DISTINCT t) AS found_in ORDER BY property"});
}

absl::Status PrintStats(Database& db, const ExecuteOptions& options,
                        Format format, std::ostream& out) {
  return PrintQueries(
      db, options, format, out,
      {"MATCH (n) WITH count(n) AS nodes "
       "OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships "
       "OPTIONAL MATCH (a:Article) "
       "RETURN nodes, relationships, count(a) AS articles"});
}

}  // namespace dossier::cli
