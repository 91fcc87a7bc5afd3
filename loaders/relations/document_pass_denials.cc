#include <algorithm>

#include "loaders/relations/arguments.h"
#include "loaders/relations/attributes.h"
#include "loaders/relations/document_pass.h"

namespace dossier::loaders {

void DocumentPass::Denial(size_t s, const Hit& hit) {
  if (IsNegatedOrHypothetical(ctx_, s, hit.begin, hit.end)) return;
  std::vector<int> deniers = Subject(s, hit.begin);
  if (deniers.empty()) {
    // "..., a répondu X" / "called baseless by X": the speaker after.
    deniers = AgentAfter(ctx_, s, hit.end);
  }
  if (deniers.empty()) return;
  // The accusation denied: the latest one against the denier (or its
  // state, or its people), else the latest one when the denial names an
  // accusation.
  // "dismissed the Five Eyes warning", "rejette les propos de X" — an
  // actor right after the denial verb, followed by the noun it
  // qualifies, is the accuser.
  if (explicit_accusers_.empty()) {
    size_t i = hit.end;
    size_t e = ctx_.SentenceEnd(s);
    if (i < e && !ctx_.tok(i).word) i = e;
    if (i < e && ctx_.MentionAt(i) < 0 &&
        (ctx_.tok(i).folded == "the" || ctx_.tok(i).folded == "les")) {
      ++i;
    }
    int m = i < e ? ctx_.MentionAt(i) : -1;
    if (m >= 0 && ctx_.IsActor(m) && !ctx_.mentions()[m].is_demonym &&
        !Contains(ctx_, deniers, m)) {
      size_t after = ctx_.MentionLast(m);
      if (after < e && ctx_.tok(after).word && ctx_.MentionAt(after) < 0) {
        explicit_accusers_.push_back(m);
      }
    }
  }
  if (!explicit_accusers_.empty()) {
    std::string kind = "other";
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->type == RelationType::kAccuses &&
          Contains(ctx_, it->sources, explicit_accusers_.front())) {
        kind = it->kind;
        break;
      }
    }
    Emit(RelationType::kDenies, deniers, explicit_accusers_, kind, s);
    last_actor_ = deniers.front();
    return;
  }
  // "rejected what it called fabrications by journalists": the denial names
  // an author who is no party; it answers no accusation of ours.
  if (UnnamedAuthorAfter(s, hit.end)) return;
  // A denial that names what it denies ("nie les atteintes aux droits de
  // l'homme") answers an accusation of that kind only; an accusation far
  // back answers no plain denial.
  size_t denial_end = ctx_.SentenceEnd(s);
  for (const Hit& h : hits_) {
    if (h.begin >= hit.end && h.row->type != RelationType::kAccuses) {
      denial_end = std::min(denial_end, h.begin);
    }
    if (h.begin >= hit.end && h.row->form != TriggerForm::kNominal &&
        h.row->form != TriggerForm::kReportFrame) {
      denial_end = std::min(denial_end, h.begin);
    }
  }
  std::string_view denied_kind = ctx_.KindIn(hit.end, denial_end);
  auto usable = [&](const Event& ev) {
    return ev.type == RelationType::kAccuses &&
           ev.sentence + kDenialReach >= s &&
           (denied_kind.empty() || ev.kind == denied_kind);
  };
  const Event* target = nullptr;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    if (!usable(*it)) continue;
    if (Related(*it, deniers)) {
      target = &*it;
      break;
    }
  }
  if (target == nullptr && (NamesAccusation(s, hit) || !denied_kind.empty())) {
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (!usable(*it)) continue;
      // A gang's crime is not denied by a party the text does not tie to
      // the gang (Related would have found the tie).
      bool gangs_only = true;
      for (int t : it->targets) {
        if (ctx_.mentions()[t].kind != "hacker_group") gangs_only = false;
      }
      if (gangs_only) continue;
      if (!Contains(ctx_, it->sources, deniers.front())) {
        target = &*it;
        break;
      }
    }
  }
  if (target == nullptr) return;
  Event ev = *target;
  std::vector<int> accusers = ev.sources;
  for (const Event& other : events_) {
    if (!usable(other) || &other == target) continue;
    if (other.kind != ev.kind || !Related(other, deniers)) continue;
    for (int a : other.sources) {
      if (!Contains(ctx_, accusers, a)) accusers.push_back(a);
    }
  }
  Emit(RelationType::kDenies, deniers, accusers, ev.kind, s);
  last_actor_ = deniers.front();
}

bool DocumentPass::Related(const Event& ev,
                           const std::vector<int>& deniers) const {
  for (int d : deniers) {
    if (Contains(ctx_, ev.sources, d)) return false;
    const Mention& dm = ctx_.mentions()[d];
    for (int t : ev.targets) {
      const Mention& tm = ctx_.mentions()[t];
      if (tm.key == dm.key) return true;
      // The denier's people or organisations. A hacker group answers for
      // its state only when the accusation itself ties them ("a
      // China-based group", "tin tặc Trung Quốc"): a home state known from
      // the lexicon alone does not make a gang's crime its state's.
      bool state_named = tm.kind != "hacker_group";
      if (!state_named && dm.label == "State" &&
          (tm.iso2 == dm.iso2 || tm.home_state_key == dm.key)) {
        for (size_t i = ctx_.SentenceBegin(ev.sentence);
             i < ctx_.SentenceEnd(ev.sentence); ++i) {
          int m = ctx_.MentionAt(i);
          if (m >= 0 && m != t && ctx_.mentions()[m].key == dm.key) {
            state_named = true;
          }
        }
      }
      if (dm.label == "State" && !dm.iso2.empty() && tm.iso2 == dm.iso2 &&
          state_named) {
        return true;
      }
      if (dm.label == "State" && tm.home_state_key == dm.key && state_named) {
        return true;
      }
      if (!dm.home_state_key.empty() && dm.home_state_key == tm.key) {
        return true;
      }
    }
  }
  return false;
}

bool DocumentPass::UnnamedAuthorAfter(size_t s, size_t from) const {
  size_t e = ctx_.ClauseEnd(s, from);
  for (size_t i = from; i + 1 < e; ++i) {
    if (ctx_.MentionAt(i) >= 0) return false;
    if (!ctx_.CueAt(Cue::kAgent, i)) continue;
    size_t j = i + 1;
    while (j < e && ctx_.MentionAt(j) < 0 && ctx_.tok(j).word &&
           (ctx_.tok(j).folded == "the" || ctx_.tok(j).folded == "des" ||
            ctx_.tok(j).folded == "les" || ctx_.tok(j).folded == "cac")) {
      ++j;
    }
    if (j >= e || ctx_.MentionAt(j) >= 0 || !ctx_.tok(j).word) return false;
    // A common noun, and no party named after it in the clause.
    for (size_t k = j; k < e; ++k) {
      if (ctx_.MentionAt(k) >= 0) return false;
    }
    return true;
  }
  return false;
}

bool DocumentPass::NamesAccusation(size_t s, const Hit& hit) const {
  size_t e = ctx_.SentenceEnd(s);
  for (size_t i = hit.begin; i < e && i < hit.end + 6; ++i) {
    std::string_view f = ctx_.tok(i).folded;
    if (f.starts_with("accusation") || f.starts_with("allegation") ||
        f == "charges" || f == "implication" || f == "role" ||
        f == "involvement" || f == "cao" || f == "buoc" || f == "infondees" ||
        f == "infondee" || f == "baseless" || f == "tout" || f == "any" ||
        f == "absurdes" || f == "agissements" || f == "out" || f == "loi") {
      return true;
    }
  }
  // "Bắc Kinh bác bỏ," / "X denied." with nothing else: the latest
  // accusation of the document.
  return hit.end + 2 >= e;
}

}  // namespace dossier::loaders
