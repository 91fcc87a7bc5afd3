#include "graph/facts_json.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace dossier::graph {
namespace {

using nlohmann::json;

constexpr std::string_view kLabels[] = {"State", "Organisation", "Person",
                                        "Facility", "Place"};
constexpr std::string_view kTypes[] = {
    "ACCUSES",  "DENIES",     "SANCTIONS", "BANS",    "MEMBER_OF",
    "OPERATES", "LOCATED_IN", "BASED_IN",  "WORKS_FOR", "DETAINS",
    "SUES",     "WARNS_ABOUT", "SUPPLIES", "COOPERATES_WITH"};

absl::Status Bad(std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("bad facts line: ", std::string(what)));
}

// Reads an optional string field; absent or null gives "".
absl::Status GetString(const json& obj, const char* field, std::string* out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) {
    out->clear();
    return absl::OkStatus();
  }
  if (!it->is_string()) return Bad(absl::StrCat("\"", field, "\" is not a string"));
  *out = it->get_ref<const std::string&>();
  return absl::OkStatus();
}

absl::Status GetInt(const json& obj, const char* field, int64_t* out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) {
    *out = 0;
    return absl::OkStatus();
  }
  if (!it->is_number_integer()) {
    return Bad(absl::StrCat("\"", field, "\" is not an integer"));
  }
  *out = it->get<int64_t>();
  return absl::OkStatus();
}

#define FACTS_TRY(expr)                    \
  do {                                     \
    absl::Status s_ = (expr);              \
    if (!s_.ok()) return s_;               \
  } while (0)

}  // namespace

bool IsEntityLabel(std::string_view label) {
  for (std::string_view l : kLabels) {
    if (l == label) return true;
  }
  return false;
}

bool IsFactRelationType(std::string_view type) {
  for (std::string_view t : kTypes) {
    if (t == type) return true;
  }
  return false;
}

std::string FactsToJson(const Facts& facts) {
  json article = {{"id", facts.article.id},
                  {"source_id", facts.article.source_id},
                  {"title", facts.article.title},
                  {"source", facts.article.source},
                  {"date", facts.article.date},
                  {"lang", facts.article.lang},
                  {"path", facts.article.path}};
  if (!facts.article.extra.empty()) article["extra"] = facts.article.extra;
  json entities = json::array();
  for (const FactEntity& e : facts.entities) {
    entities.push_back({{"key", e.key},
                        {"label", e.label},
                        {"name", e.name},
                        {"aliases", e.aliases},
                        {"wikidata", e.wikidata},
                        {"kind", e.kind},
                        {"iso2", e.iso2}});
  }
  json relations = json::array();
  for (const FactRelation& r : facts.relations) {
    relations.push_back({{"type", r.type},
                         {"source", r.source},
                         {"target", r.target},
                         {"kind", r.kind},
                         {"evidence", r.evidence},
                         {"start", r.start},
                         {"end", r.end}});
  }
  json line = {{"format", "dossier-facts"},
               {"version", kFactsFormatVersion},
               {"article", std::move(article)},
               {"entities", std::move(entities)},
               {"relations", std::move(relations)}};
  // Invalid UTF-8 is replaced rather than thrown on.
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

absl::StatusOr<Facts> ParseFactsJson(std::string_view line) {
  json doc = json::parse(line.begin(), line.end(), nullptr,
                         /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Bad("not valid JSON");
  if (!doc.is_object()) return Bad("not a JSON object");
  std::string format;
  FACTS_TRY(GetString(doc, "format", &format));
  if (format != "dossier-facts") {
    return Bad("\"format\" is not \"dossier-facts\" (is this an article or "
               "gold line?)");
  }
  int64_t version = 0;
  FACTS_TRY(GetInt(doc, "version", &version));
  if (version != kFactsFormatVersion) {
    return Bad(absl::StrCat("unsupported version ", version, " (this build reads ",
                            kFactsFormatVersion, ")"));
  }
  Facts facts;
  auto article = doc.find("article");
  if (article == doc.end() || !article->is_object()) {
    return Bad("\"article\" is missing or not an object");
  }
  ArticleMeta& m = facts.article;
  FACTS_TRY(GetString(*article, "id", &m.id));
  if (m.id.empty()) return Bad("the article has no id");
  FACTS_TRY(GetString(*article, "source_id", &m.source_id));
  FACTS_TRY(GetString(*article, "title", &m.title));
  FACTS_TRY(GetString(*article, "source", &m.source));
  FACTS_TRY(GetString(*article, "date", &m.date));
  FACTS_TRY(GetString(*article, "lang", &m.lang));
  FACTS_TRY(GetString(*article, "path", &m.path));
  if (auto extra = article->find("extra"); extra != article->end()) {
    if (!extra->is_object()) return Bad("\"extra\" is not an object");
    for (auto it = extra->begin(); it != extra->end(); ++it) {
      if (!it->is_string()) return Bad("an \"extra\" value is not a string");
      m.extra[it.key()] = it->get<std::string>();
    }
  }
  std::set<std::string> keys;
  auto entities = doc.find("entities");
  if (entities != doc.end() && !entities->is_null()) {
    if (!entities->is_array()) return Bad("\"entities\" is not an array");
    for (const json& e : *entities) {
      if (!e.is_object()) return Bad("an entity is not an object");
      FactEntity fe;
      FACTS_TRY(GetString(e, "key", &fe.key));
      FACTS_TRY(GetString(e, "label", &fe.label));
      FACTS_TRY(GetString(e, "name", &fe.name));
      FACTS_TRY(GetString(e, "wikidata", &fe.wikidata));
      FACTS_TRY(GetString(e, "kind", &fe.kind));
      FACTS_TRY(GetString(e, "iso2", &fe.iso2));
      if (fe.key.empty() || fe.name.empty()) {
        return Bad("an entity lacks its key or name");
      }
      if (!IsEntityLabel(fe.label)) {
        return Bad(absl::StrCat("unknown entity label \"", fe.label, "\""));
      }
      if (auto a = e.find("aliases"); a != e.end() && !a->is_null()) {
        if (!a->is_array()) return Bad("\"aliases\" is not an array");
        for (const json& s : *a) {
          if (!s.is_string()) return Bad("an alias is not a string");
          fe.aliases.push_back(s.get<std::string>());
        }
      }
      keys.insert(fe.key);
      facts.entities.push_back(std::move(fe));
    }
  }
  auto relations = doc.find("relations");
  if (relations != doc.end() && !relations->is_null()) {
    if (!relations->is_array()) return Bad("\"relations\" is not an array");
    for (const json& r : *relations) {
      if (!r.is_object()) return Bad("a relation is not an object");
      FactRelation fr;
      FACTS_TRY(GetString(r, "type", &fr.type));
      FACTS_TRY(GetString(r, "source", &fr.source));
      FACTS_TRY(GetString(r, "target", &fr.target));
      FACTS_TRY(GetString(r, "kind", &fr.kind));
      FACTS_TRY(GetString(r, "evidence", &fr.evidence));
      FACTS_TRY(GetInt(r, "start", &fr.start));
      FACTS_TRY(GetInt(r, "end", &fr.end));
      if (!IsFactRelationType(fr.type)) {
        return Bad(absl::StrCat("unknown relation type \"", fr.type, "\""));
      }
      if (!keys.contains(fr.source) || !keys.contains(fr.target)) {
        return Bad(absl::StrCat("a ", fr.type,
                                " relation names an entity the line does not "
                                "define"));
      }
      facts.relations.push_back(std::move(fr));
    }
  }
  return facts;
}

}  // namespace dossier::graph
