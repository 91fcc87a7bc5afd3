#include "loaders/entities/recognize.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "loaders/entities/coreference.h"
#include "loaders/entities/cues.h"
#include "loaders/entities/facilities.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/short_names.h"
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
    // in[i] is not read again once taken (only later ones are).
    Mention m = std::move(in[i]);
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

// "Jiangsu State Security Department", "Munich Police Department": a region or
// city named right before an organisation found by its shape is part of that
// organisation's name (not after a locative: "in Shenzhen Huawei ..." keeps the
// place).
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

// "la Computer Emergency Response Team des Émirats arabes unis (aeCERT)",
// "Cục Thủy sản Philippines (BFAR)", "the Cyber Safety Review Board
// (CSRB)": an acronym in parentheses after an organisation (and its
// country complement) names the same organisation. The lexicon's entity
// wins over a cue-made one.
void JoinAcronyms(std::string_view text, std::vector<Mention>* all) {
  std::vector<Mention>& v = *all;
  std::vector<Mention> added;
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    // "Khâu Thế Nguyên (Chiu Shih-yuan)": a transcription of a name.
    if (v[i].label == "Person" && v[i + 1].label == "Person" &&
        v[i + 1].source == MentionSource::kCue &&
        GapIs(text, v[i].end, v[i + 1].begin, {" ("}) &&
        v[i + 1].end < text.size() && text[v[i + 1].end] == ')' &&
        v[i].key != v[i + 1].key) {
      std::string old_key = v[i + 1].key;
      for (Mention& m : v) {
        if (m.key != old_key) continue;
        m.key = v[i].key;
        m.name = v[i].name;
      }
      continue;
    }
    if (v[i].label != "Organisation" || v[i].is_demonym) continue;
    size_t j = i + 1;
    size_t end = v[i].end;
    // A country complement in between: " des Émirats arabes unis", " Việt
    // Nam", " of China".
    if (v[j].label == "State" &&
        GapIs(text, end, v[j].begin,
              {" ", " de ", " des ", " du ", " d'", " d\xE2\x80\x99", " de la ",
               " of ", " of the ", " của "})) {
      end = v[j].end;
      ++j;
    }
    if (j >= v.size() || v[j].begin != end + 2) {
      // An acronym no layer recognised ("(aeCERT)" opens a sentence for
      // the cue layer): a mention of the organisation.
      if (!GapIs(text, end, end + 2, {" ("})) continue;
      size_t close = text.find(')', end + 2);
      if (close == std::string_view::npos || close > end + 2 + 16) continue;
      std::string_view gloss = text.substr(end + 2, close - end - 2);
      int upper = 0;
      bool ok = gloss.size() >= 2;
      for (char c : gloss) {
        if (c >= 'A' && c <= 'Z') ++upper;
        if (c == ' ' || c == ',' || c == '.') ok = false;
      }
      if (!ok || upper < 2) continue;
      Mention m = v[i];
      m.begin = end + 2;
      m.end = close;
      m.source = MentionSource::kCue;
      m.aliases.clear();
      added.push_back(std::move(m));
      continue;
    }
    if (v[j].label != "Organisation" || v[j].end >= text.size() ||
        text[v[j].end] != ')') {
      continue;
    }
    // The gloss is one word.
    std::string_view gloss = text.substr(v[j].begin, v[j].end - v[j].begin);
    if (gloss.find(' ') != std::string_view::npos) continue;
    Mention& org = v[i];
    Mention& acr = v[j];
    if (org.key == acr.key) continue;
    if (org.source == MentionSource::kLexicon &&
        acr.source == MentionSource::kLexicon) {
      continue;
    }
    const Mention& from = acr.source == MentionSource::kLexicon ? acr : org;
    Mention& to = acr.source == MentionSource::kLexicon ? org : acr;
    std::string key = from.key, name = from.name, kind = from.kind,
                iso2 = from.iso2, home = from.home_state_key;
    std::string old_key = to.key;
    // Every mention of the renamed entity follows ("aeCERT" later on).
    for (Mention& m : v) {
      if (m.key != old_key) continue;
      m.key = key;
      m.name = name;
      if (m.kind.empty()) m.kind = kind;
      if (m.iso2.empty()) m.iso2 = iso2;
      if (m.home_state_key.empty()) m.home_state_key = home;
    }
  }
  if (added.empty()) return;
  v.insert(v.end(), added.begin(), added.end());
  std::sort(v.begin(), v.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
}

// First words of a body's name written partly in lower case ("Cơ quan An
// ninh mạng và Cơ sở hạ tầng Mỹ", "l'Agence nationale tchèque pour la
// cybersécurité"), folded.
bool BodyAnchor(std::string_view w1, std::string_view w2) {
  static constexpr std::string_view kOne[] = {
      "bo",           "cuc",        "vien",       "so",        "agence",
      "autorite",     "office",     "commission", "direction", "service",
      "bureau",       "ministere",  "conseil",    "institut",  "centre",
      "organisation", "comite",     "parquet",    "tribunal",  "cour",
      "agency",       "department", "ministry",   "council",   "institute"};
  static constexpr std::string_view kTwo[] = {
      "co quan",  "to chuc",  "van phong", "toa an",   "uy ban",   "trung tam",
      "hoi dong", "canh sat", "lien minh", "tong cuc", "hai canh", "ngan hang"};
  for (std::string_view w : kOne) {
    if (w1 == w) return true;
  }
  std::string two = absl::StrCat(std::string(w1), " ", std::string(w2));
  for (std::string_view w : kTwo) {
    if (two == w) return true;
  }
  return false;
}

// "Cục Thủy sản Philippines (BFAR)", "l'Agence nationale tchèque pour la
// cybersécurité (NÚKIB)": a name with lower-case words, closed by its
// acronym, is one organisation from its first (capitalised) body word to
// the parenthesis; the mentions inside it go, a State among them is its
// home state.
void JoinGlossedNames(std::string_view text, std::vector<Mention>* all) {
  std::vector<Mention>& v = *all;
  std::vector<Mention> out;
  std::vector<bool> drop(v.size(), false);
  for (size_t j = 0; j < v.size(); ++j) {
    const Mention& acr = v[j];
    if (acr.label != "Organisation" || acr.begin < 2 ||
        text.substr(acr.begin - 2, 2) != " (" || acr.end >= text.size() ||
        text[acr.end] != ')') {
      continue;
    }
    size_t paren = acr.begin - 2;
    size_t from = paren > 160 ? paren - 160 : 0;
    std::vector<Token> t = Tokenize(text, from, paren);
    if (t.empty() || !OnlySpaces(text, t.back().end, paren)) continue;
    size_t anchor = t.size();
    for (size_t k = t.size(); k > 0 && t.size() - k < 14; --k) {
      size_t i = k - 1;
      if (i + 1 < t.size()) {
        std::string_view gap = text.substr(t[i].end, t[i + 1].begin - t[i].end);
        bool ok = OnlySpaces(text, t[i].end, t[i + 1].begin) || gap == "'" ||
                  gap == "\xE2\x80\x99";
        if (!ok) break;
      }
      if (t[i].upper &&
          BodyAnchor(t[i].folded, i + 1 < t.size() ? t[i + 1].folded : "")) {
        anchor = i;
        break;
      }
    }
    if (anchor == t.size() || anchor + 1 >= t.size()) continue;
    size_t b = t[anchor].begin, e = t.back().end;
    // Nothing to do when one mention already covers the name.
    bool whole = false;
    std::string key, name, kind, iso2, home;
    const Mention* state = nullptr;
    int inner_states = 0;
    bool blocked = false;
    for (size_t k = 0; k < j; ++k) {
      const Mention& m = v[k];
      if (m.end <= b || m.begin >= e) continue;
      if (m.begin < b) blocked = true;  // Starts before the anchor.
      if (m.begin <= b && m.end >= e) whole = true;
      if (m.label == "State") {
        state = &m;
        ++inner_states;
      } else if (m.label != "Organisation") {
        blocked = true;
      } else if (m.source == MentionSource::kLexicon && key.empty()) {
        key = m.key;
        name = m.name;
        kind = m.kind;
        iso2 = m.iso2;
        home = m.home_state_key;
      }
    }
    if (whole || blocked) continue;
    if (acr.source == MentionSource::kLexicon) {
      key = acr.key;
      name = acr.name;
      kind = acr.kind;
      iso2 = acr.iso2;
      home = acr.home_state_key;
    }
    Mention m;
    m.begin = b;
    m.end = e;
    m.label = "Organisation";
    m.source = MentionSource::kCue;
    if (key.empty()) {
      m.name = std::string(text.substr(b, e - b));
      m.key = EntityKey("Organisation", m.name, "");
    } else {
      m.key = key;
      m.name = name;
      m.kind = kind;
      m.iso2 = iso2;
      m.home_state_key = home;
    }
    if (m.home_state_key.empty() && inner_states == 1) {
      m.home_state_key = state->key;
      if (m.iso2.empty()) m.iso2 = state->iso2;
    }
    for (size_t k = 0; k < j; ++k) {
      if (v[k].end > b && v[k].begin < e) drop[k] = true;
    }
    // The acronym names the same organisation.
    v[j].key = m.key;
    v[j].name = m.name;
    v[j].kind = m.kind;
    v[j].iso2 = m.iso2;
    v[j].home_state_key = m.home_state_key;
    out.push_back(std::move(m));
  }
  if (out.empty()) return;
  std::vector<Mention> kept;
  for (size_t k = 0; k < v.size(); ++k) {
    if (!drop[k]) kept.push_back(std::move(v[k]));
  }
  kept.insert(kept.end(), out.begin(), out.end());
  std::sort(kept.begin(), kept.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
  v = std::move(kept);
}

// Vietnamese syllables that end a body's name written with lower-case
// syllables (function words, auxiliaries, frequent verbs).
bool VietnameseNameStop(std::string_view surface) {
  static constexpr std::string_view kStops[] = {
      "đã",   "đang",  "sẽ",    "vừa",   "bị",    "được", "là",  "của",
      "cho",  "với",   "tại",   "ở",     "trong", "theo", "về",  "đối",
      "cũng", "không", "chưa",  "mới",   "còn",   "này",  "đó",  "nói",
      "cáo",  "bắt",   "nghi",  "thông", "tuyên", "cho",  "khi", "rằng",
      "và",   "hay",   "hoặc",  "vào",   "ra",    "từ",   "đến", "trên",
      "dưới", "sau",   "trước", "các",   "những", "một",  "hai", "nhưng",
      "thì",  "mà",    "do",    "bởi",   "gọi",   "kêu",  "yêu", "chấp",
      "phạt", "cấm",   "xác",   "đưa",   "cảnh"};
  for (std::string_view w : kStops) {
    if (surface == w) return true;
  }
  return false;
}

// "Tòa án Địa phương Đài Bắc", "Cơ quan Cảnh sát Thủ đô Seoul", "Văn
// phòng Luật sư Vì Dân": a Vietnamese body word (capitalised) followed by
// a name whose syllables after the first of each word are written in lower
// case. The mention covers the body's own words; a place or state right
// after it stays a mention of its own (LOCATED_IN / BASED_IN) and the
// name with it is an alias.
void JoinVietnameseBodies(std::string_view text,
                          std::span<const Sentence> sentences,
                          std::vector<Mention>* all) {
  std::vector<Mention>& v = *all;
  std::vector<Mention> made;
  std::vector<bool> drop(v.size(), false);
  auto covering = [&](size_t b, size_t e) -> int {
    auto it = std::upper_bound(
        v.begin(), v.end(), b,
        [](size_t pos, const Mention& m) { return pos < m.end; });
    if (it != v.end() && it->begin < e) return it - v.begin();
    return -1;
  };
  // Only sentences holding a capitalised body word are tokenised.
  static constexpr std::string_view kWritten[] = {
      "Bộ ",      "Cục ",      "Viện ",    "Sở ",      "Cơ quan",
      "Tổ chức",  "Văn phòng", "Tòa án",   "Toà án",   "Ủy ban",
      "Uỷ ban",   "Trung tâm", "Hội đồng", "Cảnh sát", "Liên minh",
      "Tổng cục", "Hải cảnh",  "Ngân hàng"};
  std::vector<size_t> hits;
  for (std::string_view w : kWritten) {
    for (size_t p = text.find(w); p != std::string_view::npos;
         p = text.find(w, p + 1)) {
      hits.push_back(p);
    }
  }
  if (hits.empty()) return;
  std::sort(hits.begin(), hits.end());
  for (const Sentence& sentence : sentences) {
    auto h = std::lower_bound(hits.begin(), hits.end(), sentence.begin);
    if (h == hits.end() || *h >= sentence.end) continue;
    std::vector<Token> t = Tokenize(text, sentence.begin, sentence.end);
    for (size_t i = 0; i + 2 < t.size(); ++i) {
      if (!t[i].upper) continue;
      size_t anchor_len = 0;
      if (BodyAnchor(t[i].folded, t[i + 1].folded)) {
        bool two = !BodyAnchor(t[i].folded, "") && !t[i + 1].upper;
        anchor_len = two ? 2 : 1;
      }
      if (anchor_len == 0) continue;
      int first_cover = covering(t[i].begin, t[i].end);
      if (first_cover >= 0 &&
          v[first_cover].source == MentionSource::kLexicon) {
        continue;
      }
      size_t j = i + anchor_len;
      size_t last = j;  // One past the last syllable taken.
      int capitals = 0;
      int tail = -1;      // A place or state closing the name.
      int org_tail = -1;  // The parent body's state closing the alias.
      while (j < t.size()) {
        if (!OnlySpaces(text, t[j - 1].end, t[j].begin)) break;
        int c = covering(t[j].begin, t[j].end);
        if (c >= 0 && (v[c].source == MentionSource::kLexicon ||
                       !v[c].kind.empty() || !v[c].home_state_key.empty())) {
          const Mention& m = v[c];
          if ((m.label == "Place" || m.label == "State" ||
               !m.place_key.empty()) &&
              !m.is_demonym && capitals > 0) {
            tail = c;
          } else if (m.label == "Organisation" && capitals > 0) {
            // "Cơ quan An ninh điều tra Bộ Công an Việt Nam": a sub-body
            // named with its parent body and state (an alias only).
            org_tail = c;
            if (static_cast<size_t>(c + 1) < v.size() &&
                v[c + 1].label == "State" && !v[c + 1].is_demonym &&
                v[c + 1].begin == m.end + 1) {
              org_tail = c + 1;
            }
          }
          break;
        }
        std::string_view surface =
            text.substr(t[j].begin, t[j].end - t[j].begin);
        if (t[j].upper) {
          ++capitals;
          last = ++j;
          continue;
        }
        if (VietnameseNameStop(surface)) break;
        // A lower-case syllable: the second of a word begun in capitals
        // (not after a run of capitalised syllables, a person's or a
        // place's name), or one or two bridging to a capitalised one ("An
        // ninh điều tra Bộ").
        if (j > 0 && t[j - 1].upper && capitals > 0 &&
            !(j >= 2 && t[j - 2].upper && j - 2 >= i + anchor_len)) {
          last = ++j;
          continue;
        }
        size_t k = j;
        while (k < t.size() && k < j + 2 && !t[k].upper &&
               !VietnameseNameStop(
                   text.substr(t[k].begin, t[k].end - t[k].begin))) {
          ++k;
        }
        if (capitals > 0 && k < t.size() && t[k].upper) {
          int kc = covering(t[k].begin, t[k].end);
          if (kc < 0) {
            j = k;
            continue;
          }
          if (v[kc].label == "Organisation" && !v[kc].is_demonym) {
            last = j;
            org_tail = kc;
            if (static_cast<size_t>(kc + 1) < v.size() &&
                v[kc + 1].label == "State" && !v[kc + 1].is_demonym &&
                v[kc + 1].begin == v[kc].end + 1) {
              org_tail = kc + 1;
            }
            // The bridging syllables belong to the sub-body's name.
            last = k;
          }
        }
        break;
      }
      if (capitals == 0 || last <= i + anchor_len) continue;
      size_t b = t[i].begin, e = t[last - 1].end;
      // Lexicon mentions inside: leave the name to them.
      bool lexical = false;
      for (size_t k = 0; k < v.size(); ++k) {
        if (v[k].end > b && v[k].begin < e &&
            v[k].source != MentionSource::kCue) {
          lexical = true;
        }
      }
      if (lexical) continue;
      Mention m;
      m.begin = b;
      m.end = e;
      m.label = "Organisation";
      m.source = MentionSource::kCue;
      m.name = std::string(text.substr(b, e - b));
      if (org_tail >= 0) {
        m.aliases.push_back(std::string(text.substr(b, v[org_tail].end - b)));
      }
      if (tail >= 0) {
        std::string with_tail(text.substr(b, v[tail].end - b));
        m.aliases.push_back(with_tail);
        if (!v[tail].place_key.empty() || v[tail].label == "Place") {
          m.name = with_tail;  // One court per city.
        }
        if (!v[tail].place_key.empty()) {
          // "Tòa án Địa phương Đài Bắc": the capital is a location here.
          Mention& p = v[tail];
          p.key = p.place_key;
          p.label = "Place";
          p.name = p.place_name;
          p.kind = "capital";
          p.place_key.clear();
          p.place_name.clear();
        }
      }
      m.key = EntityKey("Organisation", m.name, "");
      for (size_t k = 0; k < v.size(); ++k) {
        if (v[k].end > b && v[k].begin < e) drop[k] = true;
      }
      made.push_back(std::move(m));
      i = last - 1;
    }
  }
  if (made.empty()) return;
  std::vector<Mention> kept;
  for (size_t k = 0; k < v.size(); ++k) {
    if (!drop[k]) kept.push_back(std::move(v[k]));
  }
  kept.insert(kept.end(), made.begin(), made.end());
  std::sort(kept.begin(), kept.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
  v = std::move(kept);
}

// "la filiale tchèque de Huawei", "the Czech subsidiary of Huawei",
// "Huawei's Czech subsidiary": a subsidiary named by its parent and its
// state ("Huawei Czech Republic", kind "subsidiary", home state set). The
// demonym goes into the subsidiary's mention; the parent stays a mention
// of its own (MEMBER_OF).
void JoinSubsidiaries(std::string_view text, std::vector<Mention>* all) {
  std::vector<Mention>& v = *all;
  bool changed = false;
  for (size_t k = 0; k < v.size(); ++k) {
    Mention& d = v[k];
    if (!d.is_demonym || d.label != "State") continue;
    auto before = [&](std::string_view w) {
      if (d.begin < w.size()) return false;
      std::string_view got = text.substr(d.begin - w.size(), w.size());
      for (size_t q = 0; q < w.size(); ++q) {
        char c = got[q];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != w[q]) return false;
      }
      return true;
    };
    std::string_view rest = text.substr(d.end, 16);
    const Mention* parent = nullptr;
    size_t b = 0, e = 0, alias_end = 0;
    if (before("filiale ") || before("filiales ")) {
      b = d.begin - (before("filiale ") ? 8 : 9);
      e = d.end;
      size_t gap = rest.starts_with(" de ")             ? 4
                   : rest.starts_with(" du ")           ? 4
                   : rest.starts_with(" d'")            ? 3
                   : rest.starts_with(" d\xE2\x80\x99") ? 5
                                                        : 0;
      if (gap > 0 && k + 1 < v.size() && v[k + 1].begin == d.end + gap &&
          v[k + 1].label == "Organisation" && !v[k + 1].is_demonym) {
        parent = &v[k + 1];
        alias_end = parent->end;
      }
    } else if (rest.starts_with(" subsidiary")) {
      b = d.begin;
      e = d.end + 11;
      if (k + 1 < v.size() && text.substr(e, 4) == " of " &&
          v[k + 1].begin == e + 4 && v[k + 1].label == "Organisation") {
        parent = &v[k + 1];
      } else if (k > 0 && v[k - 1].label == "Organisation" &&
                 (GapIs(text, v[k - 1].end, d.begin,
                        {"'s ", "\xE2\x80\x99s "}))) {
        parent = &v[k - 1];
      }
    }
    if (parent == nullptr) continue;
    Mention m;
    m.begin = b;
    m.end = e;
    m.label = "Organisation";
    m.kind = "subsidiary";
    m.source = MentionSource::kCue;
    m.name = absl::StrCat(parent->name, " ", d.name);
    m.key = EntityKey("Organisation", m.name, "");
    m.home_state_key = d.key;
    m.iso2 = d.iso2;
    if (alias_end > e) {
      m.aliases.push_back(std::string(text.substr(b, alias_end - b)));
    }
    d = std::move(m);  // Replaces the demonym.
    changed = true;
  }
  if (changed) {
    std::sort(v.begin(), v.end(), [](const Mention& a, const Mention& b) {
      return a.begin < b.begin;
    });
  }
}

// Last words of a named facility ("the Bowman Avenue Dam", "Bagram Air
// Base"): a cue-made name ending with one is a Facility.
bool FacilityLastWord(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "dam",  "depot",   "reactor", "refinery", "memorial",
      "base", "airbase", "barrage", "plant",    "factory"};
  for (std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

}  // namespace

std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences) {
  return RecognizeEntities(gazetteer, doc, sentences,
                           FoldWithOffsets(doc.text));
}

std::vector<Mention> RecognizeEntities(const Gazetteer& gazetteer,
                                       const Document& doc,
                                       std::span<const Sentence> sentences,
                                       const FoldedText& folded) {
  std::vector<Mention> lexical;
  std::vector<Mention> inner;  // States inside longer names.
  std::vector<Mention> matched =
      gazetteer.MatchSentences(doc.text, folded, sentences, &inner);
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
  std::vector<Mention> all = std::move(lexical);
  all.insert(all.end(), std::make_move_iterator(cues.begin()),
             std::make_move_iterator(cues.end()));
  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
  all = JoinPlaceQualifiedBodies(doc.text, std::move(all));
  for (Mention& m : all) {
    if (m.source != MentionSource::kCue ||
        (m.label != "Person" && m.label != "Organisation")) {
      continue;
    }
    std::string_view surface =
        std::string_view(doc.text).substr(m.begin, m.end - m.begin);
    size_t sp = surface.rfind(' ');
    if (sp == std::string_view::npos) continue;
    if (FacilityLastWord(FastFold(surface.substr(sp + 1)))) {
      m.label = "Facility";
      m.key = EntityKey("Facility", m.name, "");
    }
  }
  {
    std::vector<size_t> absorbed;
    std::vector<size_t> to_place;
    std::vector<Mention> facilities = RecognizeFacilities(
        doc.text, doc.meta.lang, sentences, all, &absorbed, &to_place);
    for (size_t k : to_place) {
      Mention& p = all[k];
      p.label = "Place";
      p.kind.clear();
      p.key = EntityKey("Place", p.name, "");
    }
    if (!facilities.empty()) {
      std::sort(absorbed.begin(), absorbed.end());
      absorbed.erase(std::unique(absorbed.begin(), absorbed.end()),
                     absorbed.end());
      for (size_t k = absorbed.size(); k > 0; --k) {
        all.erase(all.begin() + absorbed[k - 1]);
      }
      all.insert(all.end(), std::make_move_iterator(facilities.begin()),
                 std::make_move_iterator(facilities.end()));
      std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
        return a.begin < b.begin;
      });
    }
  }
  if (doc.meta.lang == "vi") JoinVietnameseBodies(doc.text, sentences, &all);
  JoinSubsidiaries(doc.text, &all);
  JoinGlossedNames(doc.text, &all);
  JoinAcronyms(doc.text, &all);
  AddShortNames(gazetteer, doc.text, &all);
  std::vector<Mention> corefs = ResolveDescriptions(doc.text, folded, all);
  all.insert(all.end(), std::make_move_iterator(corefs.begin()),
             std::make_move_iterator(corefs.end()));
  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
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
    for (const std::string& alias : m.aliases) {
      if (std::find(e.aliases.begin(), e.aliases.end(), alias) ==
          e.aliases.end()) {
        e.aliases.push_back(alias);
      }
    }
  }
  return out;
}

}  // namespace dossier::loaders
