#include <algorithm>

#include "loaders/relations/arguments.h"
#include "loaders/relations/attributes.h"
#include "loaders/relations/document_pass.h"

namespace dossier::loaders {

// Vietnamese passive with its agent inside: "bị X cáo buộc", "được X
// hậu thuẫn" → the agent X; "bị cáo buộc" (no agent) → nothing.
bool DocumentPass::VietnamesePassive(size_t s, const Hit& hit,
                                     std::vector<int>* agent) {
  if (ctx_.lang() != "vi") return false;
  size_t b = ctx_.SentenceBegin(s);
  for (size_t back = 1; back <= 6 && back <= hit.begin - b; ++back) {
    size_t i = hit.begin - back;
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      i = ctx_.MentionFirst(m);
      back = hit.begin - i;
      continue;
    }
    if (!ctx_.tok(i).word) return false;
    if (ctx_.CueAt(Cue::kPassiveAux, i)) {
      for (size_t j = i + 1; j < hit.begin; ++j) {
        int a = ctx_.MentionAt(j);
        if (a >= 0 && ctx_.IsActor(a)) {
          agent->push_back(a);
          break;
        }
      }
      return true;
    }
  }
  return false;
}

void DocumentPass::Active(size_t s, const Hit& hit) {
  RelationType type = hit.row->type;
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  if (type == RelationType::kCooperatesWith) {
    // Cooperation in a wrongdoing ("coopère ... dans le génocide") or
    // inside an accusation's content is the accusation, not a fact.
    if (!ctx_.KindIn(hit.end, ctx_.ClauseEnd(s, hit.end)).empty()) return;
    for (const Event& ev : events_) {
      if (ev.sentence == s && ev.type == RelationType::kAccuses) return;
    }
  }
  std::vector<int> sources, targets;
  std::vector<int> vi_agent;
  bool passive =
      IsPassive(ctx_, s, hit.begin) ||
      (hit.end < ctx_.SentenceEnd(s) && ctx_.MentionAt(hit.end) < 0 &&
       ctx_.CueAt(Cue::kAgent, hit.end));
  bool vi_passive = VietnamesePassive(s, hit, &vi_agent);
  if (vi_passive) {
    if (vi_agent.empty()) return;
    sources = vi_agent;
    targets = SubjectsBefore(ctx_, s, ctx_.MentionFirst(vi_agent.front()));
    if (targets.empty() && last_actor_ >= 0) targets = {last_actor_};
  } else if (passive || AtClauseStart(s, hit)) {
    sources = AgentAfter(ctx_, s, hit.end);
    if (sources.empty()) {
      if (passive) return;  // Agentless passive.
    } else {
      targets = passive ? SubjectsBefore(ctx_, s, hit.begin, 5)
                        : ObjectsAfter(ctx_, s, AgentEnd(s, hit), 8);
      if (targets.empty() && !passive) {
        // "Accusée de fraude par X, cette dernière ...": the subject of
        // the main clause.
        size_t ce = AgentEnd(s, hit);
        while (ce < ctx_.SentenceEnd(s) && !ctx_.IsPunct(ce, ",")) ++ce;
        if (ce < ctx_.SentenceEnd(s)) {
          targets = ObjectsAfter(ctx_, s, ce + 1, 3);
          if (targets.empty()) targets = AnaphorAfter(s, ce + 1, 3, sources);
        }
      }
    }
  }
  if (sources.empty() && IsMeasureType(type) && AgentBefore(s, hit) > 0) {
    // "X est visée par des sanctions américaines": the measure's author
    // follows the noun, its target is the subject before "par".
    size_t agent = AgentBefore(s, hit);
    if (hit.end < ctx_.SentenceEnd(s)) {
      int m = ctx_.MentionAt(hit.end);
      if (m >= 0 && ctx_.mentions()[m].label == "State") sources = {m};
    }
    if (sources.empty()) sources = ObjectsAfter(ctx_, s, hit.end, 3);
    if (sources.empty()) return;
    targets = SubjectsBefore(ctx_, s, agent, 5);
    if (targets.empty()) return;
    Emit(type, sources, targets, "", s);
    return;
  }
  if (sources.empty() && RelativeAntecedent(s, hit) >= 0) {
    sources = Subject(s, hit.begin);
    targets = {RelativeAntecedent(s, hit)};
  }
  if (sources.empty() && type == RelationType::kSanctions) {
    // "placed X and Y under sanctions", "put X on its entity list", "đưa
    // X vào danh sách đen": the parties stand between the placement verb
    // and the list.
    size_t start = ctx_.ClauseStart(s, hit.begin);
    for (size_t i = hit.begin; i > start;) {
      --i;
      if (ctx_.MentionAt(i) >= 0 || !ctx_.CueAt(Cue::kPlacement, i)) continue;
      std::vector<int> placed = ObjectsAfter(ctx_, s, i + 1, 8);
      if (!placed.empty() && ctx_.MentionFirst(placed.front()) < hit.begin) {
        sources = Subject(s, i);
        targets = placed;
      }
      break;
    }
  }
  if (sources.empty() && type == RelationType::kMemberOf) {
    // "the Jiangsu State Security Department, part of X", "X, a provincial
    // arm of Y": the apposition's own head is the member, even inside a
    // locative ("he worked in the X, part of Y").
    size_t i = hit.begin;
    int words = 0;
    while (i > 0 && words <= 3 && ctx_.tokens()[i - 1].word &&
           ctx_.MentionAt(i - 1) < 0) {
      --i;
      ++words;
    }
    if (i >= 2 && !ctx_.tokens()[i - 1].word &&
        ctx_.tokens()[i - 1].folded == ",") {
      int m = ctx_.MentionAt(i - 2);
      // "Viện Dân chủ Đài Loan, một tổ chức trực thuộc DPP": the body
      // before its state complement.
      if (m >= 0 && ctx_.mentions()[m].label == "State" &&
          ctx_.MentionFirst(m) > 0) {
        int before = ctx_.MentionAt(ctx_.MentionFirst(m) - 1);
        if (before >= 0 && ctx_.mentions()[before].label == "Organisation") {
          m = before;
        }
      }
      if (m >= 0 && ctx_.mentions()[m].label == "Organisation") {
        std::vector<int> groups = ObjectsAfter(ctx_, s, hit.end, 8);
        if (!groups.empty()) {
          Emit(type, {m}, groups, "", s);
          return;
        }
      }
    }
  }
  if (sources.empty()) {
    sources = Subject(s, hit.begin);
    targets = ObjectsAfter(
        ctx_, s, hit.end,
        type == RelationType::kAccuses                             ? 6
        : IsMeasureType(type) || type == RelationType::kWarnsAbout ? 12
                                                                   : 8);
    // "accused him of spying for X", "cáo buộc anh làm gián điệp cho X":
    // an object pronoun right after the verb is the object, a party
    // further on belongs to the complement. ("cáo buộc ông Choi": the
    // title of a name is no pronoun.)
    if (ctx_.lang() != "fr" && HasObjectPronoun(s, hit) &&
        (hit.end + 1 >= ctx_.SentenceEnd(s) ||
         ctx_.MentionAt(hit.end + 1) < 0)) {
      int referent = PronounReferent(s, hit, sources);
      if (referent >= 0) targets = {referent};
    }
    if (targets.empty()) {
      targets = AnaphorAfter(s, hit.end, 4, sources);
    }
    if (targets.empty() && type == RelationType::kAccuses) {
      // "a dénoncé une campagne de cyberattaques menée par X".
      targets = AgentAfter(ctx_, s, hit.end);
    }
    if (targets.empty() &&
        (IsMeasureType(type) || type == RelationType::kAccuses)) {
      targets = DemonymGroup(s, hit.end);
    }
    if (targets.empty() && HasObjectPronoun(s, hit)) {
      int referent = PronounReferent(s, hit, sources);
      if (referent >= 0) targets = {referent};
    }
    if (targets.empty() && type == RelationType::kWarnsAbout) {
      // "a sonné l'alarme", "met en garde": about the article's subject.
      int focus = Focus(sources);
      if (focus >= 0) targets = {focus};
    }
  }
  if (type == RelationType::kMemberOf && !sources.empty()) {
    // "rejoindre une équipe ... connue sous le nom d'OIC-CERT".
    int named = KnownAs(s, hit.end);
    if (named >= 0 && !Contains(ctx_, sources, named)) targets = {named};
  }
  if (!targets.empty() &&
      (type == RelationType::kAccuses || IsMeasureType(type))) {
    std::vector<int> members = CountedMembers(s, targets.front());
    if (!members.empty()) targets = members;
  }
  if (type == RelationType::kAccuses && !targets.empty()) {
    accused_.push_back({type, {}, targets, Kind(s, hit, targets), s});
  }
  if (sources.empty()) return;
  if (IsMeasureType(type)) sources = Institutions(s, sources);
  if (sources.empty()) return;
  if (type == RelationType::kWarnsAbout) WarningContent(s, hit, sources);
  if (targets.empty()) return;
  Emit(type, sources, targets,
       type == RelationType::kAccuses ? Kind(s, hit, targets) : "", s);
}

void DocumentPass::WarningContent(size_t s, const Hit& hit,
                                  const std::vector<int>& sources) {
  size_t e = ctx_.SentenceEnd(s);
  // A warning of what could happen is no accusation ("warned that X could
  // be used for spying").
  for (size_t i = hit.end; i < ctx_.ClauseEnd(s, hit.end); ++i) {
    if (ctx_.MentionAt(i) < 0 && ctx_.CueAt(Cue::kHypothesis, i)) return;
  }
  size_t len = 0;
  if (hit.end < e && ctx_.MentionAt(hit.end) < 0 &&
      ctx_.CueAt(Cue::kComplementizer, hit.end, &len)) {
    ClaimContent(s, hit.end + len, sources, hit);
    return;
  }
  // vi: "cảnh báo X đã lấy cắp ...": the party, then a past marker.
  if (ctx_.lang() != "vi" || hit.end >= e) return;
  int m = ctx_.MentionAt(hit.end);
  if (m < 0 || !ctx_.IsActor(m)) return;
  size_t after = ctx_.MentionLast(m);
  if (after < e && ctx_.tok(after).folded == "da") {
    ClaimContent(s, hit.end, sources, hit);
  }
}

// "X, which it blamed for ...", "X, qu'il accuse de ...": the mention
// before a relative pronoun followed by a subject pronoun, or -1.
int DocumentPass::RelativeAntecedent(size_t s, const Hit& hit) const {
  size_t b = ctx_.SentenceBegin(s);
  if (hit.begin < b + 4) return -1;
  if (!ctx_.CueAt(Cue::kPronoun, hit.begin - 1)) return -1;
  size_t r = hit.begin - 2;
  if (!(ctx_.CueAt(Cue::kRelative, r) || ctx_.CueAt(Cue::kComplementizer, r))) {
    return -1;
  }
  if (!ctx_.IsPunct(r - 1, ",")) return -1;
  int m = ctx_.MentionAt(r - 2);
  return m >= 0 && ctx_.IsActor(m) ? m : -1;
}

// The agent preposition at most two words before `hit` ("visée par des
// sanctions"), or 0.
size_t DocumentPass::AgentBefore(size_t s, const Hit& hit) const {
  size_t b = ctx_.SentenceBegin(s);
  for (size_t back = 1; back <= 2 && back <= hit.begin - b; ++back) {
    size_t i = hit.begin - back;
    if (ctx_.MentionAt(i) >= 0 || !ctx_.tok(i).word) return 0;
    if (ctx_.CueAt(Cue::kAgent, i)) return i;
  }
  return 0;
}

size_t DocumentPass::AgentEnd(size_t s, const Hit& hit) const {
  std::vector<int> a = AgentAfter(ctx_, s, hit.end);
  if (a.empty()) return hit.end;
  return ctx_.MentionLast(a.back());
}

// "Accusée de ... par X, Y": a participle opening the sentence.
bool DocumentPass::AtClauseStart(size_t s, const Hit& hit) const {
  return hit.begin == ctx_.SentenceBegin(s);
}

// The referent of an object pronoun: the latest person named before the
// trigger (l', lui, him, her, anh, ông, bà), else the document's focus.
int DocumentPass::PronounReferent(size_t s, const Hit& hit,
                                  const std::vector<int>& sources) const {
  size_t b = ctx_.SentenceBegin(s);
  std::string_view p = hit.begin > b ? ctx_.tok(hit.begin - 1).folded : "";
  if (ctx_.lang() != "fr" && hit.end < ctx_.SentenceEnd(s)) {
    p = ctx_.tok(hit.end).folded;
  }
  bool thing = p == "it" || p == "them" || p == "les";
  if (!thing) {
    for (size_t j = hit.begin; j > 0;) {
      --j;
      int m = ctx_.MentionAt(j);
      if (m < 0) continue;
      j = ctx_.MentionFirst(m);
      if (ctx_.mentions()[m].label == "Person" && !Contains(ctx_, sources, m)) {
        return m;
      }
    }
  }
  return Focus(sources);
}

bool DocumentPass::HasObjectPronoun(size_t s, const Hit& hit) const {
  size_t b = ctx_.SentenceBegin(s);
  if (hit.begin > b && ctx_.CueAt(Cue::kObjectPronoun, hit.begin - 1)) {
    return ctx_.lang() == "fr";
  }
  if (hit.end < ctx_.SentenceEnd(s) &&
      ctx_.CueAt(Cue::kObjectPronoun, hit.end)) {
    return ctx_.lang() != "fr";
  }
  return false;
}

// A measure's source is the institution, never the person announcing it:
// a Person source gives way to the State or body named with it.
std::vector<int> DocumentPass::Institutions(size_t s,
                                            const std::vector<int>& sources) {
  std::vector<int> out;
  for (int m : sources) {
    if (ctx_.mentions()[m].label != "Person") {
      out.push_back(m);
      continue;
    }
    size_t b = ctx_.SentenceBegin(s);
    for (size_t i = ctx_.MentionFirst(m); i > b;) {
      --i;
      int k = ctx_.MentionAt(i);
      if (k < 0) continue;
      i = ctx_.MentionFirst(k);
      if (ctx_.mentions()[k].label == "State" ||
          ctx_.mentions()[k].label == "Organisation") {
        out.push_back(k);
        break;
      }
    }
  }
  return out;
}

std::vector<int> DocumentPass::CountedMembers(size_t s, int org) const {
  if (ctx_.mentions()[org].label != "Organisation") return {};
  size_t first = ctx_.MentionFirst(org);
  size_t b = ctx_.SentenceBegin(s);
  // "<number> <noun> du/of/của [the] <org>".
  if (first >= b + 4 && ctx_.MentionAt(first - 1) < 0 &&
      (ctx_.tok(first - 1).folded == "the" ||
       ctx_.tok(first - 1).folded == "l")) {
    --first;
  }
  if (first < b + 3 || !ctx_.CueAt(Cue::kGenitive, first - 1)) return {};
  static constexpr std::string_view kCounts[] = {
      "deux", "trois", "quatre", "cinq", "six",     "sept",     "huit",
      "two",  "three", "four",   "five", "six",     "seven",    "eight",
      "hai",  "ba",    "bon",    "nam",  "several", "plusieurs"};
  bool counted = false;
  for (size_t i = first - 1; i > b && i + 4 > first; --i) {
    std::string_view w = ctx_.tok(i - 1).folded;
    for (std::string_view c : kCounts) {
      if (w == c) counted = true;
    }
    if (ctx_.MentionAt(i - 1) >= 0) break;
  }
  if (!counted) return {};
  // The persons named after it, past an apposition, before the act.
  size_t e = ctx_.SentenceEnd(s);
  for (size_t i = ctx_.MentionLast(org); i < e && i < first + 24; ++i) {
    if (ctx_.CueAt(Cue::kKindPrep, i) && ctx_.MentionAt(i) < 0 &&
        !ctx_.CueAt(Cue::kGenitive, i)) {
      break;
    }
    int m = ctx_.MentionAt(i);
    if (m >= 0 && ctx_.mentions()[m].label == "Person") {
      return CoordinatedRight(ctx_, s, m);
    }
    if (m >= 0) i = ctx_.MentionLast(m) - 1;
  }
  return {};
}

void DocumentPass::Agentive(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  // A customer's supplier is its genitive complement, never an agent
  // further on ("X, a customer of Y, said it was hacked by Z").
  std::vector<int> sources;
  if (hit.row->type != RelationType::kSupplies) {
    sources = AgentAfter(ctx_, s, hit.end);
  }
  if (sources.empty()) {
    // "used by" / "utilisés par" hold the agent word themselves; a
    // customer's supplier may follow what it supplies ("khách hàng dùng
    // dịch vụ email đám mây của Y", "which uses Y's cloud service").
    sources = ObjectsAfter(ctx_, s, hit.end,
                           hit.row->type == RelationType::kSupplies ? 8 : 4);
  }
  if (sources.empty()) return;
  std::vector<int> targets = Subject(s, hit.begin);
  if (targets.empty()) return;
  Emit(hit.row->type, sources, targets, "", s);
}

namespace {

bool ListFiller(const RelationContext& ctx, size_t i) {
  if (!ctx.tok(i).word) return ctx.IsPunct(i, ",");
  std::string_view f = ctx.tok(i).folded;
  return ctx.CueAt(Cue::kCoordinator, i) || ctx.CueAt(Cue::kGenitive, i) ||
         f == "d" || f == "de" || f == "des" || f == "du" || f == "la" ||
         f == "l" || f == "le" || f == "les" || f == "the" || f == "of";
}

}  // namespace

std::vector<int> DocumentPass::StatesAfter(size_t s, size_t from) const {
  std::vector<int> out;
  size_t end = ctx_.ClauseEnd(s, from);
  int head_words = 0;
  for (size_t i = from; i < end;) {
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      if (ctx_.mentions()[m].label != "State") break;
      if (!Contains(ctx_, out, m)) out.push_back(m);
      i = ctx_.MentionLast(m);
      continue;
    }
    if (ListFiller(ctx_, i)) {
      ++i;
      continue;
    }
    if (!out.empty() || !ctx_.tok(i).word || ++head_words > 4) break;
    ++i;
  }
  return out;
}

std::vector<int> DocumentPass::StatesBefore(size_t s, size_t at) const {
  std::vector<int> out;
  size_t start = ctx_.ClauseStart(s, at);
  for (size_t i = at; i > start;) {
    --i;
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      if (ctx_.mentions()[m].label != "State") break;
      if (!Contains(ctx_, out, m)) out.push_back(m);
      i = ctx_.MentionFirst(m);
      continue;
    }
    if (!ListFiller(ctx_, i)) break;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

int DocumentPass::KnownAs(size_t s, size_t from) const {
  size_t end = ctx_.ClauseEnd(s, from);
  for (size_t i = from; i < end && i < from + 16; ++i) {
    std::string_view f = ctx_.tok(i).folded;
    size_t n = 0;
    if ((f == "connu" || f == "connue" || f == "connus" || f == "connues") &&
        i + 3 < end && ctx_.tok(i + 1).folded == "sous" &&
        ctx_.tok(i + 3).folded == "nom") {
      n = i + 4;
      if (n < end &&
          (ctx_.tok(n).folded == "de" || ctx_.tok(n).folded == "d")) {
        ++n;
      }
    } else if (f == "known" && i + 1 < end && ctx_.tok(i + 1).folded == "as") {
      n = i + 2;
    } else if (f == "con" && i + 2 < end && ctx_.tok(i + 1).folded == "goi" &&
               ctx_.tok(i + 2).folded == "la") {
      n = i + 3;
    }
    if (n == 0) continue;
    while (n < end && !ctx_.tok(n).word) ++n;
    if (n < end && ctx_.MentionAt(n) >= 0 &&
        ctx_.mentions()[ctx_.MentionAt(n)].label == "Organisation") {
      return ctx_.MentionAt(n);
    }
    return -1;
  }
  return -1;
}

void DocumentPass::MemberOf(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  size_t b = ctx_.SentenceBegin(s), e = ctx_.SentenceEnd(s);
  std::string_view how = hit.row->kind;
  std::vector<int> members;
  std::vector<int> groups;
  if (how == "founded") {
    bool passive = IsPassive(ctx_, s, hit.begin);
    size_t agent = 0;
    for (size_t i = hit.end; i < e && i < hit.end + 5; ++i) {
      if (ctx_.MentionAt(i) >= 0) break;
      if (ctx_.CueAt(Cue::kAgent, i)) {
        agent = i + 1;
        break;
      }
    }
    if (agent > 0) {
      members = StatesAfter(s, agent);
      size_t at = hit.begin;
      while (at > b && ctx_.MentionAt(at - 1) < 0 && ctx_.tok(at - 1).word &&
             (ctx_.CueAt(Cue::kPassiveAux, at - 1) ||
              ctx_.tok(at - 1).folded == "a" ||
              IsAdverb(ctx_.tok(at - 1).folded))) {
        --at;
      }
      groups = SubjectsBefore(ctx_, s, at, 6);
      if (!groups.empty()) sentence_subject_ = groups.front();
    } else if (!passive) {
      members = StatesBefore(s, hit.begin);
      groups = ObjectsAfter(ctx_, s, hit.end, 6);
    }
  } else if (how == "seat") {
    if (IsPassive(ctx_, s, hit.begin)) return;
    members = StatesBefore(s, hit.begin);
    if (members.empty()) {
      std::vector<int> subj = Subject(s, hit.begin);
      for (int m : subj) {
        if (ctx_.mentions()[m].label != "Person") members.push_back(m);
      }
      if (members.size() != subj.size()) return;
    }
    groups = ObjectsAfter(ctx_, s, hit.end, 6);
    if (groups.empty()) groups = AnaphorAfter(s, hit.end, 4, members);
    if (groups.empty()) {
      // "... composent le reste du conseil": the body seated last.
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
        if (it->sentence + 2 < s) break;
        if (it->type == RelationType::kMemberOf && !it->targets.empty()) {
          groups = {it->targets.front()};
          break;
        }
      }
    }
  } else {  // "dont": "l'OTAN, dont l'Estonie est membre".
    members = Subject(s, hit.begin);
    size_t i = members.empty() ? hit.begin : ctx_.MentionFirst(members.front());
    for (int k = 0; k < 3 && i > b; ++k) {
      std::string_view f = ctx_.tok(i - 1).folded;
      if (ctx_.tok(i - 1).word && f != "la" && f != "l" && f != "le" &&
          f != "the") {
        break;
      }
      if (ctx_.IsPunct(i - 1, ",")) break;
      --i;
    }
    if (i > b + 1 &&
        (ctx_.tok(i - 1).folded == "dont" ||
         ctx_.tok(i - 1).folded == "whose") &&
        ctx_.IsPunct(i - 2, ",")) {
      int m = i >= b + 3 ? ctx_.MentionAt(i - 3) : -1;
      if (m >= 0 && ctx_.mentions()[m].label == "Organisation") groups = {m};
    }
    if (groups.empty()) {
      groups = ObjectsAfter(ctx_, s, hit.end, 4);
    }
  }
  if (members.empty() || groups.empty()) return;
  std::vector<int> orgs;
  for (int g : groups) {
    if (ctx_.mentions()[g].label == "Organisation") orgs.push_back(g);
  }
  Emit(RelationType::kMemberOf, members, orgs, "", s);
}

std::vector<int> DocumentPass::DemonymGroup(size_t s, size_t from) const {
  static constexpr std::string_view kPluralBodies[] = {
      "entreprises", "societes", "firmes", "groupes", "entites", "companies",
      "firms",       "entities", "groups", "cong",    "doanh"};
  size_t end = ctx_.ClauseEnd(s, from);
  int state = -1;
  for (size_t i = from, words = 0; i < end && words < 5; ++i) {
    if (!ctx_.tok(i).word) break;
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      if (!ctx_.mentions()[m].is_demonym &&
          !(ctx_.lang() == "vi" && ctx_.mentions()[m].label == "State")) {
        return {};
      }
      bool body = false;
      for (size_t k = i > from + 2 ? i - 2 : from; k < i; ++k) {
        for (std::string_view w : kPluralBodies) {
          if (ctx_.tok(k).folded == w) body = true;
        }
      }
      if (body) state = m;
      break;
    }
    ++words;
  }
  if (state < 0) return {};
  const std::string& key = ctx_.mentions()[state].key;
  std::vector<int> out;
  for (size_t i = ctx_.SentenceBegin(s); i > 0;) {
    --i;
    int m = ctx_.MentionAt(i);
    if (m < 0) continue;
    i = ctx_.MentionFirst(m);
    const Mention& mm = ctx_.mentions()[m];
    if (mm.label != "Organisation" || mm.is_demonym) continue;
    bool home = mm.home_state_key == key;
    for (const FoundRelation& f : found_) {
      if (f.type == RelationType::kBasedIn && SameEntity(ctx_, f.source, m) &&
          f.target >= 0 && ctx_.mentions()[f.target].key == key) {
        home = true;
      }
    }
    if (home && !Contains(ctx_, out, m)) out.push_back(m);
  }
  if (out.size() < 2) return {};
  std::reverse(out.begin(), out.end());
  return out;
}

int DocumentPass::FacilityBefore(size_t s, size_t at, size_t window) const {
  size_t b = ctx_.SentenceBegin(s);
  for (size_t i = at, n = 0; i > b && n < window; ++n) {
    --i;
    if (ctx_.IsClauseStop(i)) return -1;
    int m = ctx_.MentionAt(i);
    if (m < 0) continue;
    if (ctx_.mentions()[m].label == "Facility") return m;
    return -1;
  }
  return -1;
}

void DocumentPass::Operates(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  size_t b = ctx_.SentenceBegin(s), e = ctx_.SentenceEnd(s);
  std::vector<int> operators;
  int facility = -1;
  int place = -1;
  bool agentive = hit.row->form == TriggerForm::kAgentive ||
                  IsPassive(ctx_, s, hit.begin) ||
                  (hit.end < e && ctx_.MentionAt(hit.end) < 0 &&
                   ctx_.CueAt(Cue::kAgent, hit.end));
  if (agentive) {
    operators = AgentAfter(ctx_, s, hit.end);
    if (operators.empty()) operators = ObjectsAfter(ctx_, s, hit.end, 4);
    size_t at = hit.begin;
    while (at > b && ctx_.MentionAt(at - 1) < 0 && ctx_.tok(at - 1).word &&
           ctx_.CueAt(Cue::kPassiveAux, at - 1)) {
      --at;
    }
    facility = FacilityBefore(s, at, 3);
  } else {
    // "FAC que/that/do X <verb>": the operator is the subject of a
    // relative clause on the facility ("le centre que le groupe ouvre",
    // "the servers that Hydra operated", "hệ thống do Microsoft vận hành").
    size_t j = hit.begin;
    for (int skip = 0;
         skip < 3 && j > b && ctx_.MentionAt(j - 1) < 0 &&
         ctx_.tok(j - 1).word &&
         (IsAdverb(ctx_.tok(j - 1).folded) ||
          ctx_.CueAt(Cue::kPassiveAux, j - 1) ||
          ctx_.tok(j - 1).folded == "a" || ctx_.tok(j - 1).folded == "has" ||
          ctx_.tok(j - 1).folded == "had" || ctx_.tok(j - 1).folded == "dang");
         ++skip) {
      --j;
    }
    std::vector<int> rel;
    size_t rel_at = j;
    if (j > b && ctx_.MentionAt(j - 1) >= 0 &&
        ctx_.IsActor(ctx_.MentionAt(j - 1))) {
      rel = {ctx_.MentionAt(j - 1)};
      rel_at = ctx_.MentionFirst(rel.front());
    } else {
      for (size_t back = 2; back <= 3 && back <= j - b && rel.empty(); ++back) {
        std::vector<int> a = Anaphor(j - back, {});
        if (!a.empty()) {
          rel = a;
          rel_at = j - back;
        }
      }
    }
    if (!rel.empty() && rel_at > b) {
      std::string_view w = ctx_.tok(rel_at - 1).folded;
      if (w == "que" || w == "qu" || w == "that" || w == "which" || w == "do" ||
          w == "ma") {
        facility = FacilityBefore(s, rel_at - 1, 1);
        if (facility >= 0) operators = rel;
      }
    }
    if (facility < 0) {
      operators = Subject(s, hit.begin);
      size_t end = ctx_.ClauseEnd(s, hit.end);
      for (size_t i = hit.end, words = 0; i < end && words < 12; ++i) {
        int m = ctx_.MentionAt(i);
        if (m < 0) {
          if (ctx_.tok(i).word) ++words;
          continue;
        }
        const Mention& mm = ctx_.mentions()[m];
        if (mm.label == "Facility") {
          facility = m;
          break;
        }
        // "a inauguré à Bruxelles un centre": the place of the opening.
        if ((mm.label == "Place" || !mm.place_key.empty()) && i > hit.end &&
            ctx_.CueAt(Cue::kLocative, i - 1)) {
          place = m;
        }
        i = ctx_.MentionLast(m) - 1;
      }
    }
  }
  if (facility < 0 || operators.empty()) return;
  std::vector<int> ops;
  for (int o : operators) {
    if (ctx_.mentions()[o].label != "Person") ops.push_back(o);
  }
  Emit(RelationType::kOperates, ops, {facility}, "", s);
  if (place >= 0 && ctx_.mentions()[place].label == "Place") {
    found_.push_back({RelationType::kLocatedIn, facility, place, "", s, "", ""});
  }
}

void DocumentPass::UsedBy(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  std::vector<int> sources = Subject(s, hit.begin);
  std::vector<int> targets = ObjectsAfter(ctx_, s, hit.end, 4);
  if (sources.empty() || targets.empty()) return;
  Emit(hit.row->type, sources, targets, "", s);
}

void DocumentPass::Ellipsis(size_t s, const Hit& hit) {
  if (events_.empty()) return;
  const Event* found = &events_.back();
  if (hit.row->kind == "same") {
    found = nullptr;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->type == hit.row->type) {
        found = &*it;
        break;
      }
    }
    if (found == nullptr) return;
  }
  const Event prev = *found;
  if (prev.sentence + 3 < s) return;
  std::vector<int> sources = Subject(s, hit.begin);
  if (sources.empty()) return;
  Emit(prev.type, sources, prev.targets, prev.kind, s);
}

}  // namespace dossier::loaders
