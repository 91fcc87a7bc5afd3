#include "loaders/entities/cues.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "graph/text_fold.h"
#include "loaders/entities/folded_text.h"
#include "loaders/entities/tokens.h"
#include "loaders/lexicon/lexicon.h"

namespace dossier::loaders {
namespace {

// A set of words folded with graph::FoldKey (the same folding as tokens).
class FoldedSet {
 public:
  FoldedSet(std::initializer_list<const char*> words) {
    for (const char* w : words) set_.insert(graph::FoldKey(w));
  }
  bool contains(const std::string& folded) const { return set_.contains(folded); }

 private:
  absl::flat_hash_set<std::string> set_;
};

// Words (folded) that announce a person's name.
const FoldedSet& PersonCues() {
  static const auto* s = new FoldedSet{
      "m", "mme", "mlle", "monsieur", "madame", "mr", "mrs", "ms", "dr",
      "ong", "ba", "anh", "chi", "president", "minister", "ministre",
      "ministre-president", "premier", "directeur", "directrice", "pdg",
      "ceo", "porte-parole", "spokesperson", "spokesman", "spokeswoman",
      "secretary", "senator", "senateur", "senatrice", "depute", "deputee",
      "general", "juge", "judge", "procureur", "prosecutor", "ambassador",
      "ambassadeur", "ambassadrice", "chancellor", "chanceliere", "chancelier",
      "chairman", "founder", "fondateur", "fondatrice", "leader", "chef",
      "attorney", "officer", "analyst", "researcher", "chercheur",
      "chercheuse", "journaliste", "journalist", "reporter", "programmer",
      "hacker", "national", "nationals", "engineer", "ingenieur", "avocat",
      "avocate", "lawyer", "activist", "militant", "militante", "dissident",
      "bo truong", "chu tich", "thu tuong", "tong thong", "thu truong",
      "giam doc", "nguoi phat ngon", "phat ngon vien", "luat su", "nha bao",
      "phong vien", "ky su", "tong giam doc", "dai su", "thuong nghi si",
      "ha nghi si", "nha hoat dong", "tong bi thu", "pho thu tuong",
      "vice-president", "vice-presidente", "presidente", "head", "director",
      "governor", "gouverneur", "mayor", "maire", "commissioner",
      "commissaire", "ex-president", "king", "roi", "prince", "sheikh",
      "cheikh", "lieutenant", "colonel", "colonnel", "capitaine", "captain",
      "ông", "bà", "chị", "président", "présidente", "sénateur", "député",
      "général", "bộ trưởng", "chủ tịch", "thủ tướng", "tổng thống",
      "thứ trưởng", "giám đốc", "người phát ngôn", "phát ngôn viên",
      "luật sư", "nhà báo", "phóng viên", "kỹ sư", "tổng giám đốc", "đại sứ",
      "thượng nghị sĩ", "nhà hoạt động", "tổng bí thư", "phó thủ tướng",
      "vice-président", "ingénieur", "chercheur", "chancelière"};
  return *s;
}

// Words that make up a title before a person's name ("Deputy Prime
// Minister", "Secretary of State", "Attorney General", "Foreign Minister"):
// peeled off a capitalised run that still leaves a two-word name.
const FoldedSet& TitleWords() {
  static const auto* s = new FoldedSet{
      "deputy", "prime", "minister", "secretary", "state", "attorney",
      "general", "vice", "foreign", "defence", "defense", "home", "interior",
      "justice", "finance", "treasury", "trade", "commerce", "homeland",
      "security", "national", "chief", "executive", "special", "envoy",
      "president", "senator", "ambassador", "spokesperson", "spokesman",
      "spokeswoman", "chairman", "chairwoman", "director", "governor",
      "commissioner", "representative", "rep", "sen", "gov", "secretary-general",
      "undersecretary", "under", "assistant", "acting", "former", "first",
      "lady", "crown", "prince", "premier", "chancellor", "ministre",
      "premier", "vice-premier", "vice-president", "garde", "sceaux",
      "affaires", "etrangeres", "exterieures", "interieur", "armees",
      "economie", "numerique", "defense", "sante", "transports", "agriculture",
      "education", "energy", "health", "transport", "digital", "economy",
      "of", "de", "des", "du", "la", "l", "and", "et", "the"};
  return *s;
}

// Words (folded) that announce an organisation's name.
const FoldedSet& OrgCues() {
  static const auto* s = new FoldedSet{
      "societe", "groupe", "entreprise", "firme", "agence", "fabricant",
      "operateur", "application", "appli", "start-up", "startup", "ong",
      "editeur", "marque", "plateforme", "equipementier", "constructeur",
      "banque", "parquet", "cabinet", "filiale", "gang", "collectif",
      "tap doan", "cong ty", "hang", "co quan", "ung dung", "nhom",
      "nhom tin tac", "to chuc", "mang xa hoi", "to", "bao", "dai",
      "hang tin", "ngan hang", "company", "firm", "group", "agency", "app",
      "platform", "provider", "vendor", "maker", "chipmaker", "operator",
      "startup", "subsidiary", "carrier", "bank", "ngo", "outlet",
      "newspaper", "broadcaster", "insurer", "contractor", "exchange",
      "marketplace", "developer", "manufacturer", "société", "opérateur",
      "éditeur", "équipementier", "tập đoàn", "công ty", "hãng", "cơ quan",
      "ứng dụng", "nhóm", "nhóm tin tặc", "tổ chức", "mạng xã hội", "tờ",
      "báo", "đài", "hãng tin", "ngân hàng"};
  return *s;
}

// Last words of organisation names.
const FoldedSet& OrgSuffixes() {
  static const auto* s = new FoldedSet{
      "corp", "corporation", "inc", "ltd", "llc", "plc", "group", "groupe",
      "technologies", "technology", "telecom", "telecoms", "labs", "lab",
      "systems", "networks", "company", "co", "sa", "ag", "gmbh", "holdings",
      "bank", "pipeline", "security", "ai", "market", "team", "organization",
      "organisation", "agency", "department", "ministry", "office", "court",
      "council", "institute", "party", "police", "service", "services",
      "directorate", "bureau", "commission", "authority", "committee",
      "university", "foundation", "defenders", "electronics", "software",
      "solutions", "media", "news", "times", "post", "press", "airlines",
      "energy", "motors", "capital", "partners", "association", "union",
      "alliance", "center", "centre", "command", "force", "forces", "army",
      "navy", "guard", "board", "network", "communications", "entertainment",
      "industries", "international", "global", "digital", "cyber",
      "intelligence", "sas", "sarl", "srl", "bv", "nv", "oy", "ab", "asa",
      "kk", "pte", "jsc", "pjsc", "ooo", "expo"};
  return *s;
}

// First words of organisation names.
const FoldedSet& OrgPrefixes() {
  static const auto* s = new FoldedSet{
      "bo", "co quan", "cuc", "toa an", "van phong", "vien", "dang", "so",
      "uy ban", "to chuc", "cong ty", "tap doan", "ngan hang", "truong",
      "dai hoc", "hoi dong", "trung tam", "lien minh", "ministere", "agence",
      "universite", "institut", "commission", "cour", "tribunal", "parti",
      "conseil", "autorite", "direction", "office", "federal", "national",
      "ministry", "department", "university", "bureau", "national", "bộ",
      "cơ quan", "cục", "tòa án", "văn phòng", "viện", "đảng", "sở", "ủy ban",
      "tổ chức", "công ty", "tập đoàn", "ngân hàng", "trường", "đại học",
      "hội đồng", "trung tâm", "liên minh", "ministère", "université",
      "autorité", "fédéral"};
  return *s;
}

// Capitalised words that start sentences or titles but name nothing.
const FoldedSet& Stopwords() {
  static const auto* s = new FoldedSet{
      "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "en", "au",
      "aux", "a", "apres", "avant", "selon", "pour", "par", "dans", "sur",
      "avec", "mais", "et", "ou", "il", "elle", "ils", "elles", "ce", "cette",
      "ces", "son", "sa", "ses", "leur", "leurs", "depuis", "lors", "pendant",
      "the", "a", "an", "in", "on", "at", "of", "for", "by", "with", "after",
      "before", "according", "but", "and", "or", "he", "she", "it", "they",
      "this", "that", "these", "those", "his", "her", "its", "their", "as",
      "when", "while", "since", "during", "from", "to", "we", "our", "us",
      "ngay", "thang", "nam", "theo", "trong", "sau", "truoc", "khi", "vao",
      "tai", "o", "cac", "nhung", "mot", "hai", "ba", "nguoi", "chung",
      "toi", "ho", "do", "day", "nay", "con", "cung", "va", "nhu", "neu",
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "janvier",
      "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
      "septembre", "octobre", "novembre", "decembre", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
      "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
      "prosecutors", "officials", "authorities", "police", "internet",
      "covid-19", "covid", "ia", "5g", "4g", "rgpd", "gdpr", "wifi", "wi-fi",
      "ransomware", "malware", "apps", "cloud", "email", "tv", "pdf", "ii",
      "iii", "iv", "ong", "ba", "anh", "chi", "m", "mme", "mr", "mrs", "ms",
      "dr", "monsieur", "madame", "nous", "vous", "je", "on", "i", "you",
      "if", "si", "not", "no", "non", "yes", "oui", "all", "tous", "toutes",
      "there", "here", "what", "who", "which", "where", "why", "how", "lire",
      "read", "also", "aussi", "photo", "video", "publie", "published",
      "updated", "mis", "jour", "source", "sources"};
  return *s;
}

// Lower-case words allowed inside a capitalised name ("Bureau of Fisheries
// and Aquatic Resources", "Congrès mondial", "Bộ Công an").
const FoldedSet& Connectors() {
  static const auto* s = new FoldedSet{
      "of", "for", "and", "de", "du", "des", "la", "le", "fur", "van", "von",
      "der", "den", "al", "bin", "da", "di", "del", "y", "et", "&"};
  return *s;
}

// True for a Vietnamese common word capitalised at a sentence start ("Vì",
// "Cảnh sát", "Luật"), compared with its diacritics: "Vì" is a word, "Vĩ"
// may be a name.
bool IsVietnameseCommonWord(std::string_view lang, std::string_view surface,
                            const std::string& folded) {
  if (lang != "vi") return false;
  static const auto* words = [] {
    auto* m = new absl::flat_hash_map<std::string, std::string>;
    for (const char* w :
         {"vì", "theo", "trong", "sau", "khi", "tuy", "nhưng", "với", "từ",
          "tại", "ở", "luật", "cảnh", "lực", "quân", "nhà", "người", "các",
          "những", "việc", "vụ", "hiện", "đây", "điều", "bên", "phía",
          "trước", "ngoài", "giữa", "cùng", "còn", "đồng", "thời", "tình",
          "dù", "nếu", "để", "hôm", "chiều", "sáng", "tối", "cuối", "đầu",
          "năm", "tháng", "ngày", "tuần", "cũng", "đó", "này", "một", "hai",
          "vào", "ra", "lên", "chính", "dân", "báo", "tin", "bản", "tàu",
          "trước", "chúng", "tôi", "họ", "do", "và", "như", "ông", "bà",
          "anh", "chị", "theo"}) {
      m->emplace(graph::FoldKey(w), w);
    }
    return m;
  }();
  auto it = words->find(folded);
  return it != words->end() && SameDiacritics(surface, it->second) &&
         HasDiacritics(surface) == HasDiacritics(it->second);
}

// Words that make a following capitalised name a state (l'État de X,
// chính phủ X, government of X).
bool StateNounBefore(const std::vector<Token>& t, size_t i) {
  auto w = [&](size_t back) -> std::string_view {
    return i >= back ? std::string_view(t[i - back].folded) : std::string_view();
  };
  if ((w(1) == "de" || w(1) == "d") &&
      (w(2) == "etat" || w(2) == "gouvernement" || w(2) == "republique" ||
       w(2) == "royaume" || w(2) == "president" || w(2) == "autorites")) {
    return true;
  }
  if (w(1) == "of" && (w(2) == "government" || w(2) == "state" ||
                       w(2) == "republic" || w(2) == "kingdom")) {
    return true;
  }
  if ((w(2) == "chinh" && w(1) == "phu") || w(1) == "nuoc" ||
      (w(2) == "quoc" && w(1) == "gia") || (w(2) == "chinh" && w(1) == "quyen")) {
    return true;
  }
  return false;
}

// Demonym suffixes (folded) and the minimum stem each needs.
constexpr std::string_view kDemonymSuffixes[] = {
    "aises", "aise", "ais", "iennes", "ienne", "iens", "ien", "ianes",
    "iane", "ians", "ian", "anes", "ane", "ans", "an", "ese", "i", "is"};

// A connector inside a name: "of", "de", "für", ...; a word written with
// diacritics is one only as "für" (Vietnamese "là" is not "la").
bool IsConnector(std::string_view text, const Token& t) {
  if (!Connectors().contains(t.folded)) return false;
  return t.folded == "fur" ||
         !HasDiacritics(text.substr(t.begin, t.end - t.begin));
}

struct Run {
  size_t first, last;  // Token indexes, inclusive.
};

std::string TwoWords(const std::vector<Token>& t, size_t i) {
  if (i < 2) return "";
  return absl::StrCat(t[i - 2].folded, " ", t[i - 1].folded);
}

}  // namespace

std::vector<Mention> RecognizeByCues(std::string_view text,
                                     std::string_view lang,
                                     std::span<const Sentence> sentences,
                                     std::span<const Mention> known) {
  std::vector<Mention> out;
  // `known` is sorted and non-overlapping, so its ends are sorted too: one
  // binary search per query. Of `out`, only the mentions made in the
  // current sentence (from out_from on) can overlap its tokens.
  size_t out_from = 0;
  auto covered = [&](size_t b, size_t e) {
    auto it = std::upper_bound(
        known.begin(), known.end(), b,
        [](size_t pos, const Mention& m) { return pos < m.end; });
    if (it != known.end() && it->begin < e) return true;
    for (size_t k = out_from; k < out.size(); ++k) {
      if (b < out[k].end && out[k].begin < e) return true;
    }
    return false;
  };
  // Names of persons and cue organisations seen so far, by folded token, for
  // short repeats ("Ding", "ông Bình", "Jinhua").
  absl::flat_hash_map<std::string, size_t> person_token;  // -> index in out
  absl::flat_hash_map<std::string, size_t> org_token;
  absl::flat_hash_set<std::string> derived_states;  // Folded names.

  // Pass 1: states named with a state noun, anywhere in the text.
  std::vector<std::vector<Token>> sentence_tokens;
  sentence_tokens.reserve(sentences.size());
  for (const Sentence& s : sentences) {
    sentence_tokens.push_back(Tokenize(text, s.begin, s.end));
    const std::vector<Token>& t = sentence_tokens.back();
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].upper && !t[i].all_caps && !t[i].digits &&
          StateNounBefore(t, i) && !covered(t[i].begin, t[i].end) &&
          (i + 1 >= t.size() || !t[i + 1].upper ||
           !OnlySpaces(text, t[i].end, t[i + 1].begin))) {
        derived_states.insert(t[i].folded);
      }
    }
  }

  auto make = [&](size_t b, size_t e, std::string_view label,
                  std::string_view name, std::string_view kind) {
    Mention m;
    m.begin = b;
    m.end = e;
    m.label = std::string(label);
    m.name = std::string(name);
    m.key = EntityKey(label, name, "");
    m.kind = std::string(kind);
    m.source = MentionSource::kCue;
    return m;
  };

  for (size_t si = 0; si < sentences.size(); ++si) {
    out_from = out.size();
    const std::vector<Token>& t = sentence_tokens[si];
    std::vector<bool> used(t.size(), false);
    for (size_t i = 0; i < t.size(); ++i) used[i] = covered(t[i].begin, t[i].end);
    // Derived states and their demonyms.
    for (size_t i = 0; i < t.size(); ++i) {
      if (used[i]) continue;
      std::string_view f = t[i].folded;
      std::string state;
      bool demonym = false;
      if (t[i].upper && derived_states.contains(t[i].folded)) {
        state = t[i].folded;
      } else {
        for (std::string_view suffix : kDemonymSuffixes) {
          if (f.size() < suffix.size() + 4 || !f.ends_with(suffix)) continue;
          std::string_view stem = f.substr(0, f.size() - suffix.size());
          for (const std::string& d : derived_states) {
            size_t common = 0;
            while (common < stem.size() && common < d.size() &&
                   stem[common] == d[common]) {
              ++common;
            }
            if (common >= 4 && common + 2 >= d.size() && common == stem.size()) {
              state = d;
              demonym = true;
            }
          }
          if (!state.empty()) break;
        }
      }
      if (state.empty()) continue;
      // The name as written where it was first seen as a name.
      std::string name(text.substr(t[i].begin, t[i].end - t[i].begin));
      if (demonym) {
        name = state;
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
      }
      Mention m = make(t[i].begin, t[i].end, "State", name, "state");
      m.key = absl::StrCat("State:", state);
      m.is_demonym = demonym;
      out.push_back(std::move(m));
      used[i] = true;
    }

    // Runs of capitalised tokens.
    std::vector<Run> runs;
    for (size_t i = 0; i < t.size(); ++i) {
      if (used[i] || !t[i].upper) continue;
      size_t j = i;
      while (true) {
        size_t k = j + 1;
        if (k < t.size() && !used[k] && t[k].upper &&
            OnlySpaces(text, t[j].end, t[k].begin)) {
          j = k;
          continue;
        }
        // One or two connectors, then a capitalised token. A coordinator
        // ("and", "et", "&") joins only inside a name that opened with an
        // organisation word or a complement ("Bureau of Fisheries and
        // Aquatic Resources"); otherwise it separates two names ("Hamid
        // Firoozi and Ahmad Fathi", "Park and Chosun Expo").
        bool coordinator = k < t.size() &&
                           (t[k].folded == "and" || t[k].folded == "et" ||
                            t[k].folded == "&" || t[k].folded == "y");
        bool joins = true;
        if (coordinator) {
          joins = OrgPrefixes().contains(t[i].folded) ||
                  (i + 1 <= j && OrgPrefixes().contains(absl::StrCat(
                                     t[i].folded, " ", t[i + 1].folded)));
          for (size_t q = i + 1; q < j && !joins; ++q) {
            if (!t[q].upper && Connectors().contains(t[q].folded)) joins = true;
          }
        }
        if (joins && k + 1 < t.size() && !used[k] && IsConnector(text, t[k]) &&
            !t[k].upper && OnlySpaces(text, t[j].end, t[k].begin)) {
          size_t n = k + 1;
          if (n + 1 < t.size() && IsConnector(text, t[n]) && !t[n].upper) ++n;
          if (!used[n] && t[n].upper && OnlySpaces(text, t[n - 1].end, t[n].begin) &&
              OnlySpaces(text, t[k].end, t[k + 1].begin)) {
            j = n;
            continue;
          }
        }
        break;
      }
      runs.push_back({i, j});
      i = j;
    }

    for (Run r : runs) {
      // Peel cue words and stopwords off the front.
      bool person_cue = false, org_cue = false;
      while (r.first <= r.last) {
        const std::string& f = t[r.first].folded;
        std::string_view word = text.substr(
            t[r.first].begin, t[r.first].end - t[r.first].begin);
        // In Vietnamese a stopword must carry its own diacritics: "do" (by)
        // is a stopword, the surname "Đỗ" is not.
        bool stop = Stopwords().contains(f);
        if (stop && lang == "vi" && HasDiacritics(word)) {
          stop = IsVietnameseCommonWord(lang, word, f);
        }
        if (PersonCues().contains(f)) {
          person_cue = true;
        } else if (!stop && !IsVietnameseCommonWord(lang, word, f)) {
          break;
        }
        ++r.first;
      }
      if (r.first > r.last) continue;
      // "Deputy Prime Minister Richard Marles", "Secretary of State Antony
      // Blinken": a title run peeled off when a name of two or more
      // capitalised words remains and the title holds a person cue.
      {
        size_t k = r.first;
        bool title_cue = person_cue;
        while (k <= r.last && TitleWords().contains(t[k].folded)) {
          if (PersonCues().contains(t[k].folded)) title_cue = true;
          ++k;
        }
        if (title_cue && k > r.first && k + 1 <= r.last &&
            !Connectors().contains(t[k].folded) &&
            !OrgSuffixes().contains(t[r.last].folded)) {
          bool name_like = true;
          for (size_t q = k; q <= r.last; ++q) {
            if (!t[q].upper || t[q].digits || t[q].all_caps) name_like = false;
          }
          if (name_like) {
            r.first = k;
            person_cue = true;
          }
        }
      }
      // Trailing connectors never end a name.
      while (r.last > r.first && Connectors().contains(t[r.last].folded)) --r.last;
      size_t n = r.last - r.first + 1;
      bool at_start = r.first == 0 ||
                      (r.first > 0 && !OnlySpaces(text, t[r.first - 1].end,
                                                  t[r.first].begin) &&
                       text[t[r.first - 1].end] != '\'' &&
                       text.substr(t[r.first - 1].end, 2) != "\xE2\x80");
      // The words before the run: cues.
      size_t i = r.first;
      std::string w1 = i >= 1 ? t[i - 1].folded : "";
      std::string w2 = TwoWords(t, i);
      std::string w3 = i >= 3 ? absl::StrCat(t[i - 3].folded, " ", w2) : "";
      bool long_person_cue =
          PersonCues().contains(w2) || PersonCues().contains(w3);
      if (PersonCues().contains(w1) || long_person_cue) person_cue = true;
      // "ông" folds to "ong" (the French ONG, an NGO): in Vietnamese, or
      // written with its diacritic, it announces a person.
      bool ong_is_person =
          w1 == "ong" && (lang == "vi" ||
                          HasDiacritics(text.substr(
                              t[i - 1].begin, t[i - 1].end - t[i - 1].begin)));
      // A longer person cue ("nhà báo") wins over a shorter organisation
      // cue inside it ("báo", a newspaper).
      if (ong_is_person) {
        person_cue = true;
      } else if ((OrgCues().contains(w1) && !long_person_cue) ||
                 OrgCues().contains(w2) || OrgCues().contains(w3)) {
        org_cue = true;
      }
      const std::string& first = t[r.first].folded;
      const std::string& last = t[r.last].folded;
      std::string first2 =
          n >= 2 ? absl::StrCat(first, " ", t[r.first + 1].folded) : "";
      bool org_shape = OrgSuffixes().contains(last) && n >= 2;
      bool org_prefix = (OrgPrefixes().contains(first) ||
                         OrgPrefixes().contains(first2)) && n >= 2;
      bool acronym = n == 1 && t[r.first].all_caps && !t[r.first].digits;
      bool odd_shape = n == 1 && (t[r.first].camel || t[r.first].digits);
      size_t b = t[r.first].begin, e = t[r.last].end;
      std::string surface(text.substr(b, e - b));
      std::string label;
      if (org_cue || org_shape || org_prefix) {
        label = "Organisation";
      } else if (person_cue) {
        label = "Person";
      } else if (n == 1) {
        auto p = person_token.find(first);
        if (p != person_token.end()) {
          Mention m = out[p->second];
          m.begin = b;
          m.end = e;
          out.push_back(std::move(m));
          continue;
        }
        auto o = org_token.find(first);
        if (o != org_token.end()) {
          Mention m = out[o->second];
          m.begin = b;
          m.end = e;
          out.push_back(std::move(m));
          continue;
        }
        if (acronym || (odd_shape && !at_start)) {
          label = "Organisation";
        } else {
          continue;
        }
      } else if (n <= 4 && !(at_start && n == 2 && Stopwords().contains(first))) {
        bool name_like = true;
        for (size_t k = r.first; k <= r.last; ++k) {
          if (t[k].digits || (t[k].all_caps && t[k].folded.size() > 3 &&
                              r.last - r.first > 0 && false)) {
            name_like = false;
          }
          if (!t[k].upper) name_like = false;
        }
        label = name_like ? "Person" : "Organisation";
      } else {
        label = "Organisation";
      }
      if (label == "Person" && n == 1 && !person_cue) continue;
      // A single-word person after a cue may be a known person's short name.
      if (label == "Person" && n == 1) {
        auto p = person_token.find(first);
        if (p != person_token.end()) {
          Mention m = out[p->second];
          m.begin = b;
          m.end = e;
          out.push_back(std::move(m));
          continue;
        }
      }
      Mention m = make(b, e, label, surface, label == "Organisation" ? "" : "");
      size_t index = out.size();
      out.push_back(std::move(m));
      for (size_t k = r.first; k <= r.last; ++k) {
        if (t[k].folded.size() < 2 || Connectors().contains(t[k].folded)) continue;
        if (label == "Person") {
          person_token.emplace(t[k].folded, index);
        } else if (t[k].folded.size() >= 4 && !OrgSuffixes().contains(t[k].folded) &&
                   !OrgPrefixes().contains(t[k].folded)) {
          org_token.emplace(t[k].folded, index);
        }
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace dossier::loaders
