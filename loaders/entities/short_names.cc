#include "loaders/entities/short_names.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "absl/container/flat_hash_map.h"

namespace dossier::loaders {
namespace {

// Words that name a kind of body rather than one body.
bool IsGenericWord(std::string_view w) {
  static constexpr std::string_view kGeneric[] = {"Group",
                                                  "Groupe",
                                                  "Technology",
                                                  "Technologies",
                                                  "Tech",
                                                  "Integrated",
                                                  "Circuit",
                                                  "Circuits",
                                                  "Corp",
                                                  "Corporation",
                                                  "Company",
                                                  "Compagnie",
                                                  "Limited",
                                                  "Holdings",
                                                  "Holding",
                                                  "International",
                                                  "National",
                                                  "Security",
                                                  "Service",
                                                  "Services",
                                                  "Agency",
                                                  "Agence",
                                                  "Department",
                                                  "Ministry",
                                                  "Bank",
                                                  "Banque",
                                                  "Systems",
                                                  "System",
                                                  "Networks",
                                                  "Network",
                                                  "Communications",
                                                  "Electronics",
                                                  "Energy",
                                                  "Industries",
                                                  "Industry",
                                                  "Semiconductor",
                                                  "Software",
                                                  "Labs",
                                                  "Solutions",
                                                  "Information",
                                                  "Intelligence",
                                                  "Federal",
                                                  "State",
                                                  "Central",
                                                  "Office",
                                                  "Bureau",
                                                  "Committee",
                                                  "Council",
                                                  "Commission",
                                                  "Authority",
                                                  "Institute",
                                                  "University",
                                                  "Police",
                                                  "Court",
                                                  "Army",
                                                  "Force",
                                                  "Forces",
                                                  "Guard",
                                                  "Coast",
                                                  "Defence",
                                                  "Defense",
                                                  "Foreign",
                                                  "Affairs",
                                                  "Public",
                                                  "General",
                                                  "Justice",
                                                  "Treasury",
                                                  "Commerce",
                                                  "Trade",
                                                  "Market",
                                                  "Markets",
                                                  "Media",
                                                  "News",
                                                  "Times",
                                                  "Post",
                                                  "Journal",
                                                  "Press",
                                                  "Radio",
                                                  "Television",
                                                  "Party",
                                                  "Front",
                                                  "Union",
                                                  "Association",
                                                  "Foundation",
                                                  "Center",
                                                  "Centre",
                                                  "Global",
                                                  "World",
                                                  "United",
                                                  "Republic",
                                                  "People",
                                                  "Peoples",
                                                  "Democratic",
                                                  "Cyber",
                                                  "Data",
                                                  "Digital",
                                                  "Mobile",
                                                  "Telecom",
                                                  "Telecommunications",
                                                  "Cloud",
                                                  "Microelectronics",
                                                  "Pipeline",
                                                  "Chat",
                                                  "Team",
                                                  "Gang",
                                                  "Online",
                                                  "Health",
                                                  "Insurance",
                                                  "Power",
                                                  "Motors",
                                                  "Airlines",
                                                  "Airways",
                                                  "Electric",
                                                  "Chemical",
                                                  "Capital",
                                                  "Partners",
                                                  "Management",
                                                  "Research",
                                                  "Development",
                                                  "Studio",
                                                  "Studios",
                                                  "Entertainment",
                                                  "Games",
                                                  "Platforms",
                                                  "Blizzard",
                                                  "Typhoon",
                                                  "Panda",
                                                  "Bear",
                                                  "Kitten",
                                                  "Sandstorm",
                                                  "Sleet",
                                                  "Spider",
                                                  "Chollima",
                                                  "Lotus",
                                                  "Dragon",
                                                  "Tempest",
                                                  "Main",
                                                  "Special",
                                                  "Protection",
                                                  "Privacy",
                                                  "Rights",
                                                  "Human",
                                                  "Watch",
                                                  "Free",
                                                  "Safety",
                                                  "Review",
                                                  "Board",
                                                  "Infrastructure",
                                                  "Investigation",
                                                  "Prosecutor",
                                                  "Prosecutors",
                                                  "Directorate",
                                                  "Administration",
                                                  "Regulation",
                                                  "Assembly",
                                                  "Parliament",
                                                  "Congress",
                                                  "Senate",
                                                  "House",
                                                  "Embassy",
                                                  "Ambassade",
                                                  "Consulate",
                                                  "Organisation",
                                                  "Organization",
                                                  "Institut",
                                                  "Minister",
                                                  "Ministère",
                                                  "Direction",
                                                  "Secretariat",
                                                  "Unit",
                                                  "Division",
                                                  "Brigade",
                                                  "Command",
                                                  "Exchange",
                                                  "Street",
                                                  "Square",
                                                  "North",
                                                  "South",
                                                  "East",
                                                  "West",
                                                  "New",
                                                  "Great",
                                                  "Royal",
                                                  "Imperial",
                                                  "Supreme",
                                                  "High",
                                                  "First",
                                                  "Second",
                                                  "Third",
                                                  "Positive",
                                                  "Open",
                                                  "Future",
                                                  "Green"};
  for (std::string_view g : kGeneric) {
    if (w == g) return true;
  }
  return false;
}

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '-' || c == '_';
}

struct Candidate {
  int mention = -1;  // Index of the first organisation mention named by it.
  bool ambiguous = false;
};

}  // namespace

void AddShortNames(const Gazetteer& gazetteer, std::string_view text,
                   std::vector<Mention>* mentions) {
  absl::flat_hash_map<std::string, Candidate> words;
  for (size_t i = 0; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (m.label != "Organisation" || m.kind == "portfolio" || m.is_demonym ||
        m.source == MentionSource::kCoreference || m.end > text.size()) {
      continue;
    }
    std::string_view surface = text.substr(m.begin, m.end - m.begin);
    if (surface.find(' ') == std::string_view::npos) continue;
    size_t p = 0;
    while (p < surface.size()) {
      size_t q = surface.find(' ', p);
      if (q == std::string_view::npos) q = surface.size();
      std::string_view w = surface.substr(p, q - p);
      p = q + 1;
      if (w.size() < 4 || w[0] < 'A' || w[0] > 'Z' || IsGenericWord(w)) {
        continue;
      }
      bool plain = std::all_of(w.begin() + 1, w.end(),
                               [](char c) { return (c >= 'a' && c <= 'z'); });
      if (!plain) continue;  // Acronyms and odd spellings are lexicon work.
      auto [it, inserted] = words.try_emplace(std::string(w));
      if (inserted) {
        it->second.mention = static_cast<int>(i);
      } else if ((*mentions)[it->second.mention].key != m.key) {
        it->second.ambiguous = true;
      }
    }
  }
  if (words.empty()) return;
  std::vector<Mention> added;
  for (const auto& [w, cand] : words) {
    if (cand.ambiguous || !gazetteer.Match(w).empty()) continue;
    const Mention& org = (*mentions)[cand.mention];
    for (size_t at = text.find(w, org.end); at != std::string_view::npos;
         at = text.find(w, at + w.size())) {
      size_t end = at + w.size();
      if ((at > 0 && IsWordByte(text[at - 1])) ||
          (end < text.size() && IsWordByte(text[end]))) {
        continue;
      }
      // Outside every mention.
      auto next = std::lower_bound(
          mentions->begin(), mentions->end(), end,
          [](const Mention& a, size_t pos) { return a.begin < pos; });
      if (next != mentions->begin() && std::prev(next)->end > at) continue;
      Mention m = org;
      m.begin = at;
      m.end = end;
      m.aliases.clear();
      added.push_back(std::move(m));
    }
  }
  if (added.empty()) return;
  mentions->insert(mentions->end(), added.begin(), added.end());
  std::sort(
      mentions->begin(), mentions->end(),
      [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

}  // namespace dossier::loaders
