#include "loaders/entities/gazetteer.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/status_macros.h"
#include "graph/text_fold.h"
#include "loaders/entities/folded_text.h"
#include "loaders/lexicon/embedded.h"

namespace dossier::loaders {

// One distinct folded string and the aliases that fold to it (first wins
// among those whose case constraint holds).
struct Gazetteer::Pattern {
  std::string folded;
  std::vector<int> aliases;  // Indexes into lexicon_.aliases().
};

struct Gazetteer::HsState {
  uint64_t id = NextId();  // Unique per database, never reused.
  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;  // Checks the database at Compile.
  static uint64_t NextId() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1);
  }
  ~HsState() {
    if (scratch != nullptr) hs_free_scratch(scratch);
    if (db != nullptr) hs_free_database(db);
  }
};

Gazetteer::~Gazetteer() = default;

uint64_t Gazetteer::id() const { return hs_ == nullptr ? 0 : hs_->id; }

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::CreateFromTexts(
    std::span<const std::pair<std::string, std::string>> files) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  for (const auto& [name, content] : files) {
    DOSSIER_RETURN_IF_ERROR(g->lexicon_.Add(content, name));
  }
  DOSSIER_RETURN_IF_ERROR(g->lexicon_.Finish());
  DOSSIER_RETURN_IF_ERROR(g->Compile());
  return g;
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Create(
    std::span<const std::string> extra_lexicon_paths) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedLexicon& e : EmbeddedLexicons()) {
    files.emplace_back("lexicon/" + std::string(e.name), std::string(e.content));
  }
  for (const std::string& path : extra_lexicon_paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open lexicon"));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files.emplace_back(path, buffer.str());
  }
  return CreateFromTexts(files);
}

absl::Status Gazetteer::Compile() {
  absl::flat_hash_map<std::string, int> by_folded;
  const auto& aliases = lexicon_.aliases();
  for (int i = 0; i < static_cast<int>(aliases.size()); ++i) {
    std::string folded = FoldWithOffsets(aliases[i].text).folded;
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (folded.empty()) continue;
    auto [it, inserted] =
        by_folded.emplace(folded, static_cast<int>(patterns_.size()));
    if (inserted) patterns_.push_back(Pattern{folded, {}});
    patterns_[it->second].aliases.push_back(i);
  }
  if (patterns_.empty()) return absl::OkStatus();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    exprs.push_back(patterns_[i].folded.data());
    lens.push_back(patterns_[i].folded.size());
    flags.push_back(HS_FLAG_SOM_LEFTMOST);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_ = std::make_unique<HsState>();
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                           nullptr, &hs_->db, &error) != HS_SUCCESS) {
    std::string message = error != nullptr ? error->message : "unknown";
    hs_free_compile_error(error);
    return absl::InternalError(
        absl::StrCat("gazetteer: Hyperscan compile failed: ", message));
  }
  if (hs_alloc_scratch(hs_->db, &hs_->scratch) != HS_SUCCESS) {
    return absl::InternalError("gazetteer: Hyperscan scratch allocation failed");
  }
  return absl::OkStatus();
}

namespace {

struct Hit {
  size_t from, to;  // Folded offsets.
  unsigned id;
};

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int, void* context) {
  static_cast<std::vector<Hit>*>(context)->push_back(
      Hit{static_cast<size_t>(from), static_cast<size_t>(to), id});
  return 0;
}

bool FirstAlnum(std::string_view s) {
  return !s.empty() && AlnumAfter(s, 0);
}
bool LastAlnum(std::string_view s) {
  return !s.empty() && AlnumBefore(s, s.size());
}

}  // namespace

std::vector<Mention> Gazetteer::Match(std::string_view text) const {
  Sentence whole{0, text.size()};
  return MatchSentences(text, std::span<const Sentence>(&whole, 1), nullptr);
}

std::vector<Mention> Gazetteer::MatchSentences(
    std::string_view text, std::span<const Sentence> sentences,
    std::vector<Mention>* inner) const {
  if (hs_ == nullptr || text.empty()) return {};
  return MatchSentences(text, FoldWithOffsets(text), sentences, inner);
}

std::vector<Mention> Gazetteer::MatchSentences(
    std::string_view text, const FoldedText& ft,
    std::span<const Sentence> sentences, std::vector<Mention>* inner) const {
  std::vector<Mention> out;
  if (hs_ == nullptr || text.empty()) return out;
  // True when [b, e) lies inside one sentence (sentences sorted by begin).
  auto in_one_sentence = [&](size_t b, size_t e) {
    auto it = std::upper_bound(
        sentences.begin(), sentences.end(), b,
        [](size_t pos, const Sentence& s) { return pos < s.begin; });
    if (it == sentences.begin()) return false;
    --it;
    return b >= it->begin && e <= it->end;
  };
  std::vector<Hit> hits;
  // One scratch per thread, grown to fit every database it has served.
  // hs_alloc_scratch checks the CPU (cpuid, slow under a hypervisor), so it
  // runs once per thread and gazetteer (ids are never reused), not per scan.
  struct ThreadScratch {
    hs_scratch_t* scratch = nullptr;
    std::vector<uint64_t> sized_for;
    ~ThreadScratch() {
      if (scratch != nullptr) hs_free_scratch(scratch);
    }
  };
  thread_local ThreadScratch tls;
  if (std::find(tls.sized_for.begin(), tls.sized_for.end(), hs_->id) ==
      tls.sized_for.end()) {
    if (hs_alloc_scratch(hs_->db, &tls.scratch) != HS_SUCCESS) return out;
    tls.sized_for.push_back(hs_->id);
  }
  hs_scan(hs_->db, ft.folded.data(), static_cast<unsigned>(ft.folded.size()),
          0, tls.scratch, OnMatch, &hits);

  struct Candidate {
    size_t from, to;  // Folded.
    int alias;
  };
  std::vector<Candidate> candidates;
  const auto& aliases = lexicon_.aliases();
  for (const Hit& h : hits) {
    const Pattern& p = patterns_[h.id];
    if (FirstAlnum(p.folded) && AlnumBefore(ft.folded, h.from)) continue;
    if (LastAlnum(p.folded) && AlnumAfter(ft.folded, h.to)) continue;
    size_t ob = ft.OriginalBegin(h.from), oe = ft.OriginalEnd(h.to);
    if (!in_one_sentence(ob, oe)) continue;
    std::string_view surface = text.substr(ob, oe - ob);
    // Short names must also carry the alias's diacritics when the text
    // writes any ("bị" is not "Bỉ"); folding serves unaccented writing.
    bool short_name = std::count(p.folded.begin(), p.folded.end(), ' ') <= 1;
    int chosen = -1;
    for (int a : p.aliases) {
      if (aliases[a].case_sensitive && surface != aliases[a].text) continue;
      if (short_name && !SameDiacritics(surface, aliases[a].text)) continue;
      chosen = a;
      break;
    }
    if (chosen >= 0) candidates.push_back({h.from, h.to, chosen});
  }
  // Longest first, then leftmost; keep those that overlap nothing kept.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              size_t la = a.to - a.from, lb = b.to - b.from;
              if (la != lb) return la > lb;
              return a.from < b.from;
            });
  // Kept spans, sorted by start (non-overlapping): one lookup per candidate.
  std::map<size_t, size_t> taken;
  auto overlaps = [&](size_t from, size_t to) {
    auto it = taken.lower_bound(to);  // First kept span starting at/after to.
    if (it == taken.begin()) return false;
    --it;
    return it->second > from;
  };
  for (const Candidate& c : candidates) {
    bool dropped = overlaps(c.from, c.to);
    if (dropped && inner == nullptr) continue;
    if (!dropped) taken.emplace(c.from, c.to);
    const LexiconAlias& alias = aliases[c.alias];
    const LexiconEntity* e = &lexicon_.entities()[alias.entity];
    Mention m;
    m.begin = ft.OriginalBegin(c.from);
    m.end = ft.OriginalEnd(c.to);
    m.source = MentionSource::kLexicon;
    m.is_demonym = alias.role == AliasRole::kDemonym;
    if (e->acts_for >= 0) {  // A capital: the actor by default.
      m.place_key = e->key;
      m.place_name = e->name;
      e = &lexicon_.entities()[e->acts_for];
    }
    if (e->label == "Organisation" && !e->iso2.empty()) {
      int state = lexicon_.StateOf(e->iso2);
      if (state >= 0) m.home_state_key = lexicon_.entities()[state].key;
    }
    m.key = e->key;
    m.kind = e->kind;
    m.iso2 = e->iso2;
    m.label = e->label;
    m.name = e->name;
    if (dropped) {
      if (m.label == "State" && !m.is_demonym) inner->push_back(std::move(m));
      continue;
    }
    out.push_back(std::move(m));
  }
  if (inner != nullptr) {
    std::sort(inner->begin(), inner->end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

bool IsLocativeContext(std::string_view text, size_t begin) {
  // The (up to) two words before `begin`, folded.
  size_t start = begin > 40 ? begin - 40 : 0;
  while (start > 0 && start < begin &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    ++start;
  }
  std::string before = FastFold(text.substr(start, begin - start));
  // Elided "d'"/"l'" glued to the name: look at what precedes them.
  if (before.size() >= 2 && before.back() == '\'') {
    before.pop_back();
    before.pop_back();
    while (!before.empty() && before.back() == ' ') before.pop_back();
  }
  static constexpr std::string_view kOne[] = {
      "a", "en", "au", "aux", "dans", "vers", "pres de", "in", "at", "near",
      "from", "to", "outside", "tai", "o", "tu", "den", "thu do",
      "thanh pho", "based in", "basee a", "base a", "installee a",
      "installe a", "siege a", "tru so tai", "tru so o", "khu vuc",
      "toward", "around", "across", "into", "visit", "visite a",
      // The same words unfolded, should the folding keep diacritics.
      "à", "près de", "tại", "ở", "từ", "đến", "thủ đô", "thành phố",
      "basée à", "basé à", "installée à", "installé à", "siège à",
      "trụ sở tại", "trụ sở ở", "khu vực", "visite à"};
  for (std::string_view w : kOne) {
    if (before.size() >= w.size() &&
        before.compare(before.size() - w.size(), w.size(), w) == 0 &&
        (before.size() == w.size() ||
         before[before.size() - w.size() - 1] == ' ' ||
         before[before.size() - w.size() - 1] == '\'')) {
      // "de" and "d'" are locative only for "le tribunal de X" style
      // genitives; as actors capitals rarely follow them ("la décision de
      // Pékin" is an exception the relation layer can revisit).
      return true;
    }
  }
  return false;
}

}  // namespace dossier::loaders
