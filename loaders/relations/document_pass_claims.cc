#include <algorithm>

#include "loaders/relations/arguments.h"
#include "loaders/relations/attributes.h"
#include "loaders/relations/document_pass.h"

namespace dossier::loaders {

// The author of a nominal accusation: "accusations d'espionnage des
// États-Unis", "cáo buộc của Washington", "formulées par Vantalie",
// "Washington's allegations".
std::vector<int> DocumentPass::NominalAuthor(size_t s, const Hit& hit) const {
  size_t b = ctx_.SentenceBegin(s);
  if (hit.begin >= b + 2 && ctx_.tok(hit.begin - 1).folded == "s") {
    int m = ctx_.MentionAt(hit.begin - 2);
    if (m >= 0 && ctx_.IsActor(m)) return {m};
  }
  // "the Czech accusation", "les accusations américaines".
  if (hit.begin > b) {
    int m = ctx_.MentionAt(hit.begin - 1);
    if (m >= 0 && ctx_.mentions()[m].is_demonym &&
        ctx_.mentions()[m].label == "State" && ctx_.lang() == "en") {
      return {m};
    }
  }
  if (hit.end < ctx_.SentenceEnd(s)) {
    int m = ctx_.MentionAt(hit.end);
    if (m >= 0 && ctx_.mentions()[m].is_demonym &&
        ctx_.mentions()[m].label == "State" && ctx_.lang() == "fr") {
      return {m};
    }
  }
  size_t end = ctx_.ClauseEnd(s, hit.end);
  size_t words = 0;
  for (size_t i = hit.end; i < end && words < 6;) {
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      bool introduced =
          i > 0 && (ctx_.CueAt(Cue::kGenitive, i - 1) ||
                    ctx_.CueAt(Cue::kAgent, i - 1) ||
                    (i > 1 && ctx_.CueAt(Cue::kGenitive, i - 2)) ||
                    (i > 1 && ctx_.CueAt(Cue::kAgent, i - 2)));
      if (introduced && ctx_.IsActor(m) && !ctx_.IsLocativeOrModifier(m)) {
        if (ctx_.mentions()[m].is_demonym &&
            ctx_.mentions()[m].label != "State") {
          return {};
        }
        return CoordinatedRight(ctx_, s, m);
      }
      return {};
    }
    if (ctx_.tok(i).word) ++words;
    ++i;
  }
  return {};
}

void DocumentPass::ParticipleNominal(size_t s, const Hit& hit) {
  size_t b = ctx_.SentenceBegin(s);
  size_t p = hit.begin;
  for (size_t back = 1; back <= 4 && back <= hit.begin - b; ++back) {
    size_t i = hit.begin - back;
    std::string_view w = ctx_.tok(i).folded;
    bool participle = (ctx_.lang() == "fr" && w.ends_with("ant")) ||
                      (ctx_.lang() == "en" && w.ends_with("ing"));
    if (participle && i > b && ctx_.IsPunct(i - 1, ",")) {
      p = i;
      break;
    }
  }
  if (p == hit.begin) return;
  std::vector<int> sources = Subject(s, p);
  if (sources.empty()) return;
  // The main clause's last party before the comma.
  int target = -1;
  for (size_t i = p - 1; i > b;) {
    --i;
    int m = ctx_.MentionAt(i);
    if (m < 0) continue;
    i = ctx_.MentionFirst(m);
    if (ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
        !Contains(ctx_, sources, m)) {
      target = m;
    }
    break;
  }
  if (target < 0) return;
  std::string_view kind = ctx_.KindIn(hit.end, ctx_.SentenceEnd(s));
  Emit(RelationType::kAccuses, sources, {target},
       std::string(kind.empty() ? "other" : kind), s);
}

void DocumentPass::Nominal(size_t s, const Hit& hit, bool object_of_denial) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  std::vector<int> sources = NominalAuthor(s, hit);
  if (sources.empty()) {
    ParticipleNominal(s, hit);
    return;
  }
  std::vector<int> targets;
  // "contre/against X".
  size_t end = ctx_.ClauseEnd(s, hit.end);
  for (size_t i = hit.end; i < end; ++i) {
    if (ctx_.MentionAt(i) < 0 && ctx_.CueAt(Cue::kAgainst, i)) {
      targets = ObjectsAfter(ctx_, s, i + 1, 3);
      break;
    }
  }
  if (targets.empty() && object_of_denial) {
    // "X rejette les accusations de Y": the author is the accuser the
    // denial answers; the accusation itself was made earlier.
    for (int a : sources) explicit_accusers_.push_back(a);
    return;
  }
  if (targets.empty()) {
    int focus = Focus(sources);
    if (focus >= 0 && ctx_.mentions()[focus].label == "Organisation") {
      targets = {focus};
    }
  }
  if (targets.empty()) return;
  Emit(RelationType::kAccuses, sources, targets, Kind(s, hit, targets), s);
}

// A claim whose content names a wrongdoing: "X affirme que Y ...", "X
// cho rằng Y ...", "X said Y was responsible for the hack".
void DocumentPass::Claim(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  if (PostposedClaim(s, hit)) return;
  std::vector<int> sources = Subject(s, hit.begin);
  if (sources.empty()) return;
  // "X, which it said had ...": the claim is about the antecedent.
  size_t b = ctx_.SentenceBegin(s);
  if (hit.begin >= b + 4 && ctx_.CueAt(Cue::kPronoun, hit.begin - 1) &&
      ctx_.CueAt(Cue::kRelative, hit.begin - 2) &&
      ctx_.IsPunct(hit.begin - 3, ",") && ctx_.MentionAt(hit.begin - 4) >= 0) {
    int antecedent = ctx_.MentionAt(hit.begin - 4);
    std::string_view kind = ctx_.KindIn(hit.end, std::max(limit_, hit.end));
    if (!kind.empty() && ctx_.IsActor(antecedent) &&
        !Contains(ctx_, sources, antecedent)) {
      Emit(RelationType::kAccuses, sources, {antecedent}, std::string(kind), s);
    }
    return;
  }
  ClaimContent(s, hit.end, sources, hit);
}

bool DocumentPass::WorksForIntelligence(size_t from, size_t to) const {
  for (size_t i = from; i < to; ++i) {
    int m = ctx_.MentionAt(i);
    if (m < 0 || ctx_.mentions()[m].kind != "intelligence") continue;
    // "working for Russia's FSB": a possessor may stand in between.
    size_t j = ctx_.MentionFirst(m);
    for (int back = 0; back < 4 && j > from; ++back) {
      --j;
      if (ctx_.MentionAt(j) >= 0) {
        j = ctx_.MentionFirst(ctx_.MentionAt(j));
        continue;
      }
      std::string_view w = ctx_.tok(j).folded;
      if (w == "for" || w == "pour" || w == "cho") {
        return true;
      }
    }
  }
  return false;
}

void DocumentPass::ClaimContent(size_t s, size_t from,
                                const std::vector<int>& sources,
                                const Hit& hit) {
  size_t e = std::max(limit_, from);
  std::string_view kind = ctx_.KindIn(from, e);
  if (kind.empty() &&
      WorksForIntelligence(from, std::max(e, ctx_.ClauseEnd(s, from)))) {
    kind = "espionage";
  }
  if (kind.empty()) kind = hit.row->kind;
  if (kind.empty()) return;
  // The content must not be negated or a mere concern.
  for (size_t i = from; i < e; ++i) {
    if (ctx_.MentionAt(i) >= 0) continue;
    if (ctx_.CueAt(Cue::kNegation, i) || ctx_.CueAt(Cue::kConcern, i) ||
        ctx_.CueAt(Cue::kHypothesis, i)) {
      if (ctx_.tok(i).folded == "pourraient" ||
          ctx_.tok(i).folded == "pourrait" || ctx_.tok(i).folded == "could" ||
          ctx_.tok(i).folded == "may") {
        continue;  // Modality inside a real claim.
      }
      return;
    }
  }
  std::vector<int> targets;
  // "sanctioned X, saying it had ...", "a exclu X, estimant qu'il ...": a
  // subject pronoun opening the content is the target of the sentence's
  // latest relation.
  for (size_t i = from; i < e && i < from + 2; ++i) {
    size_t len = 0;
    if (ctx_.MentionAt(i) >= 0 || !ctx_.CueAt(Cue::kPronoun, i, &len) ||
        len != 1 || ctx_.tok(i).folded == "ong" || ctx_.tok(i).folded == "ba") {
      continue;
    }
    if (!events_.empty() && events_.back().sentence == s &&
        events_.back().type != RelationType::kAccuses) {
      for (int t : events_.back().targets) {
        if (!Contains(ctx_, sources, t)) targets.push_back(t);
      }
    }
    break;
  }
  size_t words = 0;
  for (size_t i = from; targets.empty() && i < e && words < 12;) {
    int m = ctx_.MentionAt(i);
    if (m >= 0 && Contains(ctx_, sources, m) &&
        ctx_.mentions()[m].source == MentionSource::kCoreference) {
      // A description resolved to the speaker ("Theo X, nhóm này ..."):
      // resolve it again without the speaker.
      std::vector<int> a = Anaphor(i, sources);
      if (!a.empty()) {
        targets = a;
        break;
      }
    }
    if (m >= 0) {
      if (ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
          !ctx_.IsLocativeOrModifier(m) && !Contains(ctx_, sources, m) &&
          !IsSponsor(s, m)) {
        targets = CoordinatedRight(ctx_, s, m);
        break;
      }
      i = ctx_.MentionLast(m);
      continue;
    }
    if (ctx_.tok(i).word) {
      std::vector<int> a = Anaphor(i, sources);
      if (!a.empty()) {
        targets = a;
        break;
      }
      ++words;
    }
    ++i;
  }
  if (targets.empty()) {
    // "ont également qualifié la situation de génocide": the party of
    // the latest accusation of that kind, even one by unnamed accusers.
    for (auto it = accused_.rbegin(); it != accused_.rend(); ++it) {
      if (it->kind == kind && it->sentence + 2 >= s) {
        targets = it->targets;
        break;
      }
    }
  }
  if (targets.empty()) return;
  Emit(RelationType::kAccuses, sources, targets, std::string(kind), s);
}

// «...», a-t-il dit / "...", said X / "...", X said: the speaker after
// (or the document's last actor for a pronoun), the claim before. Returns
// false when `hit` is not a postposed speech verb.
bool DocumentPass::PostposedClaim(size_t s, const Hit& hit) {
  size_t b = ctx_.SentenceBegin(s), e = ctx_.SentenceEnd(s);
  if (hit.begin <= b + 3) return false;
  // ", saying X had ...", ", estimant que ...": a participle opens its
  // content, it does not close a quote.
  std::string_view verb = ctx_.tok(hit.begin).folded;
  if ((ctx_.lang() == "en" && verb.ends_with("ing")) ||
      (ctx_.lang() == "fr" && verb.ends_with("ant"))) {
    return false;
  }
  size_t q = hit.begin - 1;
  int speaker = -1;
  bool after_quote = false;
  // "..., X said": the speaker just before the verb.
  if (ctx_.MentionAt(q) >= 0 && ctx_.IsActor(ctx_.MentionAt(q))) {
    speaker = ctx_.MentionAt(q);
    q = ctx_.MentionFirst(speaker);
    if (q == b) return false;
    --q;
  }
  std::string_view f = ctx_.tok(q).folded;
  if (f == ",") {
    after_quote = true;
  }
  if (!after_quote) return false;
  // "Ngày 19/1, Microsoft cho biết nhóm X đã ...", "On Monday, X said
  // that Y ...": a speech verb with its content after it is not postposed.
  if (speaker >= 0 && hit.end < e && ctx_.tok(hit.end).word) {
    for (size_t i = hit.end; i < e && i < hit.end + 6; ++i) {
      if (ctx_.IsClauseStop(i)) break;
      int m = ctx_.MentionAt(i);
      if ((m >= 0 && ctx_.IsActor(m)) || ctx_.CueAt(Cue::kComplementizer, i)) {
        return false;
      }
    }
  }
  size_t end = hit.end;
  if (speaker < 0 && end < e) {
    int m = ctx_.MentionAt(end);
    if (m >= 0 && ctx_.IsActor(m)) {
      // "X, a customer of Y, said Z had hacked ...": a party followed by
      // its verb opens the content; "..., said Z." closes a quote.
      size_t after = ctx_.MentionLast(m);
      if (after < e && ctx_.tok(after).word) return false;
      speaker = m;
    }
  }
  bool pronoun = false;
  for (size_t i = hit.begin; i < hit.end; ++i) {
    if (ctx_.CueAt(Cue::kPronoun, i)) pronoun = true;
  }
  if (speaker < 0 && (pronoun || end == e || ctx_.IsPunct(end, "."))) {
    speaker = previous_actor_;
  }
  if (speaker < 0) return false;
  std::vector<int> sources = {speaker};
  // The first wrongdoing named, and the nearest party named before it.
  size_t kind_at = e;
  std::string_view kind;
  for (size_t i = b; i < q; ++i) {
    if (ctx_.MentionAt(i) >= 0 &&
        ctx_.mentions()[ctx_.MentionAt(i)].label == "Organisation") {
      continue;
    }
    size_t len = 0;
    int k = ctx_.tables().kinds.Match(ctx_.tokens(), i, &len, true);
    if (k >= 0) {
      kind = ctx_.tables().rows->kinds[k].kind;
      kind_at = i;
      break;
    }
  }
  if (kind.empty()) return true;
  for (size_t i = kind_at; i > b;) {
    --i;
    int m = ctx_.MentionAt(i);
    if (m < 0) continue;
    i = ctx_.MentionFirst(m);
    if (ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
        !Contains(ctx_, sources, m)) {
      Emit(RelationType::kAccuses, sources, {m}, std::string(kind), s);
      break;
    }
  }
  // "... Y, dont il a été prouvé qu'elle ... génocide": the antecedent of
  // the relative clause that holds the wrongdoing is accused too.
  for (size_t r = kind_at; r > b + 2;) {
    --r;
    if (ctx_.MentionAt(r) >= 0 || !ctx_.CueAt(Cue::kRelative, r)) continue;
    if (!ctx_.IsPunct(r - 1, ",")) continue;
    int m = ctx_.MentionAt(r - 2);
    if (m >= 0 && ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
        !Contains(ctx_, sources, m)) {
      Emit(RelationType::kAccuses, sources, {m}, std::string(kind), s);
    }
    break;
  }
  return true;
}

// A sponsor or beneficiary modifier: "do Bắc Kinh hậu thuẫn", "được
// nhà nước Nga bảo trợ", "sponsored by X", "parrainé par X".
bool DocumentPass::IsSponsor(size_t s, int m) const {
  size_t first = ctx_.MentionFirst(m), last = ctx_.MentionLast(m);
  if (last < ctx_.SentenceEnd(s) && ctx_.CueAt(Cue::kSponsor, last)) {
    return true;
  }
  for (size_t back = 1; back <= 3 && back <= first; ++back) {
    size_t i = first - back;
    if (ctx_.MentionAt(i) >= 0 || !ctx_.tok(i).word) break;
    // "được X hậu thuẫn" favours X; "bị X xâm nhập", "been hacked by X"
    // make X the agent of the harm, not a sponsor.
    if (ctx_.CueAt(Cue::kSponsor, i) || ctx_.tok(i).folded == "duoc" ||
        ctx_.tok(i).folded == "do") {
      return true;
    }
  }
  return false;
}

// "Selon X, Y aurait ...", "Theo X, Y ...", "According to X, Y ...".
// A report frame opens its clause: "Selon X, ...", "..., theo X".
bool DocumentPass::FrameAtClauseStart(size_t s, const Hit& hit) const {
  return hit.begin == ctx_.SentenceBegin(s) ||
         ctx_.IsPunct(hit.begin - 1, ",") ||
         (hit.begin >= ctx_.SentenceBegin(s) + 2 &&
          ctx_.IsPunct(hit.begin - 2, ","));
}

void DocumentPass::ReportFrame(size_t s, const Hit& hit) {
  size_t e = ctx_.SentenceEnd(s);
  if (hit.end >= e || !FrameAtClauseStart(s, hit)) return;
  int src = -1;
  for (size_t i = hit.end; i < e && i < hit.end + 4; ++i) {
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      if (ctx_.IsActor(m) && !ctx_.IsBareDemonym(m)) src = m;
      break;
    }
  }
  if (src < 0) {
    // "Selon ces deux ONG": the parties of the latest relation with two
    // or more sources.
    size_t len = 0;
    if (!ctx_.CueAt(Cue::kAnaphorPlural, hit.end, &len)) return;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->sources.size() >= 2) {
        size_t from = hit.end + len;
        while (from < e && ctx_.tok(from).word && ctx_.MentionAt(from) < 0 &&
               !ctx_.IsPunct(from, ",")) {
          ++from;
        }
        ClaimContent(s, from, it->sources, hit);
        return;
      }
    }
    return;
  }
  ClaimContent(s, ctx_.MentionLast(src), {src}, hit);
}

}  // namespace dossier::loaders
