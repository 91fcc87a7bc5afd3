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
    joined.key = EntityKey("Organisation", joined.name, "");
    if (!consumed_next) out.pop_back();
    last_joined[portfolio_key] = joined;
    out.push_back(joined);
    if (consumed_next) ++i;
  }
  return out;
}

}  // namespace

std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences) {
  std::vector<Mention> lexical;
  for (const Sentence& s : sentences) {
    std::string_view sentence =
        std::string_view(doc.text).substr(s.begin, s.end - s.begin);
    for (Mention& m : gazetteer.Match(sentence)) {
      m.begin += s.begin;
      m.end += s.begin;
      if (m.kind == "portfolio") {
        const LexiconEntity* e = gazetteer.lexicon().Find(m.key);
        if (e != nullptr) m.place_name = e->name_template;
      } else if (!m.place_key.empty() &&
                 IsLocativeContext(doc.text, m.begin)) {
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
      // "US Justice Department", "Bộ Tư pháp Mỹ": the state named at an
      // edge of an organisation's name is a mention of its own.
      if (m.label == "Organisation" && m.kind != "portfolio") {
        std::string_view surface =
            std::string_view(doc.text).substr(m.begin, m.end - m.begin);
        std::vector<Mention> edges;
        size_t first_space = surface.find(' ');
        size_t last_space = surface.rfind(' ');
        if (first_space != std::string_view::npos) {
          for (Mention inner : gazetteer.Match(surface.substr(0, first_space))) {
            if (inner.begin == 0 && inner.end == first_space) edges.push_back(inner);
          }
          for (Mention inner : gazetteer.Match(surface.substr(last_space + 1))) {
            if (inner.begin == 0 && inner.end == surface.size() - last_space - 1) {
              inner.begin += last_space + 1;
              inner.end += last_space + 1;
              edges.push_back(inner);
            }
          }
        }
        for (Mention inner : edges) {
          if (inner.label != "State" || inner.is_demonym) continue;
          bool at_start = inner.begin == 0;
          bool at_end = !at_start;
          inner.begin += m.begin;
          inner.end += m.begin;
          if (at_start) {
            m.begin = inner.end + 1;
            lexical.push_back(std::move(inner));
            lexical.push_back(m);
          } else {
            m.end = inner.begin - 1;
            lexical.push_back(m);
            lexical.push_back(std::move(inner));
          }
          m.key.clear();
          break;
        }
        if (m.key.empty()) continue;
      }
      lexical.push_back(std::move(m));
    }
  }
  lexical = JoinPortfolios(doc.text, std::move(lexical));
  std::vector<Mention> cues =
      RecognizeByCues(doc.text, doc.meta.lang, sentences, lexical);
  std::vector<Mention> all = lexical;
  all.insert(all.end(), cues.begin(), cues.end());
  std::sort(all.begin(), all.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
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
