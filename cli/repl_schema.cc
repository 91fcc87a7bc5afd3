#include "cli/repl_schema.h"


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
  // From the catalog and the adjacency: no scan of nodes or relationships.
  Vocabulary v;
  absl::StatusOr<std::vector<std::string>> labels =
      Strings(db, "CALL db.labels()", options);
  if (!labels.ok()) return labels.status();
  v.labels = std::move(*labels);
  absl::StatusOr<std::vector<std::string>> types =
      Strings(db, "CALL db.relationshipTypes()", options);
  if (!types.ok()) return types.status();
  v.types = std::move(*types);
  absl::StatusOr<std::vector<std::string>> keys =
      Strings(db, "CALL db.propertyKeys()", options);
  if (!keys.ok()) return keys.status();
  v.keys = std::move(*keys);
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
