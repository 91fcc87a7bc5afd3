// dossier query / stats / schema.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/params.h"
#include "cli/render.h"
#include "cli/statements.h"

namespace dossier::cli {
namespace {

// Opens for writing when possible; read-only when another process writes.
absl::StatusOr<std::unique_ptr<Database>> OpenForQuery(const DbOptions& o) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      OpenDatabase(o, /*read_only=*/false, /*create=*/false);
  if (absl::IsUnavailable(db.status())) {
    return OpenDatabase(o, /*read_only=*/true, /*create=*/false);
  }
  return db;
}

int RunStatements(Database& db, const std::vector<ScriptStatement>& statements,
                  const ValueMap& params, Format format, bool timing) {
  for (const ScriptStatement& s : statements) {
    auto start = std::chrono::steady_clock::now();
    // Rows are written as the statement produces them: a large result is
    // never held whole (a table, which needs its column widths, is).
    ExecuteOptions options;
    options.stream = true;
    absl::StatusOr<Result> r = db.Execute(s.text, params, options);
    auto report = [&](const absl::Status& error) {
      if (statements.size() > 1) {
        std::cerr << "error in the statement at line " << s.line << ":\n";
      }
      return ReportError(error);
    };
    if (!r.ok()) return report(r.status());
    if (!r->plan().empty()) std::cout << r->plan() << "\n";
    if (!r->columns().empty()) {
      if (absl::Status e = Render(*r, format, std::cout); !e.ok()) {
        std::cout.flush();
        return report(e);
      }
    }
    auto elapsed = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start)
                       .count();
    const Stats& st = r->stats();
    if (format == Format::kTable &&
        (st.nodes_created || st.nodes_deleted || st.relationships_created ||
         st.relationships_deleted || st.properties_set || st.labels_added ||
         st.labels_removed)) {
      std::cout << "nodes +" << st.nodes_created << " -" << st.nodes_deleted
                << ", relationships +" << st.relationships_created << " -"
                << st.relationships_deleted << ", properties set "
                << st.properties_set << ", labels +" << st.labels_added << " -"
                << st.labels_removed << "\n";
    }
    if (timing) {
      const Timing& t = r->timing();
      std::cerr << absl::StrFormat(
          "time: %.3f ms (parse %.3f ms, plan %.3f ms, execute %.3f ms)\n",
          elapsed, t.parse_ms, t.plan_ms, t.execute_ms);
    }
  }
  return kExitOk;
}

}  // namespace

int RunQuery(const QueryArgs& args) {
  std::optional<Format> format = ParseFormat(args.format);
  if (!format) {
    std::cerr << "error: unknown --format '" << args.format
              << "' (table, csv, tsv, json, jsonl, markdown)\n";
    return kExitUsage;
  }
  if (args.statement.empty() == args.file.empty()) {
    std::cerr << "error: give one statement or -f FILE (or -f - for stdin)\n";
    return kExitUsage;
  }
  ValueMap params;
  for (const std::string& p : args.params) {
    if (absl::Status s = AddParam(p, &params); !s.ok()) {
      std::cerr << "error: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  std::string script = args.statement;
  if (!args.file.empty()) {
    if (args.file == "-") {
      script.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      std::ifstream in(args.file, std::ios::binary);
      if (!in) {
        std::cerr << "error: cannot read " << args.file << "\n";
        return kExitError;
      }
      script.assign(std::istreambuf_iterator<char>(in), {});
    }
  }
  std::vector<ScriptStatement> statements = SplitStatements(script);
  if (statements.empty()) {
    std::cerr << "error: no statement to run\n";
    return kExitUsage;
  }
  absl::StatusOr<std::unique_ptr<Database>> db = OpenForQuery(args.db);
  if (!db.ok()) return ReportError(db.status());
  return RunStatements(**db, statements, params, *format, args.timing);
}

int RunStats(const DbOptions& o) {
  absl::StatusOr<std::unique_ptr<Database>> db = OpenForQuery(o);
  if (!db.ok()) return ReportError(db.status());
  std::vector<ScriptStatement> statements = {
      {"MATCH (n) RETURN count(n) AS nodes", 1},
      {"MATCH ()-[r]->() RETURN count(r) AS relationships", 1},
      {"MATCH (a:Article) RETURN count(a) AS articles", 1}};
  return RunStatements(**db, statements, {}, Format::kTable, false);
}

int RunSchema(const DbOptions& o) {
  absl::StatusOr<std::unique_ptr<Database>> db = OpenForQuery(o);
  if (!db.ok()) return ReportError(db.status());
  std::vector<ScriptStatement> statements = {
      {"MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes "
       "ORDER BY label",
       1},
      {"MATCH (a)-[r]->(b) RETURN type(r) AS type, head(labels(a)) AS from, "
       "head(labels(b)) AS to, count(*) AS relationships ORDER BY type, from, to",
       1},
      {"MATCH (n) UNWIND keys(n) AS key RETURN DISTINCT key AS node_property "
       "ORDER BY node_property",
       1}};
  return RunStatements(**db, statements, {}, Format::kTable, false);
}

}  // namespace dossier::cli
