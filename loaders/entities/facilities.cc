#include "loaders/entities/facilities.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/tokens.h"
#include "loaders/lexicon/lexicon.h"

namespace dossier::loaders {
namespace {

using WordSet = absl::flat_hash_set<std::string>;

const WordSet& Set(std::initializer_list<const char*> words, WordSet* s) {
  for (const char* w : words) s->insert(FastFold(w));
  return *s;
}

// Head nouns of unnamed facilities (folded; Vietnamese heads are checked
// with their diacritics).
const WordSet& HeadNouns(std::string_view lang) {
  static const WordSet* fr = [] {
    auto* s = new WordSet;
    return &Set({"centre", "centres", "usine", "usines", "centrale",
                 "centrales", "camp", "camps", "dépôt", "barrage", "oléoduc",
                 "gazoduc", "pipeline", "mémorial", "raffinerie", "réacteur",
                 "laboratoire", "entrepôt", "datacenter", "complexe"},
                s);
  }();
  static const WordSet* en = [] {
    auto* s = new WordSet;
    return &Set({"centre", "center", "plant", "plants", "factory",
                 "factories", "camp", "camps", "depot", "dam", "pipeline",
                 "memorial", "refinery", "reactor", "laboratory", "facility",
                 "facilities", "datacenter", "sinkhole", "warehouse"},
                s);
  }();
  return lang == "fr" ? *fr : *en;
}

// Vietnamese heads, as written.
constexpr std::string_view kVietnameseHeads[] = {
    "nhà máy", "trung tâm", "trại", "căn cứ", "đường ống", "đập", "kho"};

// "satellite network", "power grid": a head that is a facility only after
// one of these modifiers.
bool QualifiedHead(std::string_view modifier, std::string_view head) {
  if (head == "network" || head == "reseau" || head == "grid") {
    return modifier == "satellite" || modifier == "satellites";
  }
  if (head == "base") {
    return modifier == "military" || modifier == "naval" ||
           modifier == "air" || modifier == "militaire" ||
           modifier == "navale" || modifier == "aerienne";
  }
  return false;
}

const WordSet& Determiners() {
  static const WordSet* s = [] {
    auto* w = new WordSet;
    return &Set({"the", "a", "an", "its", "their", "his", "her", "this",
                 "our", "un", "une", "le", "la", "l", "les", "des", "du",
                 "au", "aux", "son", "sa", "ses", "leur", "ce", "cet",
                 "cette", "một", "các", "những"},
                w);
  }();
  return *s;
}

// Words that never modify a facility noun.
const WordSet& NotModifiers() {
  static const WordSet* s = [] {
    auto* w = new WordSet;
    return &Set({"of", "in", "at", "on", "to", "for", "by", "with", "from",
                 "and", "or", "that", "which", "who", "is", "was", "are",
                 "were", "be", "been", "has", "have", "had", "said", "says",
                 "it", "he", "she", "they", "we", "as", "into", "near",
                 "than", "not", "also", "new-built", "de", "et", "ou", "que",
                 "qui", "a", "est", "sont", "en", "dans", "sur", "par",
                 "pour", "avec", "se", "ne", "pas"},
                w);
  }();
  return *s;
}

// French adjectives before the head.
const WordSet& FrenchPremodifiers() {
  static const WordSet* s = [] {
    auto* w = new WordSet;
    return &Set({"nouveau", "nouvel", "nouvelle", "nouveaux", "grand",
                 "grande", "vaste", "petit", "petite", "ancien", "ancienne",
                 "futur", "future", "premier", "premiere", "dernier",
                 "derniere", "plus", "immense", "gigantesque", "important",
                 "importante", "principal", "principale"},
                w);
  }();
  return *s;
}

// A French word that reads as an adjective or a participle after the
// head ("soviétique", "nucléaire", "dédié").
bool FrenchAdjective(std::string_view f) {
  static constexpr std::string_view kEndings[] = {
      "ique", "iques", "ien", "ienne", "iens", "iennes", "al", "ale", "aux",
      "ales", "aire", "aires", "if", "ive", "ifs", "ives", "e", "ee", "es",
      "ees", "el", "elle", "els", "elles", "ois", "oise", "ais", "aise"};
  if (f.size() < 4) return false;
  for (std::string_view e : kEndings) {
    if (f.ends_with(e)) return true;
  }
  return false;
}

// Vietnamese syllables that end a facility's description.
bool VietnameseStop(std::string_view f) {
  static const WordSet* s = [] {
    auto* w = new WordSet;
    return &Set({"tại", "ở", "của", "do", "và", "được", "đã", "là", "cho",
                 "với", "trong", "này", "đó", "từ", "mà", "thì", "sẽ",
                 "các", "những", "một", "có", "không", "để", "vào", "ra",
                 "bị", "theo", "khi", "nhưng", "đang", "vừa", "gần", "tới",
                 "đến", "như", "về", "nơi"},
                w);
  }();
  return s->contains(std::string(f));
}

bool LocativeWord(std::string_view lang, std::string_view f) {
  if (lang == "fr") return f == "a" || f == "au" || f == "en" || f == "dans";
  if (lang == "vi") return f == "tai" || f == "o";
  return f == "in" || f == "at" || f == "near" || f == "outside";
}

struct Seen {
  std::string key;
  std::string name;
  std::string place;  // Folded place of the first phrase, or "".
};

}  // namespace

std::vector<Mention> RecognizeFacilities(std::string_view text,
                                         std::string_view lang,
                                         std::span<const Sentence> sentences,
                                         std::span<const Mention> known,
                                         std::vector<size_t>* absorbed,
                                         std::vector<size_t>* to_place) {
  std::vector<Mention> out;
  std::vector<Mention> places;
  absl::flat_hash_map<std::string, Seen> by_head;
  // The mention (index into known) covering byte `pos`, or -1.
  auto known_at = [&](size_t b, size_t e) -> int {
    auto it = std::upper_bound(
        known.begin(), known.end(), b,
        [](size_t pos, const Mention& m) { return pos < m.end; });
    if (it != known.end() && it->begin < e) return it - known.begin();
    return -1;
  };
  const WordSet& heads = HeadNouns(lang);
  // Only sentences holding a head noun as written are tokenised.
  static constexpr std::string_view kWrittenFr[] = {
      "centre", "usine", "centrale", "camp", "dépôt", "barrage", "oléoduc",
      "gazoduc", "pipeline", "mémorial", "raffinerie", "réacteur",
      "laboratoire", "entrepôt", "datacenter", "complexe", "base "};
  static constexpr std::string_view kWrittenEn[] = {
      "centre", "center", "camp", "depot", "pipeline", "memorial",
      "reactor", "laboratory", "datacenter", "plant", "factor", "dam",
      "refinery", "facilit", "sinkhole", "warehouse", "network", " base"};
  static constexpr std::string_view kWrittenVi[] = {
      "nhà máy", "trung tâm", "trại", "căn cứ", "đường ống", "đập", "kho"};
  std::span<const std::string_view> written =
      lang == "fr"   ? std::span<const std::string_view>(kWrittenFr)
      : lang == "vi" ? std::span<const std::string_view>(kWrittenVi)
                     : std::span<const std::string_view>(kWrittenEn);
  std::vector<size_t> hits;
  for (std::string_view w : written) {
    for (size_t p = text.find(w); p != std::string_view::npos;
         p = text.find(w, p + 1)) {
      hits.push_back(p);
    }
  }
  if (hits.empty()) return out;
  std::sort(hits.begin(), hits.end());
  for (const Sentence& sentence : sentences) {
    auto h = std::lower_bound(hits.begin(), hits.end(), sentence.begin);
    if (h == hits.end() || *h >= sentence.end) continue;
    std::vector<Token> t = Tokenize(text, sentence.begin, sentence.end);
    for (size_t i = 0; i < t.size(); ++i) {
      if (known_at(t[i].begin, t[i].end) >= 0) continue;
      // The head: one word, or two Vietnamese syllables.
      size_t head_first = i, head_last = i;
      bool is_head = false;
      if (lang == "vi") {
        for (std::string_view h : kVietnameseHeads) {
          size_t sp = h.find(' ');
          std::string_view w1 = h.substr(0, sp);
          std::string_view surface1 =
              text.substr(t[i].begin, t[i].end - t[i].begin);
          if (t[i].upper || t[i].folded != FastFold(w1) ||
              !SameDiacritics(surface1, w1) || !HasDiacritics(surface1)) {
            continue;
          }
          if (sp == std::string_view::npos) {
            is_head = true;
            break;
          }
          std::string_view w2 = h.substr(sp + 1);
          if (i + 1 < t.size()) {
            std::string_view surface2 =
                text.substr(t[i + 1].begin, t[i + 1].end - t[i + 1].begin);
            if (t[i + 1].folded == FastFold(w2) &&
                SameDiacritics(surface2, w2) && HasDiacritics(surface2)) {
              is_head = true;
              head_last = i + 1;
              break;
            }
          }
        }
        // "kho", "trại", "đập" alone are facilities only with a modifier.
      } else {
        is_head = !t[i].upper && heads.contains(t[i].folded);
        if (!is_head && !t[i].upper && i > 0 &&
            QualifiedHead(t[i - 1].folded, t[i].folded)) {
          is_head = true;
        }
        if (!is_head && !t[i].upper && i + 1 < t.size() && lang == "fr" &&
            t[i].folded == "base" &&
            QualifiedHead(t[i + 1].folded, t[i].folded)) {
          is_head = true;
        }
      }
      if (!is_head) continue;
      std::string head = t[head_first].folded;
      if (head_last > head_first) absl::StrAppend(&head, " ", t[head_last].folded);
      if (lang != "vi" && head.size() > 3 && head.back() == 's' &&
          head != "plus") {
        head.pop_back();
      }
      if (head == "centrale" || head == "facilitie") head = t[head_first].folded;
      // Premodifiers, up to a determiner.
      size_t first = head_first;
      bool premodified = false;
      size_t absorb = static_cast<size_t>(-1);
      if (lang == "en") {
        size_t k = head_first;
        int words = 0;
        while (k > 0 && words < 3) {
          const Token& p = t[k - 1];
          if (!OnlySpaces(text, p.end, t[k].begin)) {
            // "the KA-SAT satellite network": a quote or hyphen-free
            // name right before.
            break;
          }
          int km = known_at(p.begin, p.end);
          if (km >= 0) {
            const Mention& m = known[km];
            if (m.source == MentionSource::kCue && m.label == "Organisation" &&
                m.end == p.end) {
              absorb = km;
              size_t b = k - 1;
              while (b > 0 && t[b - 1].begin >= m.begin) --b;
              k = b;
              premodified = true;
            }
            break;
          }
          if (Determiners().contains(p.folded)) {
            k = k - 1;
            break;
          }
          if (p.upper || p.digits || NotModifiers().contains(p.folded) ||
              p.folded.ends_with("ed") || p.folded.ends_with("ing")) {
            break;
          }
          --k;
          ++words;
          premodified = true;
        }
        first = k;
      } else if (lang == "fr") {
        size_t k = head_first;
        int words = 0;
        while (k > 0 && words < 2 && OnlySpaces(text, t[k - 1].end, t[k].begin) &&
               known_at(t[k - 1].begin, t[k - 1].end) < 0 &&
               (FrenchPremodifiers().contains(t[k - 1].folded) ||
                t[k - 1].folded.ends_with("ieme"))) {
          --k;
          ++words;
          premodified = true;
        }
        if (k > 0 && known_at(t[k - 1].begin, t[k - 1].end) < 0 &&
            Determiners().contains(t[k - 1].folded)) {
          --k;
        }
        first = k;
      } else {
        if (first > 0 && known_at(t[first - 1].begin, t[first - 1].end) < 0 &&
            Determiners().contains(t[first - 1].folded)) {
          --first;
        }
      }
      // Postmodifiers.
      size_t last = head_last;
      bool postmodified = false;
      if (lang == "fr") {
        size_t k = head_last + 1;
        int adjectives = 0;
        while (k < t.size() && adjectives < 2 && !t[k].upper &&
               known_at(t[k].begin, t[k].end) < 0 &&
               OnlySpaces(text, t[k - 1].end, t[k].begin) &&
               FrenchAdjective(t[k].folded) &&
               !NotModifiers().contains(t[k].folded)) {
          last = k;
          ++k;
          ++adjectives;
          postmodified = true;
        }
        // Complements: de/d'/pour (dédié à) + article + one or two nouns.
        for (int complements = 0; complements < 2 && k < t.size();
             ++complements) {
          std::string_view f = t[k].folded;
          bool prep = f == "de" || f == "d" || f == "pour" || f == "des" ||
                      f == "du" ||
                      (f == "a" && (t[k - 1].folded == "dedie" ||
                                    t[k - 1].folded == "dediee" ||
                                    t[k - 1].folded == "consacre" ||
                                    t[k - 1].folded == "consacree"));
          if (!prep) break;
          size_t n = k + 1;
          if (n < t.size() && (t[n].folded == "la" || t[n].folded == "l" ||
                               t[n].folded == "le" || t[n].folded == "les")) {
            ++n;
          }
          size_t words = 0;
          size_t end = n;
          while (end < t.size() && words < 2 && !t[end].upper &&
                 !t[end].digits && known_at(t[end].begin, t[end].end) < 0 &&
                 !NotModifiers().contains(t[end].folded) &&
                 !Determiners().contains(t[end].folded) &&
                 (words == 0 || FrenchAdjective(t[end].folded))) {
            ++end;
            ++words;
          }
          if (words == 0) break;
          last = end - 1;
          k = end;
          postmodified = true;
        }
      } else if (lang == "vi") {
        size_t k = head_last + 1;
        int words = 0;
        while (k < t.size() && words < 5 && !t[k].upper && !t[k].digits &&
               known_at(t[k].begin, t[k].end) < 0 &&
               OnlySpaces(text, t[k - 1].end, t[k].begin) &&
               !VietnameseStop(FastFold(text.substr(t[k].begin,
                                                    t[k].end - t[k].begin))) &&
               !VietnameseStop(text.substr(t[k].begin, t[k].end - t[k].begin))) {
          last = k;
          ++k;
          ++words;
          postmodified = true;
        }
      }
      bool definite = first < head_first &&
                      (t[first].folded == "le" || t[first].folded == "la" ||
                       t[first].folded == "l" || t[first].folded == "the" ||
                       t[first].folded == "au" || t[first].folded == "du" ||
                       t[first].folded == "son" || t[first].folded == "its");
      auto seen = by_head.find(head);
      bool modified = premodified || postmodified;
      if (!modified && !(definite && seen != by_head.end())) continue;
      // A head alone in Vietnamese ("kho") needs a modifier.
      if (lang == "vi" && !postmodified) continue;
      // The locative after the phrase.
      std::string place;
      size_t loc_end = 0;
      size_t k = last + 1;
      if (k < t.size() && LocativeWord(lang, t[k].folded)) {
        size_t n = k + 1;
        if (n < t.size() && (t[n].folded == "the" || t[n].folded == "la" ||
                             t[n].folded == "l" || t[n].folded == "le")) {
          ++n;
        }
        if (n < t.size()) {
          int pm = known_at(t[n].begin, t[n].end);
          if (pm >= 0 && (known[pm].label == "Place" ||
                          known[pm].label == "State") &&
              !known[pm].is_demonym) {
            place = known[pm].key;
            loc_end = known[pm].end;
          } else if (pm >= 0 && known[pm].source == MentionSource::kCue &&
                     (known[pm].label == "Person" ||
                      known[pm].label == "Organisation") &&
                     known[pm].begin == t[n].begin) {
            // "the Bowman Avenue Dam in Rye Brook": a place, not a person.
            to_place->push_back(pm);
            place = EntityKey("Place", known[pm].name, "");
            loc_end = known[pm].end;
          } else if (pm < 0 && t[n].upper && !t[n].digits && lang != "vi" &&
                     OnlySpaces(text, t[n - 1].end, t[n].begin)) {
            // "an ammunition depot in Vrbětice": an unknown name.
            size_t q = n;
            while (q + 1 < t.size() && q < n + 2 && t[q + 1].upper &&
                   known_at(t[q + 1].begin, t[q + 1].end) < 0 &&
                   OnlySpaces(text, t[q].end, t[q + 1].begin)) {
              ++q;
            }
            Mention p;
            p.begin = t[n].begin;
            p.end = t[q].end;
            p.label = "Place";
            p.name = std::string(text.substr(p.begin, p.end - p.begin));
            p.key = EntityKey("Place", p.name, "");
            p.source = MentionSource::kCue;
            place = p.key;
            loc_end = p.end;
            places.push_back(std::move(p));
          }
        }
      }
      size_t b = t[first].begin, e = t[last].end;
      size_t name_b = Determiners().contains(t[first].folded) &&
                              first < head_first
                          ? t[first + 1].begin
                          : b;
      // Never over a known mention other than the absorbed name.
      bool clash = false;
      for (size_t q = first; q <= last; ++q) {
        int km = known_at(t[q].begin, t[q].end);
        if (km >= 0 && static_cast<size_t>(km) != absorb) clash = true;
      }
      if (clash) continue;
      Mention m;
      m.begin = b;
      m.end = e;
      m.label = "Facility";
      m.kind = head;
      m.source = MentionSource::kCue;
      std::string name(text.substr(name_b, e - name_b));
      if (seen != by_head.end() &&
          (place.empty() || seen->second.place.empty() ||
           place == seen->second.place)) {
        m.key = seen->second.key;
        m.name = seen->second.name;
      } else {
        m.name = name;
        m.key = EntityKey("Facility", name, "");
        by_head[head] = {m.key, m.name, place};
      }
      if (loc_end > e) {
        m.aliases.push_back(std::string(text.substr(b, loc_end - b)));
        if (name_b > b) {
          m.aliases.push_back(std::string(text.substr(name_b, loc_end - name_b)));
        }
      }
      if (absorb != static_cast<size_t>(-1)) absorbed->push_back(absorb);
      out.push_back(std::move(m));
      i = last;
    }
  }
  out.insert(out.end(), places.begin(), places.end());
  return out;
}

}  // namespace dossier::loaders
