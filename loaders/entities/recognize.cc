#include "loaders/entities/recognize.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "loaders/entities/coreference.h"
#include "loaders/entities/cues.h"
#include "loaders/entities/tokens.h"
#include "loaders/lexicon/lexicon.h"

namespace dossier::loaders {
namespace {

bool GapIs(std::string_view text, size_t a, size_t b,
           std::initializer_list<std::string_view> allowed) {
  if (a > b) return false;
  std::string_view gap = text.substr(a, b - a);
  for (std::string_view g : allowed) {
    if (gap == g) return true;
  }
  return false;
}

// Joins each portfolio mention to an adjacent state (Bộ Ngoại giao Trung
// Quốc, Chinese foreign ministry, China's Ministry of State Security,
// ministère des Affaires étrangères chinois); unjoined ones resolve to the
// last joined mention of the same portfolio, or are dropped.
std::vector<Mention> JoinPortfolios(std::string_view text,
                                    std::vector<Mention> in) {
  std::vector<Mention> out;
  absl::flat_hash_map<std::string, Mention> last_joined;
  for (size_t i = 0; i < in.size(); ++i) {
    Mention m = in[i];
    if (m.kind != "portfolio") {
      out.push_back(std::move(m));
      continue;
    }
    const Mention* state = nullptr;
    size_t b = m.begin, e = m.end;
    bool consumed_next = false;
    if (i + 1 < in.size() && in[i + 1].label == "State" &&
        GapIs(text, m.end, in[i + 1].begin,
              {" ", " of ", " de ", " du ", " d'", " de la ", " of the ",
               " nước ", " của "})) {
      state = &in[i + 1];
      e = in[i + 1].end;
      consumed_next = true;
    } else if (!out.empty() && out.back().label == "State" &&
               out.back().place_key.empty() &&
               GapIs(text, out.back().end, m.begin,
                     {" ", "'s ", "\xE2\x80\x99s ", "-"})) {
      state = &out.back();
      b = out.back().begin;
    }
    std::string portfolio_key = m.key;
    if (state == nullptr) {
      auto it = last_joined.find(portfolio_key);
      if (it == last_joined.end()) continue;
      Mention r = it->second;
      r.begin = m.begin;
      r.end = m.end;
      r.source = MentionSource::kCoreference;
      out.push_back(std::move(r));
      continue;
    }
    Mention joined;
    joined.begin = b;
    joined.end = e;
    joined.label = "Organisation";
    joined.kind = "ministry";
    joined.iso2 = state->iso2;
    joined.home_state_key = state->key;
    joined.source = MentionSource::kCue;
    std::string tmpl = m.place_name;  // Template carried in place_name.
    joined.name = tmpl.empty()
                      ? absl::StrCat(m.name, " (", state->name, ")")
                      : absl::StrReplaceAll(tmpl, {{"%s", state->name}});
    // An embassy is one per host city: "China's embassy in London" →
    // "Embassy of China (London)".
    size_t after = consumed_next ? i + 2 : i + 1;
    if (joined.name.rfind("Embassy", 0) == 0 && after < in.size() &&
        in[after].label == "Place" &&
        GapIs(text, e, in[after].begin,
              {" in ", " at ", " à ", " a ", " en ", " tại ", " ở "})) {
      // "Washington, D.C." → "Washington".
      std::string city = in[after].name.substr(0, in[after].name.find(", "));
      absl::StrAppend(&joined.name, " (", city, ")");
    }
    joined.key = EntityKey("Organisation", joined.name, "");
    if (!consumed_next) out.pop_back();
    last_joined[portfolio_key] = joined;
    out.push_back(joined);
    if (consumed_next) ++i;
  }
  return out;
}

// "Jiangsu State Security Department", "Munich Police Department": a region or city named right before an organisation found by
// its shape is part of that organisation's name (not after a locative: "in
// Shenzhen Huawei ..." keeps the place).
std::vector<Mention> JoinPlaceQualifiedBodies(std::string_view text,
                                              std::vector<Mention> in) {
  std::vector<Mention> out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (i + 1 < in.size() && in[i].label == "Place" &&
        (in[i].kind == "region" || in[i].kind == "city") &&
        in[i + 1].label == "Organisation" &&
        in[i + 1].source == MentionSource::kCue &&
        GapIs(text, in[i].end, in[i + 1].begin, {" "}) &&
        !IsLocativeContext(text, in[i].begin)) {
      Mention m = in[i + 1];
      m.begin = in[i].begin;
      m.name = std::string(text.substr(m.begin, m.end - m.begin));
      m.key = EntityKey("Organisation", m.name, "");
      if (m.iso2.empty()) m.iso2 = in[i].iso2;
      out.push_back(std::move(m));
      ++i;
      continue;
    }
    out.push_back(std::move(in[i]));
  }
  return out;
}

}  // namespace

std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences) {
  std::vector<Mention> lexical;
  std::vector<Mention> inner;  // States inside longer names.
  std::vector<Mention> matched =
      gazetteer.MatchSentences(doc.text, sentences, &inner);
  for (Mention& m : matched) {
    if (m.kind == "portfolio") {
      const LexiconEntity* e = gazetteer.lexicon().Find(m.key);
      if (e != nullptr) m.place_name = e->name_template;
    } else if (!m.place_key.empty() && IsLocativeContext(doc.text, m.begin)) {
      // A capital as a location: the Place.
      const LexiconEntity* place = gazetteer.lexicon().Find(m.place_key);
      m.key = m.place_key;
      m.label = "Place";
      m.name = m.place_name;
      m.kind = place != nullptr ? place->kind : "capital";
      m.iso2 = place != nullptr ? place->iso2 : "";
      m.place_key.clear();
      m.place_name.clear();
    }
    // "US Justice Department", "Bộ Tư pháp Mỹ": the state named as the
    // first or last word of an organisation's name is a mention of its own.
    if (m.label == "Organisation" && m.kind != "portfolio") {
      std::string_view surface =
          std::string_view(doc.text).substr(m.begin, m.end - m.begin);
      size_t first_space = surface.find(' ');
      size_t last_space = surface.rfind(' ');
      const Mention* edge = nullptr;
      bool at_start = false;
      if (first_space != std::string_view::npos) {
        auto it = std::lower_bound(
            inner.begin(), inner.end(), m.begin,
            [](const Mention& a, size_t pos) { return a.begin < pos; });
        for (; it != inner.end() && it->begin < m.end; ++it) {
          if (it->begin == m.begin && it->end == m.begin + first_space) {
            edge = &*it;
            at_start = true;
            break;
          }
          if (it->begin == m.begin + last_space + 1 && it->end == m.end) {
            edge = &*it;
            break;
          }
        }
      }
      if (edge != nullptr) {
        if (at_start) {
          m.begin = edge->end + 1;
          lexical.push_back(*edge);
          lexical.push_back(std::move(m));
        } else {
          m.end = edge->begin - 1;
          lexical.push_back(std::move(m));
          lexical.push_back(*edge);
        }
        continue;
      }
    }
    lexical.push_back(std::move(m));
  }
  lexical = JoinPortfolios(doc.text, std::move(lexical));
  std::vector<Mention> cues =
      RecognizeByCues(doc.text, doc.meta.lang, sentences, lexical);
  std::vector<Mention> all = lexical;
  all.insert(all.end(), cues.begin(), cues.end());
  std::sort(all.begin(), all.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  all = JoinPlaceQualifiedBodies(doc.text, std::move(all));
  std::vector<Mention> corefs = ResolveDescriptions(doc.text, all);
  all.insert(all.end(), corefs.begin(), corefs.end());
  std::sort(all.begin(), all.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return all;
}

std::vector<graph::FactEntity> CollectEntities(
    const Document& doc, std::span<const Mention> mentions) {
  std::vector<graph::FactEntity> out;
  absl::flat_hash_map<std::string, size_t> index;
  for (const Mention& m : mentions) {
    auto [it, inserted] = index.emplace(m.key, out.size());
    if (inserted) {
      graph::FactEntity e;
      e.key = m.key;
      e.label = m.label;
      e.name = m.name;
      if (m.key.rfind("wd:", 0) == 0) e.wikidata = m.key.substr(3);
      e.kind = m.kind;
      e.iso2 = m.iso2;
      out.push_back(std::move(e));
    }
    graph::FactEntity& e = out[it->second];
    if (m.end > doc.text.size() || m.begin >= m.end) continue;
    std::string surface = doc.text.substr(m.begin, m.end - m.begin);
    if (std::find(e.aliases.begin(), e.aliases.end(), surface) ==
        e.aliases.end()) {
      e.aliases.push_back(std::move(surface));
    }
  }
  return out;
}

}  // namespace dossier::loaders
