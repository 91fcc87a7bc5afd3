#include "loaders/entities/coreference.h"

#include <algorithm>
#include <bitset>
#include <iterator>
#include <string>
#include <utility>

#include "loaders/entities/folded_text.h"

namespace dossier::loaders {
namespace {

// Folded descriptions of an organisation. Longer ones first.
constexpr std::string_view kDescriptions[] = {
    "le géant", "la firme", "la société", "le groupe", "l'entreprise",
    "le fabricant", "l'opérateur", "l'équipementier", "le constructeur",
    "l'éditeur", "la start-up", "l'application", "la plateforme",
    "cette société", "cette entreprise", "ce groupe", "cette firme",
    "tập đoàn này", "công ty này", "hãng này", "nhóm này", "tổ chức này",
    "cơ quan này", "ứng dụng này", "nhóm tin tặc này", "hãng",
    "the company", "the firm", "the group", "the agency", "the gang",
    "the chipmaker", "the vendor", "the app", "the platform",
    "the manufacturer", "the operator", "the giant", "the carrier",
    "le média", "le journal", "le quotidien", "l'hebdomadaire",
    "the newspaper", "the broadcaster", "the outlet", "tờ báo này"};

// What a description may refer to, by the antecedent's lexicon kind.
enum class Refers { kAny, kCompany, kGroup, kMedia };

Refers ClassOf(std::string_view description) {
  static constexpr std::string_view kGroupWords[] = {
      "nhóm này", "nhóm tin tặc này", "the gang", "the group"};
  static constexpr std::string_view kAnyWords[] = {
      "cơ quan này", "tổ chức này", "the agency", "le groupe", "ce groupe"};
  static constexpr std::string_view kMediaWords[] = {
      "le média", "le journal", "le quotidien", "l'hebdomadaire",
      "the newspaper", "the broadcaster", "the outlet", "tờ báo này"};
  for (std::string_view w : kGroupWords) {
    if (w == description) return Refers::kGroup;
  }
  for (std::string_view w : kMediaWords) {
    if (w == description) return Refers::kMedia;
  }
  for (std::string_view w : kAnyWords) {
    if (w == description) return Refers::kAny;
  }
  return Refers::kCompany;
}

// Kinds a company description ("hãng", "the company", "la firme") never
// refers to.
bool IsNonCompanyKind(std::string_view kind) {
  static constexpr std::string_view kKinds[] = {
      "hacker_group", "ministry", "agency", "intelligence", "police",
      "court", "prosecutor", "regulator", "government", "military",
      "party", "parliament", "alliance", "international", "ngo"};
  for (std::string_view k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

// The folded patterns of a fixed list, and a scan that finds every
// occurrence of each of them in one pass over a folded text.
class PatternScan {
 public:
  explicit PatternScan(std::vector<std::string> patterns)
      : patterns_(std::move(patterns)) {
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (patterns_[i].size() < 2) continue;  // None is that short.
      by_first_[static_cast<unsigned char>(patterns_[i][0])].push_back(i);
      first2_.set(First2(patterns_[i], 0));
    }
  }

  const std::string& pattern(size_t i) const { return patterns_[i]; }

  // Per pattern, the start of each of its occurrences in `f` (overlapping
  // ones included), ascending.
  std::vector<std::vector<size_t>> FindAll(std::string_view f) const {
    std::vector<std::vector<size_t>> hits(patterns_.size());
    for (size_t p = 0; p + 1 < f.size(); ++p) {
      if (!first2_.test(First2(f, p))) continue;
      const std::vector<size_t>& cands =
          by_first_[static_cast<unsigned char>(f[p])];
      for (size_t i : cands) {
        const std::string& d = patterns_[i];
        // Patterns have two bytes at least; the second and last bytes first.
        if (f.size() - p >= d.size() && f[p + 1] == d[1] &&
            f[p + d.size() - 1] == d.back() &&
            f.compare(p, d.size(), d) == 0) {
          hits[i].push_back(p);
        }
      }
    }
    return hits;
  }

 private:
  static size_t First2(std::string_view s, size_t p) {
    return (static_cast<size_t>(static_cast<unsigned char>(s[p])) << 8) |
           static_cast<unsigned char>(s[p + 1]);
  }

  std::vector<std::string> patterns_;
  std::vector<size_t> by_first_[256];
  std::bitset<65536> first2_;  // First2 of each pattern.
};

// kDescriptions folded like the text (whatever graph::FoldKey keeps).
const PatternScan& DescriptionScan() {
  static const PatternScan* scan = [] {
    std::vector<std::string> folded;
    for (std::string_view d : kDescriptions) {
      folded.push_back(FoldWithOffsets(d).folded);
    }
    return new PatternScan(std::move(folded));
  }();
  return *scan;
}

// English head nouns of a modified description ("the state-owned Chinese
// chipmaker"), already folded.
constexpr std::string_view kHeads[] = {
    "company", "firm", "chipmaker", "vendor", "giant", "manufacturer",
    "carrier", "conglomerate", "provider", "maker"};

const PatternScan& HeadScan() {
  static const PatternScan* scan = [] {
    std::vector<std::string> heads(std::begin(kHeads), std::end(kHeads));
    return new PatternScan(std::move(heads));
  }();
  return *scan;
}

}  // namespace

std::vector<Mention> ResolveDescriptions(std::string_view text,
                                         std::span<const Mention> mentions) {
  return ResolveDescriptions(text, FoldWithOffsets(text), mentions);
}

std::vector<Mention> ResolveDescriptions(std::string_view text,
                                         const FoldedText& ft,
                                         std::span<const Mention> mentions) {
  std::vector<Mention> out;
  std::string_view f = ft.folded;
  const PatternScan& descriptions = DescriptionScan();
  std::vector<std::vector<size_t>> description_hits = descriptions.FindAll(f);
  for (size_t di = 0; di < std::size(kDescriptions); ++di) {
    std::string_view description = kDescriptions[di];
    std::string_view d = descriptions.pattern(di);
    if (d.empty()) continue;
    // Occurrences taken left to right without overlap, as successive
    // finds from the end of the previous one would.
    size_t pos = 0;
    for (size_t at : description_hits[di]) {
      if (at < pos) continue;
      size_t fe = at + d.size();
      pos = fe;
      if (AlnumBefore(f, at) || AlnumAfter(f, fe)) continue;
      size_t b = ft.OriginalBegin(at), e = ft.OriginalEnd(fe);
      // "hàng" (goods) is not "hãng" (the firm).
      if (!SameDiacritics(text.substr(b, e - b), description)) continue;
      bool taken = false;
      for (const Mention& m : mentions) {  // Sorted by begin.
        if (m.begin >= e) break;
        if (b < m.end) taken = true;
      }
      for (const Mention& m : out) {
        if (b < m.end && m.begin < e) taken = true;
      }
      if (taken) continue;
      // "la société Yealink": a cue, not a description.
      size_t next = e;
      while (next < text.size() && text[next] == ' ') ++next;
      if (next < text.size() && next > e) {
        size_t p = next;
        char32_t c = DecodeUtf8(text, &p);
        if (c < 0x80 && c >= 'A' && c <= 'Z') continue;
      }
      // A demonym right after restricts the antecedent.
      std::string state_key;
      for (const Mention& m : mentions) {
        if (m.begin > e + 2) break;
        if (m.is_demonym && m.begin >= e) state_key = m.key;
      }
      // With a demonym, an organisation of that home state wins over one
      // whose home state is unknown ("le groupe chinois" after Huawei and a
      // European party is Huawei).
      // A company description skips hacker groups and public bodies; a
      // group description ("nhóm này", "the gang") prefers the latest
      // hacker group.
      Refers refers = ClassOf(description);
      const Mention* best = nullptr;
      const Mention* same_state = nullptr;
      const Mention* hacker_group = nullptr;
      for (const Mention& m : mentions) {
        if (m.begin >= b) break;
        if (m.label != "Organisation" || m.kind == "portfolio" ||
            !m.place_key.empty()) {
          continue;
        }
        if (refers == Refers::kCompany && IsNonCompanyKind(m.kind)) continue;
        if (refers == Refers::kMedia && m.kind != "media") continue;
        if (m.kind == "hacker_group") hacker_group = &m;
        if (!state_key.empty() && !m.home_state_key.empty() &&
            m.home_state_key != state_key) {
          continue;
        }
        best = &m;
        if (!state_key.empty() && m.home_state_key == state_key) {
          same_state = &m;
        }
      }
      if (same_state != nullptr) best = same_state;
      if (refers == Refers::kGroup && hacker_group != nullptr) {
        best = hacker_group;
      }
      if (best == nullptr) continue;
      Mention m = *best;
      m.begin = b;
      m.end = e;
      m.is_demonym = false;
      m.source = MentionSource::kCoreference;
      m.aliases.clear();
      out.push_back(std::move(m));
    }
  }
  // "the state-owned Chinese chipmaker", "the Russian security firm": an
  // English description with modifiers between "the" and its head noun.
  // The mention covers the head only, so a demonym among the modifiers
  // stays a mention of its own (and gives BASED_IN).
  std::vector<std::vector<size_t>> head_hits = HeadScan().FindAll(f);
  for (size_t hi = 0; hi < std::size(kHeads); ++hi) {
    std::string_view head = kHeads[hi];
    size_t pos = 0;
    for (size_t at : head_hits[hi]) {
      if (at < pos) continue;
      size_t fe = at + head.size();
      pos = fe;
      if (AlnumBefore(f, at) || AlnumAfter(f, fe)) continue;
      // Back over one to three modifier words to "the".
      size_t k = at;
      int words = 0;
      bool the = false;
      std::string state_key;
      while (k > 0 && words <= 3) {
        size_t we = k;
        while (we > 0 && f[we - 1] == ' ') --we;
        if (we == k || we == 0) break;
        size_t wb = we;
        while (wb > 0 && f[wb - 1] != ' ') --wb;
        std::string_view w = f.substr(wb, we - wb);
        if (w == "the") {
          the = true;
          break;
        }
        bool letters = !w.empty();
        for (char c : w) {
          if (!((c >= 'a' && c <= 'z') || c == '-' ||
                static_cast<unsigned char>(c) >= 0x80)) {
            letters = false;
          }
        }
        if (!letters || w == "of" || w == "and" || w == "a" || w == "an" ||
            w == "its" || w == "their" || w == "that" || w == "said") {
          break;
        }
        size_t ob = ft.OriginalBegin(wb);
        for (const Mention& m : mentions) {
          if (m.begin > ob) break;
          if (m.begin == ob && m.is_demonym) state_key = m.key;
          if (m.begin <= ob && ob < m.end && !m.is_demonym) letters = false;
        }
        if (!letters) break;
        k = wb;
        ++words;
      }
      if (!the || words == 0) continue;
      size_t b = ft.OriginalBegin(at), e = ft.OriginalEnd(fe);
      // "the Russian security firm Positive Technologies": a cue.
      {
        size_t next = e;
        while (next < text.size() && text[next] == ' ') ++next;
        if (next > e && next < text.size() && text[next] >= 'A' &&
            text[next] <= 'Z') {
          continue;
        }
      }
      bool taken = false;
      for (const Mention& m : mentions) {  // Sorted by begin.
        if (m.begin >= e) break;
        if (b < m.end) taken = true;
      }
      for (const Mention& m : out) {
        if (b < m.end && m.begin < e) taken = true;
      }
      if (taken) continue;
      const Mention* best = nullptr;
      const Mention* same_state = nullptr;
      for (const Mention& m : mentions) {
        if (m.begin >= b) break;
        if (m.label != "Organisation" || m.kind == "portfolio" ||
            !m.place_key.empty() || IsNonCompanyKind(m.kind)) {
          continue;
        }
        if (!state_key.empty() && !m.home_state_key.empty() &&
            m.home_state_key != state_key) {
          continue;
        }
        best = &m;
        if (!state_key.empty() && m.home_state_key == state_key) {
          same_state = &m;
        }
      }
      if (same_state != nullptr) best = same_state;
      if (best == nullptr) continue;
      Mention m = *best;
      m.begin = b;
      m.end = e;
      m.is_demonym = false;
      m.source = MentionSource::kCoreference;
      m.aliases.clear();
      out.push_back(std::move(m));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace dossier::loaders
