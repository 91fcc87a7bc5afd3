#include "loaders/lexicon/lexicon.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "graph/text_fold.h"

namespace dossier::loaders {
namespace {

constexpr int kColumns = 7;

bool ValidLabel(std::string_view label) {
  return label == "State" || label == "Organisation" || label == "Person" ||
         label == "Facility" || label == "Place";
}

bool ValidWikidata(std::string_view id) {
  if (id.empty()) return true;
  if (id.size() < 2 || id[0] != 'Q') return false;
  for (char c : id.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view StripCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::vector<LexiconAlias> ParseAliases(std::string_view field, AliasRole role) {
  std::vector<LexiconAlias> out;
  for (absl::string_view piece : absl::StrSplit(
           absl::string_view(field.data(), field.size()), '|')) {
    std::string_view a(piece.data(), piece.size());
    LexiconAlias alias;
    alias.role = role;
    if (!a.empty() && a[0] == '=') {
      alias.case_sensitive = true;
      a.remove_prefix(1);
    }
    while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
    while (!a.empty() && a.back() == ' ') a.remove_suffix(1);
    if (a.empty()) continue;
    // Short acronyms (UN, AP, EU) match only in capitals: "un", "ap".
    bool has_lower = false;
    for (char c : a) has_lower |= (c >= 'a' && c <= 'z') || (c & 0x80);
    if (!has_lower && a.size() <= 6) alias.case_sensitive = true;
    alias.text = graph::NormalizeNfc(a);
    out.push_back(std::move(alias));
  }
  return out;
}

}  // namespace

std::string FoldKeyForEntity(std::string_view name) {
  // Printable ASCII without '`': graph::FoldKey only lowers A-Z, collapses
  // runs of spaces and trims them, all done here without ICU.
  bool plain = true;
  for (char c : name) {
    if (c < 0x20 || c > 0x7E || c == '`') {
      plain = false;
      break;
    }
  }
  if (plain) {
    std::string out;
    out.reserve(name.size());
    bool pending = false;
    for (char c : name) {
      if (c == ' ') {
        pending = !out.empty();
        continue;
      }
      if (pending) out.push_back(' ');
      pending = false;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                         : c);
    }
    return out;
  }
  // Other names: graph::FoldKey (an ICU transliteration), remembered per
  // thread since names recur.
  thread_local absl::flat_hash_map<std::string, std::string> cache;
  auto it = cache.find(absl::string_view(name.data(), name.size()));
  if (it != cache.end()) return it->second;
  if (cache.size() >= 65536) cache.clear();
  std::string folded = graph::FoldKey(name);
  cache.emplace(std::string(name), folded);
  return folded;
}

std::string EntityKey(std::string_view label, std::string_view name,
                      std::string_view wikidata) {
  if (!wikidata.empty()) return absl::StrCat("wd:", std::string(wikidata));
  return absl::StrCat(std::string(label), ":", FoldKeyForEntity(name));
}

int Lexicon::AddEntity(LexiconEntity entity) {
  auto it = by_key_.find(entity.key);
  if (it != by_key_.end()) return it->second;  // Same entity, more aliases.
  int index = static_cast<int>(entities_.size());
  by_key_.emplace(entity.key, index);
  by_folded_name_.emplace(graph::FoldKey(entity.name), index);
  if (entity.label == "State" && !entity.iso2.empty()) {
    state_by_iso2_.emplace(entity.iso2, index);
  }
  entities_.push_back(std::move(entity));
  return index;
}

absl::Status Lexicon::Add(std::string_view content, std::string_view source) {
  size_t line_no = 0;
  for (absl::string_view raw : absl::StrSplit(
           absl::string_view(content.data(), content.size()), '\n')) {
    ++line_no;
    std::string_view line = StripCr(std::string_view(raw.data(), raw.size()));
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    for (absl::string_view c : absl::StrSplit(
             absl::string_view(line.data(), line.size()), '\t')) {
      cols.emplace_back(c.data(), c.size());
    }
    std::string where = absl::StrCat(std::string(source), ":", line_no);
    // Trailing empty columns may be left out; extra columns may not.
    if (cols.size() < 2 || cols.size() > kColumns) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": expected ", kColumns,
          " tab-separated columns (label, name, wikidata, kind, iso2, "
          "aliases, acts_for), found ",
          cols.size()));
    }
    cols.resize(kColumns);
    std::string_view label = cols[0];
    std::string name = graph::NormalizeNfc(cols[1]);
    if (name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": empty name"));
    }
    if (!ValidWikidata(cols[2])) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": bad wikidata id '", std::string(cols[2]), "' (expected Q<digits>)"));
    }
    if (!cols[4].empty() && cols[4].size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": bad iso2 code '", std::string(cols[4]), "' (expected two letters)"));
    }
    if (label == "Demonym" || label == "Metonym") {
      PendingRef ref;
      ref.where = where;
      ref.target_name = name;
      ref.iso2 = std::string(cols[4]);
      ref.aliases = ParseAliases(
          cols[5], label == "Demonym" ? AliasRole::kDemonym : AliasRole::kMetonym);
      pending_.push_back(std::move(ref));
      continue;
    }
    if (!ValidLabel(label)) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": unknown label '", std::string(label),
          "' (expected State, Organisation, Person, Facility, Place, "
          "Demonym or Metonym)"));
    }
    LexiconEntity entity;
    entity.label = std::string(label);
    entity.name = name;
    entity.wikidata = std::string(cols[2]);
    entity.kind = std::string(cols[3]);
    entity.iso2 = std::string(cols[4]);
    entity.key = EntityKey(entity.label, entity.name, entity.wikidata);
    bool is_capital = entity.kind == "capital" || entity.kind == "seat";
    if (entity.kind == "portfolio") entity.name_template = std::string(cols[6]);
    int index = AddEntity(std::move(entity));
    LexiconAlias self = ParseAliases(name, AliasRole::kName).front();
    self.entity = index;
    aliases_.push_back(self);
    for (LexiconAlias& a : ParseAliases(cols[5], AliasRole::kName)) {
      a.entity = index;
      aliases_.push_back(std::move(a));
    }
    if (is_capital && (!cols[6].empty() || !cols[4].empty())) {
      PendingRef ref;
      ref.where = where;
      ref.target_name = graph::NormalizeNfc(cols[6]);
      ref.iso2 = std::string(cols[4]);
      ref.entity = index;
      pending_.push_back(std::move(ref));
    }
  }
  return absl::OkStatus();
}

absl::Status Lexicon::Finish() {
  for (PendingRef& ref : pending_) {
    int target = -1;
    if (!ref.target_name.empty() && ref.entity >= 0) {
      auto it = by_folded_name_.find(graph::FoldKey(ref.target_name));
      if (it != by_folded_name_.end()) target = it->second;
    } else if (!ref.iso2.empty()) {
      target = StateOf(ref.iso2);
    } else {
      auto it = by_folded_name_.find(graph::FoldKey(ref.target_name));
      if (it != by_folded_name_.end()) target = it->second;
    }
    if (target < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          ref.where, ": refers to no known entity (name '", ref.target_name,
          "', iso2 '", ref.iso2, "')"));
    }
    if (ref.entity >= 0) {
      entities_[ref.entity].acts_for = target;
      continue;
    }
    for (LexiconAlias& a : ref.aliases) {
      a.entity = target;
      aliases_.push_back(std::move(a));
    }
  }
  pending_.clear();
  return absl::OkStatus();
}

const LexiconEntity* Lexicon::Find(std::string_view key) const {
  auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? nullptr : &entities_[it->second];
}

int Lexicon::StateOf(std::string_view iso2) const {
  auto it = state_by_iso2_.find(std::string(iso2));
  return it == state_by_iso2_.end() ? -1 : it->second;
}

}  // namespace dossier::loaders
