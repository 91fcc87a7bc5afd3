#include <string>

#include "graph/text_fold.h"
#include "loaders/read/article_id.h"
#include "loaders/read/format_readers.h"
#include "loaders/text/boilerplate.h"
#include "loaders/text/date_parse.h"
#include "loaders/text/language.h"
#include "loaders/text/utf8_util.h"

namespace dossier::loaders {

absl::StatusOr<Document> FinishArticle(graph::ArticleMeta meta,
                                       std::string_view path,
                                       std::string_view where,
                                       std::string_view raw_text,
                                       bool find_date) {
  std::string nfc = graph::NormalizeNfc(raw_text);
  if (TrimSpaces(nfc).empty()) {
    return absl::InvalidArgumentError(std::string(where) + ": empty article");
  }
  Document doc;
  doc.meta = std::move(meta);
  doc.meta.id = ArticleId(nfc);
  doc.meta.path = std::string(path);
  doc.text = RemoveBoilerplate(nfc);
  if (doc.text.empty()) {
    return absl::InvalidArgumentError(
        std::string(where) + ": empty article (only boilerplate)");
  }
  if (doc.meta.title.empty()) {
    doc.meta.title = doc.text.substr(0, doc.text.find('\n'));
  }
  if (find_date && doc.meta.date.empty()) {
    size_t start = 0;
    for (int line_no = 0; line_no < 20 && start < nfc.size(); ++line_no) {
      size_t end = nfc.find('\n', start);
      if (end == std::string::npos) end = nfc.size();
      std::string iso;
      if (LooksLikeDateLine(TrimSpaces(std::string_view(nfc).substr(start, end - start)),
                            &iso)) {
        doc.meta.date = iso;
        break;
      }
      start = end + 1;
    }
  }
  if (doc.meta.lang.empty()) doc.meta.lang = DetectLanguage(doc.text);
  return doc;
}

absl::StatusOr<Document> ReadTxtArticle(std::string_view path,
                                        std::string_view bytes) {
  return FinishArticle(graph::ArticleMeta(), path, path, bytes,
                       /*find_date=*/true);
}

}  // namespace dossier::loaders
