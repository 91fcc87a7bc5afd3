// Database::LoadPaths and LoadArticle: read → extract → ingest, one article
// per atomic batch.
#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/facts_json.h"
#include "graph/ingest.h"
#include "graph/status_macros.h"
#include "loaders/read/articles.h"
#include "loaders/read/source.h"

namespace dossier {
namespace {

// Extracts and ingests each document; problems go to the report.
absl::Status LoadDocuments(graph::Ingester& ingester,
                           const loaders::Extractor& extractor,
                           std::vector<loaders::Document>& docs,
                           LoadReport* report) {
  for (loaders::Document& doc : docs) {
    absl::StatusOr<graph::Facts> facts = extractor.Extract(doc);
    if (!facts.ok()) {
      ++report->articles_failed;
      report->problems.push_back(absl::StrCat(
          doc.meta.path, ": ", std::string(facts.status().message())));
      continue;
    }
    absl::StatusOr<graph::IngestReport> r = ingester.Ingest(*facts);
    if (!r.ok()) {
      // A storage failure ends the load; a bad article does not.
      if (!absl::IsInvalidArgument(r.status())) return r.status();
      ++report->articles_failed;
      report->problems.push_back(absl::StrCat(
          doc.meta.path, ": ", std::string(r.status().message())));
      continue;
    }
    if (r->already_loaded) {
      ++report->articles_already_present;
    } else {
      ++report->articles_loaded;
      report->entities_created += r->entities_created;
      report->relations_written += r->relations_written;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<const loaders::Extractor*> Database::Impl::GetExtractor() {
  absl::MutexLock lock(&extractor_mu);
  if (extractor == nullptr) {
    loaders::ExtractorOptions eo;
    eo.extra_lexicon_paths = options.lexicons;
    DOSSIER_ASSIGN_OR_RETURN(extractor, loaders::Extractor::Create(eo));
  }
  return extractor.get();
}

absl::StatusOr<LoadReport> Database::LoadPaths(
    std::span<const std::string> paths, const ProgressFn& progress) {
  DOSSIER_ASSIGN_OR_RETURN(const loaders::Extractor* extractor,
                           impl_->GetExtractor());
  loaders::ArticleSource* fs = loaders::FileSystemSource();
  LoadReport report;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    absl::StatusOr<std::vector<std::string>> listed = fs->List(path);
    if (!listed.ok()) {
      report.problems.push_back(
          absl::StrCat(path, ": ", std::string(listed.status().message())));
      ++report.articles_failed;
      continue;
    }
    for (std::string& f : *listed) {
      if (loaders::IsArticleFile(f)) {
        files.push_back(std::move(f));
      } else {
        report.problems.push_back(absl::StrCat(f, ": unsupported file type"));
      }
    }
  }
  int64_t done = 0;
  graph::Ingester ingester(*impl_->store);
  for (const std::string& file : files) {
    absl::StatusOr<std::string> bytes = fs->Read(file);
    if (!bytes.ok()) {
      ++report.articles_failed;
      report.problems.push_back(
          absl::StrCat(file, ": ", std::string(bytes.status().message())));
    } else {
      report.bytes_read += static_cast<int64_t>(bytes->size());
      absl::StatusOr<std::vector<loaders::Document>> docs =
          loaders::ReadArticles(file, *bytes, &report.problems);
      if (!docs.ok()) {
        ++report.articles_failed;
        report.problems.push_back(std::string(docs.status().message()));
      } else {
        DOSSIER_RETURN_IF_ERROR(
            LoadDocuments(ingester, *extractor, *docs, &report));
      }
    }
    ++done;
    if (progress) progress(done, static_cast<int64_t>(files.size()), file);
  }
  return report;
}

absl::StatusOr<LoadReport> Database::LoadArticle(std::string_view path,
                                                 std::string_view bytes) {
  DOSSIER_ASSIGN_OR_RETURN(const loaders::Extractor* extractor,
                           impl_->GetExtractor());
  LoadReport report;
  report.bytes_read = static_cast<int64_t>(bytes.size());
  absl::StatusOr<std::vector<loaders::Document>> docs =
      loaders::ReadArticles(path, bytes, &report.problems);
  if (!docs.ok()) {
    ++report.articles_failed;
    report.problems.push_back(std::string(docs.status().message()));
    return report;
  }
  graph::Ingester ingester(*impl_->store);
  DOSSIER_RETURN_IF_ERROR(LoadDocuments(ingester, *extractor, *docs, &report));
  return report;
}

absl::StatusOr<LoadReport> Database::IngestFactsLines(std::string_view name,
                                                     std::string_view bytes) {
  LoadReport report;
  report.bytes_read = static_cast<int64_t>(bytes.size());
  int64_t line_no = 0;
  graph::Ingester ingester(*impl_->store);
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    absl::StatusOr<graph::Facts> facts = graph::ParseFactsJson(line);
    absl::StatusOr<graph::IngestReport> r =
        facts.ok() ? ingester.Ingest(*facts)
                   : absl::StatusOr<graph::IngestReport>(facts.status());
    if (!r.ok()) {
      if (facts.ok() && !absl::IsInvalidArgument(r.status())) return r.status();
      ++report.articles_failed;
      report.problems.push_back(absl::StrCat(std::string(name), ":", line_no,
                                             ": ",
                                             std::string(r.status().message())));
      continue;
    }
    if (r->already_loaded) {
      ++report.articles_already_present;
    } else {
      ++report.articles_loaded;
      report.entities_created += r->entities_created;
      report.relations_written += r->relations_written;
    }
  }
  return report;
}

}  // namespace dossier
