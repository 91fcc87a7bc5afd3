// Reading articles: bytes or paths in, Documents out.
//
// Formats, chosen by the file name's extension (case-insensitive):
//   .txt          one article; title = first non-empty line of the cleaned
//                 text; date = the first dateline among the first 20 lines.
//   .html, .htm   one article; visible text only (gumbo), title from
//                 og:title, else the first <h1>, else <title>; date from meta
//                 article:published_time/date/pubdate or <time datetime>.
//   .jsonl        one article per line (id, url, title, date, lang, text);
//                 bad lines are reported and skipped.
// Every article's text is NFC-normalised; meta.id is ArticleId() of the NFC
// text as read (for HTML: the visible text, before boilerplate removal);
// Document::text is that text with its boilerplate removed
// (loaders/text/boilerplate.h); meta.lang comes from a JSONL "lang" field,
// else from DetectLanguage() on the cleaned text.
//
// Bad bytes are errors, never repaired: empty input, a NUL byte (binary
// file) and invalid UTF-8 (with its byte offset) each give InvalidArgument
// naming the file. No input crashes the readers (they are fuzz targets).
#ifndef DOSSIER_LOADERS_READ_ARTICLES_H_
#define DOSSIER_LOADERS_READ_ARTICLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "loaders/document.h"
#include "loaders/read/source.h"

namespace dossier::loaders {

// What reading a path gave: the articles, in a deterministic order, and one
// human-readable line per problem ("<path>: unsupported file type",
// "<path>:<line>: malformed JSON (...)", "<path>: invalid UTF-8 at byte
// offset 17"). A problem never stops the other files.
struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> problems;
};

// Reads the articles held in `bytes`, the content of a file named
// `path_for_meta` (its extension picks the format; it becomes meta.path).
// Returns the articles; a .jsonl line that cannot be read is appended to
// `*problems` (when not null) and skipped, so an OK result may be empty.
// Errors (InvalidArgument, message starting with the path): unsupported
// extension ("unsupported file type"), empty input ("empty article"), NUL
// byte ("binary file"), invalid UTF-8 in .txt/.html ("invalid UTF-8 at byte
// offset N"), nothing left after boilerplate removal ("empty article").
absl::StatusOr<std::vector<Document>> ReadArticles(
    std::string_view path_for_meta, std::string_view bytes,
    std::vector<std::string>* problems = nullptr);

// Reads a file, or every file below a folder (recursively, in sorted path
// order, skipping names that start with '.'), through `source` (the real
// file system when null). Files that are not articles and files that fail
// are reported in `problems`; a single file given directly that fails
// returns its error instead. Errors: NotFound when `path` does not exist;
// the source's error when it cannot be listed or read.
absl::StatusOr<ReadResult> ReadPath(std::string_view path,
                                    ArticleSource* source = nullptr);

// True when the extension of `path` names a format ReadArticles reads.
bool IsArticleFile(std::string_view path);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_READ_ARTICLES_H_
