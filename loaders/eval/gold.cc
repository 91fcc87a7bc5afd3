#include "loaders/eval/gold.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"

namespace dossier::loaders {
namespace {

std::string Str(const nlohmann::json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

absl::StatusOr<std::vector<GoldDocument>> ParseGold(std::string_view content) {
  std::vector<GoldDocument> out;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return absl::InvalidArgumentError(
          absl::StrCat("gold:", line_no, ": not a JSON object"));
    }
    GoldDocument d;
    d.doc = Str(j, "doc");
    d.id = Str(j, "id");
    d.text = Str(j, "text");
    d.lang = Str(j, "lang");
    if (d.doc.empty() && d.text.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("gold:", line_no, ": record has neither doc nor text"));
    }
    if (auto it = j.find("entities"); it != j.end() && it->is_array()) {
      for (const auto& e : *it) {
        if (!e.is_object()) continue;
        GoldEntity g;
        g.name = Str(e, "name");
        g.label = Str(e, "label");
        g.wikidata = Str(e, "wikidata");
        if (auto a = e.find("aliases"); a != e.end() && a->is_array()) {
          for (const auto& s : *a) {
            if (s.is_string()) g.aliases.push_back(s.get<std::string>());
          }
        }
        d.entities.push_back(std::move(g));
      }
    }
    if (auto it = j.find("relations"); it != j.end() && it->is_array()) {
      for (const auto& r : *it) {
        if (!r.is_object()) continue;
        GoldRelation g;
        g.type = Str(r, "type");
        g.source = Str(r, "source");
        g.target = Str(r, "target");
        g.kind = Str(r, "kind");
        g.evidence = Str(r, "evidence");
        d.relations.push_back(std::move(g));
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace dossier::loaders
