#include "loaders/relations/attributes.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "loaders/entities/gazetteer.h"

namespace dossier::loaders {
namespace {

bool IsOrg(const RelationContext& ctx, int m) {
  return ctx.mentions()[m].label == "Organisation";
}
bool IsState(const RelationContext& ctx, int m) {
  return ctx.mentions()[m].label == "State";
}
bool IsPlaceLike(const RelationContext& ctx, int m) {
  const Mention& mm = ctx.mentions()[m];
  return mm.label == "Place" || !mm.place_key.empty();
}

// The State a mention stands for as a country complement, or -1: a State
// mention (a demonym or a name), never a capital read as a location.
bool IsCountry(const RelationContext& ctx, int m) {
  return IsState(ctx, m) && ctx.mentions()[m].place_key.empty();
}

// Next mention at or after token i within `max_words` words and no clause
// stop; -1 when none. `*words` gets the words skipped.
int NextMention(const RelationContext& ctx, size_t s, size_t i,
                size_t max_words, bool allow_comma) {
  size_t end = ctx.SentenceEnd(s);
  size_t words = 0;
  for (; i < end; ++i) {
    int m = ctx.MentionAt(i);
    if (m >= 0) return m;
    const RelToken& t = ctx.tok(i);
    if (!t.word) {
      if (t.folded == "," && allow_comma) continue;
      if (t.folded == "\xC2\xAB" || t.folded == "\xC2\xBB" ||
          t.folded == "\"" || t.folded == "\xE2\x80\x9C" ||
          t.folded == "\xE2\x80\x9D") {
        continue;
      }
      return -1;
    }
    if (++words > max_words) return -1;
  }
  return -1;
}

bool AnyPunct(const RelationContext& ctx, size_t a, size_t b) {
  for (size_t i = a; i < b; ++i) {
    if (!ctx.tok(i).word) {
      std::string_view f = ctx.tok(i).folded;
      if (!(f == "\xC2\xAB" || f == "\xC2\xBB" || f == "\"")) return true;
    }
  }
  return false;
}

size_t WordsBetween(const RelationContext& ctx, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b; ++i) n += ctx.tok(i).word ? 1 : 0;
  return n;
}

void Add(std::vector<FoundRelation>* out, RelationType type, int source,
         int target, size_t s) {
  if (source < 0 || target < 0) return;
  out->push_back({type, source, target, "", s, "", ""});
}

// The home state named inside the organisation's own mention ("Bộ Ngoại
// giao Trung Quốc", "Chinese foreign ministry", "the Australian Federal
// Police"), as a State key, or "".
std::string StateInsideNameUncached(const Gazetteer& gazetteer,
                                    std::string_view surface,
                                    const Mention& m);

std::string StateInsideName(const RelationContext& ctx, int org) {
  const Mention& m = ctx.mentions()[org];
  if (ctx.gazetteer() == nullptr || m.home_state_key.empty()) return "";
  std::string_view surface = ctx.text().substr(m.begin, m.end - m.begin);
  // The answer depends only on the gazetteer, the surface and the home
  // state: remembered per thread (names recur within and across articles).
  std::string key = std::to_string(ctx.gazetteer()->id());
  key.push_back('\t');
  key.append(m.home_state_key);
  key.push_back('\t');
  key.append(surface);
  thread_local absl::flat_hash_map<std::string, std::string> cache;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 65536) cache.clear();
  std::string answer = StateInsideNameUncached(*ctx.gazetteer(), surface, m);
  cache.emplace(std::move(key), answer);
  return answer;
}

std::string StateInsideNameUncached(const Gazetteer& gazetteer,
                                    std::string_view surface,
                                    const Mention& m) {
  for (const Mention& inner : gazetteer.Match(surface)) {
    if (inner.label == "State" && inner.key == m.home_state_key &&
        inner.end - inner.begin < surface.size()) {
      return inner.key;
    }
  }
  // The whole name is one lexicon alias ("the Australian Federal Police",
  // "les garde-côtes chinois", "Hải cảnh Trung Quốc"): its words one, two
  // and three at a time.
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < surface.size(); ++i) {
    if (surface[i] == ' ') starts.push_back(i + 1);
  }
  if (starts.size() < 2 || starts.size() > 12) return "";
  for (size_t w = 0; w < starts.size(); ++w) {
    for (size_t n = 1; n <= 3 && w + n <= starts.size(); ++n) {
      size_t b = starts[w];
      size_t e = w + n < starts.size() ? starts[w + n] - 1 : surface.size();
      if (e - b >= surface.size()) continue;
      for (const Mention& inner :
           gazetteer.Match(surface.substr(b, e - b))) {
        if (inner.label == "State" && inner.key == m.home_state_key &&
            inner.begin == 0 && inner.end == e - b) {
          return inner.key;
        }
      }
    }
  }
  return "";
}

void BasedIn(const RelationContext& ctx, size_t s, int org,
             std::vector<FoundRelation>* out) {
  size_t first = ctx.MentionFirst(org), last = ctx.MentionLast(org);
  std::string inside = StateInsideName(ctx, org);
  if (!inside.empty()) {
    FoundRelation r{RelationType::kBasedIn, org, org, "", s, "", ""};
    r.target_key = inside;  // Named only inside the organisation's name.
    out->push_back(std::move(r));
    return;
  }
  size_t b = ctx.SentenceBegin(s), e = ctx.SentenceEnd(s);
  // After: "le géant chinois", "Bộ Công Thương Việt Nam", "X của Mỹ",
  // "X de la Chine" (at most two words between, no punctuation).
  if (last < e) {
    int m = NextMention(ctx, s, last, 2, false);
    // "X of Iran's Y": the state is Y's possessor, not X's complement.
    if (m >= 0 && ctx.MentionLast(m) < e &&
        (ctx.tok(ctx.MentionLast(m)).folded == "s" ||
         ctx.tok(ctx.MentionLast(m)).folded == "'s")) {
      m = -1;
    }
    // English puts a demonym before the name it qualifies.
    if (m >= 0 && ctx.lang() == "en" && ctx.mentions()[m].is_demonym) m = -1;
    if (m >= 0 && IsCountry(ctx, m)) {
      bool demonym = ctx.mentions()[m].is_demonym;
      size_t gap = WordsBetween(ctx, last, ctx.MentionFirst(m));
      bool genitive = gap == 1 && (ctx.CueAt(Cue::kGenitive, last) ||
                                   ctx.tok(last).folded == "nuoc");
      bool clause = false;
      for (size_t k = last; k < ctx.MentionFirst(m); ++k) {
        size_t len = 0;
        if (ctx.CueAt(Cue::kComplementizer, k) ||
            ctx.tables().triggers.Match(ctx.tokens(), k, &len) >= 0) {
          clause = true;
        }
      }
      if (!clause && (demonym ? gap <= 2 : (gap == 0 || genitive))) {
        Add(out, RelationType::kBasedIn, org, m, s);
        return;
      }
    }
  }
  // Before: "L'entreprise chinoise Huawei", "the Chinese foreign ministry",
  // "Japan's National Police Agency", "the Russia-based group Evil Corp".
  for (size_t i = first; i > b && i + 6 > first;) {
    --i;
    int m = ctx.MentionAt(i);
    if (m < 0) continue;
    i = ctx.MentionFirst(m);
    if (!IsCountry(ctx, m)) break;
    size_t mlast = ctx.MentionLast(m);
    if (AnyPunct(ctx, mlast, first)) break;
    // "the Russian-language bazaar X", "Russian-speaking hackers".
    {
      size_t after = ctx.mentions()[m].end;
      std::string_view rest = ctx.text().substr(after, 10);
      if (rest.starts_with("-lang") || rest.starts_with("-speak")) return;
    }
    if (WordsBetween(ctx, mlast, first) > 4) return;
    // "l'acquisition chinoise de TikTok", "britannique prétend qu'Amazon":
    // a complement or a clause between them breaks the link.
    for (size_t k = mlast; k < first; ++k) {
      size_t len = 0;
      std::string_view w = ctx.tok(k).folded;
      if (ctx.CueAt(Cue::kGenitive, k) || ctx.CueAt(Cue::kComplementizer, k) ||
          ctx.CueAt(Cue::kLocative, k) || ctx.CueAt(Cue::kAgainst, k) ||
          ctx.CueAt(Cue::kAgent, k) ||
          ctx.tables().triggers.Match(ctx.tokens(), k, &len) >= 0 ||
          w == "devant" || w == "before" || w == "avec" || w == "with" ||
          w == "pour" || w == "for" || w == "sur" || w == "on" ||
          w == "contre" || w == "against" || w == "voi" || w == "cho") {
        return;
      }
    }
    Add(out, RelationType::kBasedIn, org, m, s);
    return;
  }
}

// "X, Y et Z, deux pépites chinoises", "Viasat, a California company",
// "le Congrès mondial ouïghour, une organisation allemande": an apposition
// with a demonym (BASED_IN) or a place (LOCATED_IN) after a list of
// organisations.
void Apposition(const RelationContext& ctx, size_t s, int org,
                std::vector<FoundRelation>* out) {
  std::vector<int> list = {org};
  size_t e = ctx.SentenceEnd(s);
  size_t pos = ctx.MentionLast(org);
  // Coordinated organisations.
  while (pos < e) {
    size_t j = pos;
    if (ctx.IsPunct(j, ",")) ++j;
    size_t len = 0;
    if (j < e && ctx.MentionAt(j) < 0 &&
        ctx.CueAt(Cue::kCoordinator, j, &len)) {
      j += len;
    }
    if (j == pos || j >= e) break;
    int next = ctx.MentionAt(j);
    if (next < 0 || !IsOrg(ctx, next) || ctx.mentions()[next].is_demonym) break;
    list.push_back(next);
    pos = ctx.MentionLast(next);
  }
  if (pos >= e || !ctx.IsPunct(pos, ",")) return;
  int m = NextMention(ctx, s, pos + 1, 4, false);
  if (m < 0) return;
  size_t gap = WordsBetween(ctx, pos + 1, ctx.MentionFirst(m));
  if (gap == 0 || gap > 3) return;
  for (size_t k = pos + 1; k < ctx.MentionFirst(m); ++k) {
    size_t len = 0;
    if (ctx.CueAt(Cue::kGenitive, k) || ctx.CueAt(Cue::kLocative, k) ||
        ctx.CueAt(Cue::kStateTitle, k) || ctx.CueAt(Cue::kOrgTitle, k) ||
        ctx.CueAt(Cue::kRelative, k) || ctx.CueAt(Cue::kComplementizer, k) ||
        ctx.tables().triggers.Match(ctx.tokens(), k, &len) >= 0) {
      return;
    }
  }
  for (int o : list) {
    if (IsCountry(ctx, m) && ctx.mentions()[m].is_demonym) {
      Add(out, RelationType::kBasedIn, o, m, s);
    } else if (ctx.mentions()[m].label == "Place") {
      Add(out, RelationType::kLocatedIn, o, m, s);
    }
  }
}

// "plusieurs entreprises américaines - dont Google, Amazon et Microsoft",
// "Chinese firms including X and Y": a demonym, then the named members.
void DemonymList(const RelationContext& ctx, size_t s, int dem,
                 std::vector<FoundRelation>* out) {
  size_t e = ctx.SentenceEnd(s);
  size_t j = ctx.MentionLast(dem);
  while (j < e && !ctx.tok(j).word) ++j;
  if (j >= e) return;
  std::string_view f = ctx.tok(j).folded;
  if (f == "among" && j + 1 < e && ctx.tok(j + 1).folded == "them") ++j;
  if (!(f == "dont" || f == "including" || f == "among" || f == "gom" ||
        f == "notamment")) {
    return;
  }
  ++j;
  while (j < e) {
    int m = ctx.MentionAt(j);
    if (m < 0 || !IsOrg(ctx, m) || ctx.mentions()[m].is_demonym) return;
    Add(out, RelationType::kBasedIn, m, dem, s);
    j = ctx.MentionLast(m);
    size_t len = 0;
    if (j < e && ctx.IsPunct(j, ",")) ++j;
    if (j < e && ctx.MentionAt(j) < 0 &&
        ctx.CueAt(Cue::kCoordinator, j, &len)) {
      j += len;
    }
  }
}

void LocatedIn(const RelationContext& ctx, size_t s, int m,
               std::vector<FoundRelation>* out) {
  const Mention& mm = ctx.mentions()[m];
  size_t last = ctx.MentionLast(m);
  size_t e = ctx.SentenceEnd(s);
  if (last >= e) return;
  // Explicit base: "basé à X", "based in X", "có trụ sở tại X", "dont le
  // siège est à X".
  size_t len = 0;
  size_t i = last;
  if (ctx.IsPunct(i, ",")) ++i;
  bool base_cue = false;
  // "X, une start-up américaine ... basée à Y", "X là một công ty công
  // nghệ có trụ sở tại Y": the base cue may close a description of X.
  for (size_t k = i; k < e && k < i + 10; ++k) {
    int other = ctx.MentionAt(k);
    if (other >= 0 && !ctx.mentions()[other].is_demonym) break;
    if (ctx.IsClauseStop(k)) break;
    if (ctx.CueAt(Cue::kLocative, k, &len) && len >= 2) {
      base_cue = true;
      i = k + len;
      break;
    }
  }
  // "Tòa án Địa phương Đài Bắc", "Cơ quan Cảnh sát Thủ đô Seoul": a
  // Vietnamese body named with its city.
  if (!base_cue && ctx.lang() == "vi" && mm.label == "Organisation" &&
      ctx.MentionAt(last) >= 0 &&
      ctx.mentions()[ctx.MentionAt(last)].label == "Place" &&
      ctx.text().substr(mm.end, 1) == " " &&
      ctx.mentions()[ctx.MentionAt(last)].begin == mm.end + 1) {
    Add(out, RelationType::kLocatedIn, m, ctx.MentionAt(last), s);
    return;
  }
  // "Cơ quan An ninh điều tra Bộ Công an": a sub-body and its parent.
  if (!base_cue && ctx.lang() == "vi" && mm.label == "Organisation" &&
      ctx.MentionAt(last) >= 0 &&
      ctx.mentions()[ctx.MentionAt(last)].label == "Organisation" &&
      ctx.mentions()[ctx.MentionAt(last)].begin == mm.end + 1) {
    Add(out, RelationType::kMemberOf, m, ctx.MentionAt(last), s);
  }
  // "China's embassy in London", "l'ambassade de Chine à Hanoï", "Đại sứ
  // quán Trung Quốc tại Hà Nội": an embassy is where its host city is.
  if (!base_cue && mm.label == "Organisation" &&
      mm.name.rfind("Embassy", 0) == 0 &&
      ctx.CueAt(Cue::kLocative, last, &len)) {
    int p = NextMention(ctx, s, last + len, 1, false);
    if (p >= 0 && IsPlaceLike(ctx, p)) {
      Add(out, RelationType::kLocatedIn, m, p, s);
      return;
    }
  }
  if (base_cue) {
    int p = NextMention(ctx, s, i, 2, false);
    if (p < 0) return;
    if (IsPlaceLike(ctx, p)) {
      Add(out, RelationType::kLocatedIn, m, p, s);
    } else if (IsCountry(ctx, p) && mm.label == "Organisation") {
      Add(out, RelationType::kBasedIn, m, p, s);
    }
    return;
  }
  // A Facility or Place followed by "à/in/tại X" or ", X" (Place in
  // State, Place in Place).
  if (mm.label == "Facility" || mm.label == "Place") {
    size_t j = last;
    bool comma = ctx.IsPunct(j, ",");
    if (comma) ++j;
    if (j < e && !comma && ctx.CueAt(Cue::kLocative, j, &len))
      j += len;
    else if (!comma && j < e && ctx.CueAt(Cue::kGenitive, j, &len) &&
             mm.label == "Place")
      j += len;
    else if (!comma)
      return;
    if (j < e && (ctx.tok(j).folded == "la" || ctx.tok(j).folded == "le" ||
                  ctx.tok(j).folded == "l" || ctx.tok(j).folded == "the")) {
      ++j;
    }
    if (j >= e) return;
    int p = ctx.MentionAt(j);
    if (p < 0 || p == m) return;
    if (IsPlaceLike(ctx, p) || IsCountry(ctx, p)) {
      if (ctx.mentions()[p].is_demonym) return;
      if (comma && mm.label != "Place") return;
      Add(out, RelationType::kLocatedIn, m, p, s);
    }
  }
}

// "the Miami-based software provider Kaseya": Place + based + ... + Org.
void BasedModifier(const RelationContext& ctx, size_t s, int p,
                   std::vector<FoundRelation>* out) {
  size_t last = ctx.MentionLast(p);
  size_t e = ctx.SentenceEnd(s);
  if (last >= e || ctx.tok(last).folded != "based") return;
  int org = NextMention(ctx, s, last + 1, 4, false);
  if (org < 0 || !IsOrg(ctx, org)) return;
  if (IsPlaceLike(ctx, p)) Add(out, RelationType::kLocatedIn, org, p, s);
}

void WorksFor(const RelationContext& ctx, size_t s, int person,
              std::vector<FoundRelation>* out) {
  size_t first = ctx.MentionFirst(person), last = ctx.MentionLast(person);
  size_t b = ctx.SentenceBegin(s), e = ctx.SentenceEnd(s);
  // Title before the person: up to 7 tokens back, a comma allowed just
  // before the name ("Le ministre estonien des Affaires étrangères, Urmas
  // Paet").
  size_t stop = first;
  // Honorifics: "M. Van Hollen", "Mr Li", "ông Bình".
  while (stop > b) {
    std::string_view f = ctx.tok(stop - 1).folded;
    if (f == "." || f == "m" || f == "mme" || f == "mr" || f == "mrs" ||
        f == "ms" || f == "dr" || f == "ong" || f == "ba") {
      --stop;
      continue;
    }
    break;
  }
  if (stop > b && ctx.IsPunct(stop - 1, ",")) --stop;
  // Seven items back (a mention counts as one), to the first punctuation.
  size_t from = stop;
  for (int items = 0; from > b && items < 7; ++items) {
    size_t i = from - 1;
    int m = ctx.MentionAt(i);
    if (m >= 0) {
      from = ctx.MentionFirst(m);
      continue;
    }
    if (!ctx.tok(i).word && !ctx.IsPunct(i, "(") && !ctx.IsPunct(i, ")")) {
      break;
    }
    from = i;
  }
  bool state_title = false, org_title = false;
  int org = -1, state = -1;
  for (size_t i = from; i < stop; ++i) {
    int m = ctx.MentionAt(i);
    if (m >= 0) {
      if (IsOrg(ctx, m)) org = m;
      if (IsCountry(ctx, m) && state < 0) state = m;
      if (ctx.mentions()[m].label == "Person") {
        org = -1;
        state = -1;
        state_title = org_title = false;
      }
      i = ctx.MentionLast(m) - 1;
      continue;
    }
    if (ctx.CueAt(Cue::kStateTitle, i)) state_title = true;
    if (ctx.CueAt(Cue::kOrgTitle, i)) org_title = true;
  }
  if (org >= 0 && (org_title || state_title)) {
    Add(out, RelationType::kWorksFor, person, org, s);
    return;
  }
  // A state title with its state; a spokesman or adviser of a state or
  // of its seat ("Kremlin spokesman", "White House adviser").
  if (state >= 0 && (state_title || (org_title && org < 0))) {
    Add(out, RelationType::kWorksFor, person, state, s);
    return;
  }
  // "Prime Minister X said ...": a state title naming no state, right
  // before the person, stands for the one State that acts in the text
  // before it (a name, or a demonym with an authority noun); none when two
  // States act, or for a former role.
  if (state_title && org < 0 && state < 0 && !org_title) {
    bool former = false;
    for (size_t i = from; i < stop; ++i) {
      std::string_view f = ctx.tok(i).folded;
      if (f == "former" || f == "ancien" || f == "ancienne" || f == "cuu" ||
          f == "ex" || f == "tung") {
        former = true;
      }
    }
    int acting = -1;
    for (int m = 0; !former && m < person; ++m) {
      const Mention& mm = ctx.mentions()[m];
      if (!IsCountry(ctx, m) || ctx.IsBareDemonym(m) ||
          ctx.IsLocativeOrModifier(m)) {
        continue;
      }
      if (acting >= 0 && ctx.mentions()[acting].key != mm.key) {
        acting = -2;
        break;
      }
      acting = m;
    }
    if (!former && acting >= 0) {
      Add(out, RelationType::kWorksFor, person, acting, s);
      return;
    }
  }
  // "phóng viên X của tờ Y", "reporter X of the Y": a title before the
  // person, the body after it.
  if ((org_title || state_title) && last < e &&
      ctx.CueAt(Cue::kGenitive, last)) {
    size_t k = last + 1;
    for (int skip = 0;
         skip < 2 && k < e && ctx.MentionAt(k) < 0 && ctx.tok(k).word; ++skip) {
      std::string_view w = ctx.tok(k).folded;
      if (w == "to" || w == "bao" || w == "hang" || w == "dai" || w == "the" ||
          w == "la" || w == "le" || w == "l") {
        ++k;
      } else {
        break;
      }
    }
    int m = k < e ? ctx.MentionAt(k) : -1;
    if (m >= 0 && IsOrg(ctx, m) && !ctx.mentions()[m].is_demonym) {
      Add(out, RelationType::kWorksFor, person, m, s);
      return;
    }
  }
  // "X là giám đốc điều hành của Y", "X est le directeur de Y", "X is the
  // head of Y": a copula, a title, the body (never a former role).
  if (last < e && ctx.tok(last).word) {
    size_t k = last;
    std::string_view w = ctx.tok(k).folded;
    if (w == "hien" || w == "now" || w == "actuellement") {
      ++k;
      w = k < e ? ctx.tok(k).folded : "";
    }
    bool copula = w == "la" && ctx.lang() == "vi";
    copula = copula || (ctx.lang() == "fr" && (w == "est" || w == "etait"));
    copula = copula || (ctx.lang() == "en" && (w == "is" || w == "was"));
    if (copula) {
      bool title = false, state_t = false;
      for (size_t i = k + 1; i < e && i < k + 10; ++i) {
        int m = ctx.MentionAt(i);
        if (m >= 0) {
          if (!title) break;
          if (IsOrg(ctx, m) && !ctx.mentions()[m].is_demonym) {
            Add(out, RelationType::kWorksFor, person, m, s);
          } else if (state_t && IsCountry(ctx, m) &&
                     !ctx.mentions()[m].is_demonym) {
            Add(out, RelationType::kWorksFor, person, m, s);
          }
          break;
        }
        if (!ctx.tok(i).word) break;
        std::string_view f = ctx.tok(i).folded;
        if (f == "former" || f == "ancien" || f == "ancienne" || f == "cuu" ||
            f == "ex") {
          break;
        }
        if (ctx.CueAt(Cue::kOrgTitle, i)) title = true;
        if (ctx.CueAt(Cue::kStateTitle, i)) title = state_t = true;
      }
    }
  }
  // Apposition after the person: ", directrice financière de Huawei",
  // ", head of the X", ", le président du Congrès".
  if (last < e && ctx.IsPunct(last, ",")) {
    bool title = false;
    for (size_t i = last + 1; i < e && i < last + 8; ++i) {
      int m = ctx.MentionAt(i);
      if (m >= 0) {
        if (!title) return;
        if (IsOrg(ctx, m)) {
          Add(out, RelationType::kWorksFor, person, m, s);
        } else if (IsCountry(ctx, m) && state_title) {
          Add(out, RelationType::kWorksFor, person, m, s);
        }
        return;
      }
      if (!ctx.tok(i).word) return;
      size_t len = 0;
      if (title && ctx.CueAt(Cue::kAnaphor, i, &len)) {
        // ", le vice-président du groupe", ", CEO of the company": the
        // latest organisation named before the person.
        std::string_view w = ctx.tok(i + len - 1).folded;
        if (w == "dernier" || w == "derniere" || w == "latter") return;
        for (size_t j = first; j > 0;) {
          --j;
          int m = ctx.MentionAt(j);
          if (m < 0) continue;
          j = ctx.MentionFirst(m);
          if (IsOrg(ctx, m) && !ctx.mentions()[m].is_demonym) {
            Add(out, RelationType::kWorksFor, person, m, s);
            return;
          }
        }
        return;
      }
      if (ctx.CueAt(Cue::kOrgTitle, i)) title = true;
      if (ctx.CueAt(Cue::kStateTitle, i)) title = state_title = true;
    }
  }
}

}  // namespace

void FindAttributes(const RelationContext& ctx, size_t s,
                    std::vector<FoundRelation>* out) {
  size_t b = ctx.SentenceBegin(s), e = ctx.SentenceEnd(s);
  for (size_t i = b; i < e;) {
    int m = ctx.MentionAt(i);
    if (m < 0) {
      ++i;
      continue;
    }
    const Mention& mm = ctx.mentions()[m];
    if (mm.label == "Organisation" && mm.kind == "subsidiary") {
      // "la filiale tchèque de Huawei", "Huawei's Czech subsidiary".
      size_t last = ctx.MentionLast(m);
      size_t len = 0;
      if (last < e && ctx.CueAt(Cue::kGenitive, last, &len) && last + len < e &&
          ctx.MentionAt(last + len) >= 0 &&
          IsOrg(ctx, ctx.MentionAt(last + len))) {
        Add(out, RelationType::kMemberOf, m, ctx.MentionAt(last + len), s);
      } else {
        size_t first = ctx.MentionFirst(m);
        for (size_t k = first; k > b && k + 3 > first;) {
          --k;
          int p = ctx.MentionAt(k);
          if (p >= 0 && IsOrg(ctx, p)) {
            Add(out, RelationType::kMemberOf, m, p, s);
            break;
          }
        }
      }
    }
    if (mm.label == "Organisation" && !mm.is_demonym) {
      BasedIn(ctx, s, m, out);
      Apposition(ctx, s, m, out);
    }
    if (mm.is_demonym && mm.label == "State") DemonymList(ctx, s, m, out);
    if (mm.label == "Organisation" || mm.label == "Facility" ||
        mm.label == "Place") {
      LocatedIn(ctx, s, m, out);
    }
    if (IsPlaceLike(ctx, m)) BasedModifier(ctx, s, m, out);
    if (mm.label == "Person") WorksFor(ctx, s, m, out);
    i = ctx.MentionLast(m);
    if (i <= static_cast<size_t>(ctx.MentionFirst(m)))
      i = ctx.MentionFirst(m) + 1;
  }
}

}  // namespace dossier::loaders
