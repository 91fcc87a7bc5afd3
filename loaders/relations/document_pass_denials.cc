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
      if (dm.label == "State" && !dm.iso2.empty() && tm.iso2 == dm.iso2) {
        return true;
      }
      if (dm.label == "State" && tm.home_state_key == dm.key) return true;
      if (!dm.home_state_key.empty() && dm.home_state_key == tm.key) {
        return true;
      }
    }
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
