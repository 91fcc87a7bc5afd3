#include <string>

#include <simdjson.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "loaders/read/format_readers.h"
#include "loaders/read/utf8_check.h"
#include "loaders/text/date_parse.h"

namespace dossier::loaders {
namespace {

// The value of a scalar field as a string: strings as they are, numbers
// and booleans in their JSON spelling; false for objects, arrays, null.
bool ScalarAsString(simdjson::dom::element value, std::string* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view sv;
      if (value.get_string().get(sv) != simdjson::SUCCESS) return false;
      *out = std::string(sv);
      return true;
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
    case simdjson::dom::element_type::BOOL:
      *out = simdjson::minify(value);
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Document> ReadJsonlArticles(std::string_view path,
                                        std::string_view bytes,
                                        std::vector<std::string>* problems) {
  std::vector<Document> docs;
  auto report = [&](size_t line_no, std::string_view what) {
    if (problems != nullptr) {
      problems->push_back(absl::StrCat(std::string(path), ":", line_no, ": ",
                                       std::string(what)));
    }
  };
  simdjson::dom::parser parser;
  size_t start = 0;
  size_t line_no = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    ++line_no;
    std::string_view line = bytes.substr(start, end - start);
    const size_t line_offset = start;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      report(line_no, absl::StrCat("invalid UTF-8 at byte offset ",
                                   line_offset + bad));
      continue;
    }
    simdjson::dom::element root;
    simdjson::error_code err = parser.parse(line.data(), line.size()).get(root);
    if (err != simdjson::SUCCESS) {
      report(line_no, absl::StrCat("malformed JSON (",
                                   simdjson::error_message(err), ")"));
      continue;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj) != simdjson::SUCCESS) {
      report(line_no, "not a JSON object");
      continue;
    }
    graph::ArticleMeta meta;
    std::string text;
    bool has_text = false;
    bool is_facts = false;
    for (simdjson::dom::key_value_pair field : obj) {
      std::string_view key = field.key;
      std::string value;
      if (!ScalarAsString(field.value, &value)) continue;
      if (key == "text") {
        has_text = field.value.is_string();
        text = std::move(value);
      } else if (key == "id") {
        meta.source_id = std::move(value);
      } else if (key == "url") {
        meta.source = std::move(value);
      } else if (key == "title") {
        meta.title = std::move(value);
      } else if (key == "date") {
        std::string iso = ParseDate(value);
        meta.date = iso.empty() ? value : iso;
      } else if (key == "lang") {
        absl::AsciiStrToLower(&value);
        meta.lang = std::move(value);
      } else if (key == "format") {
        is_facts = value == "dossier-facts";
        meta.extra[std::string(key)] = std::move(value);
      } else if (field.value.is_string()) {
        meta.extra[std::string(key)] = std::move(value);
      }
    }
    if (is_facts) {
      report(line_no, "a dossier-facts line, not an article (use ingest)");
      continue;
    }
    if (!has_text) {
      report(line_no, "no \"text\" field");
      continue;
    }
    const std::string where = absl::StrCat(std::string(path), ":", line_no);
    absl::StatusOr<Document> doc =
        FinishArticle(std::move(meta), path, where, text, /*find_date=*/false);
    if (!doc.ok()) {
      if (problems != nullptr) {
        problems->push_back(std::string(doc.status().message()));
      }
      continue;
    }
    docs.push_back(*std::move(doc));
  }
  return docs;
}

}  // namespace dossier::loaders
