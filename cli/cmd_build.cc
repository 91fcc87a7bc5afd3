// dossier build / extract / ingest.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/render.h"
#include "graph/facts_json.h"
#include "loaders/extract.h"
#include "loaders/read/articles.h"

namespace dossier::cli {
namespace {

void PrintProblems(const LoadReport& r) {
  for (const std::string& p : r.problems) std::cerr << "skipped: " << p << "\n";
}

// The count of nodes per label as one statement: a label scan per label
// (the label index, no node record read), in db.labels() order (sorted).
std::string NodesPerLabelQuery(Database& db, ValueMap* params) {
  std::string q;
  absl::StatusOr<Result> labels = db.Execute("CALL db.labels()");
  if (labels.ok()) {
    for (const std::vector<Value>& row : labels->rows()) {
      if (row.empty() || row[0].kind() != ValueKind::kString) continue;
      std::string name;
      for (char c : row[0].AsString()) {
        name += c;
        if (c == '`') name += '`';
      }
      const std::string param = absl::StrCat("l", params->size());
      absl::StrAppend(&q, q.empty() ? "" : " UNION ALL ", "MATCH (n:`", name,
                      "`) RETURN $", param, " AS label, count(*) AS nodes");
      params->insert_or_assign(param, row[0]);
    }
  }
  if (q.empty()) {
    params->clear();
    q = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes "
        "ORDER BY label";
  }
  return q;
}

// Nodes per label and relationships per type, as tables.
void PrintGraphSummary(Database& db) {
  ValueMap label_params;
  const std::string by_label = NodesPerLabelQuery(db, &label_params);
  const std::pair<std::string, ValueMap> queries[] = {
      {by_label, label_params},
      {"MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships "
       "ORDER BY type",
       {}}};
  for (const auto& [q, params] : queries) {
    absl::StatusOr<Result> r = db.Execute(q, params);
    absl::Status s = r.status();
    if (s.ok()) s = Render(*r, Format::kTable, std::cout, /*footer=*/false);
    if (!s.ok()) {
      std::cerr << "warning: summary unavailable: " << s.message() << "\n";
    }
  }
}

}  // namespace

int RunBuild(const BuildArgs& args) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      OpenDatabase(args.db, /*read_only=*/false, /*create=*/true);
  if (!db.ok()) return ReportError(db.status());
  const bool tty = isatty(STDERR_FILENO);
  ProgressFn progress = nullptr;
  if (tty) {
    progress = [](int64_t done, int64_t total, std::string_view path) {
      const int width = 30;
      int filled = total > 0 ? static_cast<int>(width * done / total) : width;
      std::cerr << "\r[" << std::string(filled, '#')
                << std::string(width - filled, ' ') << "] " << done << "/"
                << total << " " << std::string(path.substr(0, 40))
                << "\x1b[K" << std::flush;
    };
  }
  absl::StatusOr<LoadReport> report = (*db)->LoadPaths(args.paths, progress);
  if (tty) std::cerr << "\r\x1b[K";
  if (!report.ok()) return ReportError(report.status());
  PrintProblems(*report);
  std::cout << "articles: " << report->articles_loaded << " loaded, "
            << report->articles_already_present << " already present, "
            << report->articles_failed << " failed ("
            << report->bytes_read << " bytes read)\n";
  std::cout << "entities created: " << report->entities_created
            << ", relations written: " << report->relations_written << "\n";
  PrintGraphSummary(**db);
  bool any = report->articles_loaded > 0 ||
             (report->articles_already_present > 0 &&
              report->articles_failed == 0);
  return any ? kExitOk : kExitError;
}

int RunExtract(const ExtractArgs& args) {
  loaders::ExtractorOptions eo;
  eo.extra_lexicon_paths = args.lexicons;
  absl::StatusOr<std::unique_ptr<loaders::Extractor>> extractor =
      loaders::Extractor::Create(eo);
  if (!extractor.ok()) return ReportError(extractor.status());
  int64_t written = 0, failed = 0;
  for (const std::string& path : args.paths) {
    absl::StatusOr<loaders::ReadResult> read = loaders::ReadPath(path);
    if (!read.ok()) {
      std::cerr << "skipped: " << read.status().message() << "\n";
      ++failed;
      continue;
    }
    for (const std::string& p : read->problems) std::cerr << "skipped: " << p << "\n";
    failed += static_cast<int64_t>(read->problems.size());
    for (const loaders::Document& doc : read->docs) {
      absl::StatusOr<graph::Facts> facts = (*extractor)->Extract(doc);
      if (!facts.ok()) {
        std::cerr << "skipped: " << doc.meta.path << ": "
                  << facts.status().message() << "\n";
        ++failed;
        continue;
      }
      std::cout << graph::FactsToJson(*facts) << "\n";
      ++written;
    }
  }
  std::cout.flush();
  return written > 0 ? kExitOk : kExitError;
}

int RunIngest(const IngestArgs& args) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      OpenDatabase(args.db, /*read_only=*/false, /*create=*/true);
  if (!db.ok()) return ReportError(db.status());
  LoadReport total;
  for (const std::string& file : args.files) {
    std::string bytes;
    if (file == "-") {
      bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "skipped: " << file << ": cannot read\n";
        ++total.articles_failed;
        continue;
      }
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    absl::StatusOr<LoadReport> r =
        (*db)->IngestFactsLines(file == "-" ? "<stdin>" : file, bytes);
    if (!r.ok()) return ReportError(r.status());
    total.articles_loaded += r->articles_loaded;
    total.articles_already_present += r->articles_already_present;
    total.articles_failed += r->articles_failed;
    total.entities_created += r->entities_created;
    total.relations_written += r->relations_written;
    total.problems.insert(total.problems.end(), r->problems.begin(),
                          r->problems.end());
  }
  PrintProblems(total);
  std::cout << "articles: " << total.articles_loaded << " ingested, "
            << total.articles_already_present << " already present, "
            << total.articles_failed << " failed\n";
  std::cout << "entities created: " << total.entities_created
            << ", relations written: " << total.relations_written << "\n";
  bool any = total.articles_loaded > 0 ||
             (total.articles_already_present > 0 && total.articles_failed == 0);
  return any ? kExitOk : kExitError;
}

}  // namespace dossier::cli
