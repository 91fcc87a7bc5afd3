// The per-format readers behind ReadArticles (internal to loaders/read).
#ifndef DOSSIER_LOADERS_READ_FORMAT_READERS_H_
#define DOSSIER_LOADERS_READ_FORMAT_READERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/facts.h"
#include "loaders/document.h"

namespace dossier::loaders {

// Finishes one article from its raw text: NFC, id = ArticleId(NFC text),
// boilerplate removal, title (first line of the cleaned text when
// meta.title is empty), date (first dateline among the first 20 lines when
// `find_date` and meta.date is empty), language (DetectLanguage when
// meta.lang is empty), meta.path = `path`. Errors: InvalidArgument
// "<where>: empty article" when nothing is left.
absl::StatusOr<Document> FinishArticle(graph::ArticleMeta meta,
                                       std::string_view path,
                                       std::string_view where,
                                       std::string_view raw_text,
                                       bool find_date);

// .txt: one article. REQUIRES: bytes passed CheckArticleBytes.
absl::StatusOr<Document> ReadTxtArticle(std::string_view path,
                                        std::string_view bytes);

// The visible text of an HTML page and its metadata.
struct HtmlPage {
  std::string text;   // Paragraphs, headings and list items one per line.
  std::string title;  // og:title, else the first <h1>, else <title>.
  std::string date;   // ISO date from meta tags or <time datetime>, or "".
  std::string lang;   // <html lang>, lowercased primary subtag, or "".
};

// Parses HTML with gumbo; drops script, style, nav, footer, aside, form,
// noscript, figure/figcaption, template, svg, iframe, button, hidden
// elements, and elements whose class or id names boilerplate (cookie,
// share, social, newsletter, related, comment, advert, promo, breadcrumb,
// sidebar, byline, caption, credit, menu, popup, modal, footer, nav).
// Never fails: any bytes give a (possibly empty) page.
HtmlPage ExtractHtml(std::string_view bytes);

// .html/.htm: one article. REQUIRES: bytes passed CheckArticleBytes.
absl::StatusOr<Document> ReadHtmlArticle(std::string_view path,
                                         std::string_view bytes);

// .jsonl: one article per line; bad lines go to `problems`.
std::vector<Document> ReadJsonlArticles(std::string_view path,
                                        std::string_view bytes,
                                        std::vector<std::string>* problems);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_READ_FORMAT_READERS_H_
