#include "loaders/read/articles.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "loaders/read/format_readers.h"
#include "loaders/read/utf8_check.h"

namespace dossier::loaders {
namespace {

enum class Format { kTxt, kHtml, kJsonl, kUnknown };

Format FormatOf(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return Format::kUnknown;
  std::string ext(name.substr(dot + 1));
  absl::AsciiStrToLower(&ext);
  if (ext == "txt") return Format::kTxt;
  if (ext == "html" || ext == "htm") return Format::kHtml;
  if (ext == "jsonl") return Format::kJsonl;
  return Format::kUnknown;
}

}  // namespace

bool IsArticleFile(std::string_view path) {
  return FormatOf(path) != Format::kUnknown;
}

absl::StatusOr<std::vector<Document>> ReadArticles(
    std::string_view path_for_meta, std::string_view bytes,
    std::vector<std::string>* problems) {
  const Format format = FormatOf(path_for_meta);
  const std::string path(path_for_meta);
  if (format == Format::kUnknown) {
    return absl::InvalidArgumentError(path + ": unsupported file type");
  }
  bytes = StripBom(bytes);
  if (bytes.empty()) return absl::InvalidArgumentError(path + ": empty article");
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": binary file (NUL byte at offset ", nul, ")"));
  }
  std::vector<Document> docs;
  switch (format) {
    case Format::kTxt:
    case Format::kHtml: {
      absl::Status status = CheckArticleBytes(path, bytes);
      if (!status.ok()) return status;
      absl::StatusOr<Document> doc = format == Format::kTxt
                                         ? ReadTxtArticle(path, bytes)
                                         : ReadHtmlArticle(path, bytes);
      if (!doc.ok()) return doc.status();
      docs.push_back(*std::move(doc));
      break;
    }
    case Format::kJsonl:
      docs = ReadJsonlArticles(path, bytes, problems);
      break;
    case Format::kUnknown:
      break;
  }
  return docs;
}

absl::StatusOr<ReadResult> ReadPath(std::string_view path,
                                    ArticleSource* source) {
  if (source == nullptr) source = FileSystemSource();
  absl::StatusOr<std::vector<std::string>> files = source->List(path);
  if (!files.ok()) return files.status();
  ReadResult result;
  const bool single = files->size() == 1 && (*files)[0] == path;
  for (const std::string& file : *files) {
    if (!IsArticleFile(file)) {
      if (single) {
        return absl::InvalidArgumentError(file + ": unsupported file type");
      }
      result.problems.push_back(file + ": skipped (unsupported file type)");
      continue;
    }
    absl::StatusOr<std::string> bytes = source->Read(file);
    absl::StatusOr<std::vector<Document>> docs =
        bytes.ok() ? ReadArticles(file, *bytes, &result.problems)
                   : absl::StatusOr<std::vector<Document>>(bytes.status());
    if (!docs.ok()) {
      if (single) return docs.status();
      result.problems.push_back(std::string(docs.status().message()));
      continue;
    }
    for (Document& doc : *docs) result.docs.push_back(std::move(doc));
  }
  return result;
}

}  // namespace dossier::loaders
