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
    targets = ObjectsAfter(ctx_, s, hit.end,
                           type == RelationType::kAccuses ? 6
                           : IsMeasureType(type)          ? 12
                                                          : 8);
    if (targets.empty()) {
      targets = AnaphorAfter(s, hit.end, 4, sources);
    }
    if (targets.empty() && type == RelationType::kAccuses) {
      // "a dénoncé une campagne de cyberattaques menée par X".
      targets = AgentAfter(ctx_, s, hit.end);
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
  if (type == RelationType::kAccuses && !targets.empty()) {
    accused_.push_back({type, {}, targets, Kind(s, hit, targets), s});
  }
  if (sources.empty()) return;
  if (IsMeasureType(type)) sources = Institutions(s, sources);
  if (sources.empty()) return;
  if (targets.empty()) return;
  Emit(type, sources, targets,
       type == RelationType::kAccuses ? Kind(s, hit, targets) : "", s);
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

void DocumentPass::Agentive(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  std::vector<int> sources = AgentAfter(ctx_, s, hit.end);
  if (sources.empty()) {
    // "used by" / "utilisés par" hold the agent word themselves.
    sources = ObjectsAfter(ctx_, s, hit.end, 4);
  }
  if (sources.empty()) return;
  std::vector<int> targets = Subject(s, hit.begin);
  if (targets.empty()) return;
  Emit(hit.row->type, sources, targets, "", s);
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
