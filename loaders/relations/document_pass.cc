#include "loaders/relations/document_pass.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "loaders/relations/arguments.h"
#include "loaders/relations/attributes.h"

namespace dossier::loaders {

std::vector<FoundRelation> DocumentPass::Run() {
  for (size_t s = 0; s < ctx_.sentences().size(); ++s) {
    Sentence(s);
    FindAttributes(ctx_, s, &found_);
    NoteActors(s);
  }
  return std::move(found_);
}

std::vector<Hit> DocumentPass::Triggers(size_t s) const {
  std::vector<Hit> hits;
  size_t e = ctx_.SentenceEnd(s);
  for (size_t i = ctx_.SentenceBegin(s); i < e;) {
    size_t len = 0;
    int row = ctx_.tables().triggers.Match(ctx_.tokens(), i, &len);
    if (row >= 0) {
      const TriggerRow* r = &ctx_.tables().rows->triggers[row];
      if (r->form != TriggerForm::kBlock) hits.push_back({i, i + len, r});
      i += len;
    } else {
      ++i;
    }
  }
  return hits;
}

void DocumentPass::Sentence(size_t s) {
  previous_actor_ = last_actor_;
  std::vector<Hit> hits = Triggers(s);
  explicit_accusers_.clear();
  // Accusations and measures first, then denials (which look back at
  // accusations, those of this sentence included).
  std::vector<bool> consumed(hits.size(), false);
  for (size_t h = 0; h < hits.size(); ++h) {
    if (hits[h].row->type == RelationType::kDenies) {
      // A nominal accusation right after a denial is its object
      // ("rejette les accusations", "bác bỏ cáo buộc").
      for (size_t k = h + 1; k < hits.size(); ++k) {
        bool near = hits[k].begin <= hits[h].end + 4;
        if (hits[k].row->type == RelationType::kAccuses &&
            (near || hits[k].row->form == TriggerForm::kNominal ||
             NominalUse(s, hits[k]))) {
          consumed[k] = true;
        }
      }
      continue;
    }
  }
  hits_ = hits;
  for (size_t h = 0; h < hits.size(); ++h) {
    if (hits[h].row->type == RelationType::kDenies) continue;
    limit_ = ctx_.SentenceEnd(s);
    for (size_t k = h + 1; k < hits.size(); ++k) {
      if (hits[k].row->form == TriggerForm::kReportFrame &&
          !FrameAtClauseStart(s, hits[k])) {
        continue;
      }
      // "obligent ces sociétés à coopérer avec les services de
      // renseignement": cooperation inside a claim is its content.
      if (hits[k].row->type == RelationType::kCooperatesWith &&
          hits[h].row->form == TriggerForm::kClaim) {
        continue;
      }
      limit_ = hits[k].begin;
      break;
    }
    Trigger(s, hits[h], consumed[h]);
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    if (hits[h].row->type == RelationType::kDenies) Denial(s, hits[h]);
  }
}

// True when an accusation verb stands as a noun with its author after it:
// "các cáo buộc của Washington", "the charges of X".
bool DocumentPass::NominalUse(size_t s, const Hit& hit) const {
  size_t e = ctx_.SentenceEnd(s);
  size_t len = 0;
  if (hit.end + 1 >= e || ctx_.MentionAt(hit.end) >= 0 ||
      !ctx_.CueAt(Cue::kGenitive, hit.end, &len)) {
    return false;
  }
  return hit.end + len < e && ctx_.MentionAt(hit.end + len) >= 0;
}

void DocumentPass::Trigger(size_t s, const Hit& hit, bool object_of_denial) {
  const TriggerRow& row = *hit.row;
  stand_in_ = -1;
  if (row.type == RelationType::kAccuses && row.form == TriggerForm::kActive &&
      NominalUse(s, hit)) {
    Nominal(s, hit, object_of_denial);
    return;
  }
  if (row.type == RelationType::kMemberOf &&
      (row.kind == "founded" || row.kind == "seat" || row.kind == "dont")) {
    MemberOf(s, hit);
    return;
  }
  if (row.type == RelationType::kOperates && row.form != TriggerForm::kBlock) {
    Operates(s, hit);
    return;
  }
  switch (row.form) {
    case TriggerForm::kActive:
      Active(s, hit);
      return;
    case TriggerForm::kAgentive:
      Agentive(s, hit);
      return;
    case TriggerForm::kNominal:
      Nominal(s, hit, object_of_denial);
      return;
    case TriggerForm::kClaim:
      if (!object_of_denial) Claim(s, hit);
      return;
    case TriggerForm::kReportFrame:
      ReportFrame(s, hit);
      return;
    case TriggerForm::kEllipsis:
      Ellipsis(s, hit);
      return;
    case TriggerForm::kUsedBy:
      UsedBy(s, hit);
      return;
    case TriggerForm::kBlock:
      return;
  }
}

// The subject of a trigger, falling back on the document's last actor
// when the subject is a pronoun ("Il a aussi mis en cause", "Ông còn
// gọi").
std::vector<int> DocumentPass::Subject(size_t s, size_t at) {
  // "X dismissed ... and retorted", "X a rejeté ... et dénoncé", "which
  // it said": the subject of the previous verb of the sentence.
  size_t b = ctx_.SentenceBegin(s);
  size_t j = at;
  while (j > b && ctx_.MentionAt(j - 1) < 0 && ctx_.tok(j - 1).word &&
         (ctx_.CueAt(Cue::kPassiveAux, j - 1) ||
          IsAdverb(ctx_.tok(j - 1).folded) || ctx_.tok(j - 1).folded == "a" ||
          ctx_.tok(j - 1).folded == "has" || ctx_.tok(j - 1).folded == "had" ||
          ctx_.tok(j - 1).folded == "ont" ||
          ctx_.tok(j - 1).folded == "have")) {
    --j;
  }
  size_t len = 0;
  bool coordinated = j > b && ctx_.MentionAt(j - 1) < 0 &&
                     ctx_.CueAt(Cue::kCoordinator, j - 1, &len);
  bool pronoun = j > b && ctx_.MentionAt(j - 1) < 0 &&
                 ctx_.tok(j - 1).folded != "ong" &&
                 ctx_.tok(j - 1).folded != "ba" &&
                 ctx_.CueAt(Cue::kPronoun, j - 1, &len) && len == 1;
  // "X, khách hàng dùng dịch vụ của Y, cũng cho biết", "X, a customer of
  // Y, said": a descriptive apposition between the subject and its verb.
  if (j > b + 2 && ctx_.IsPunct(j - 1, ",")) {
    size_t k = j - 1;
    bool genitive = false, other = false;
    while (k > b && !ctx_.IsPunct(k - 1, ",") && j - k < 14) {
      --k;
      if (!ctx_.tok(k).word) other = true;
      if (ctx_.MentionAt(k) < 0 && ctx_.CueAt(Cue::kGenitive, k)) {
        genitive = true;
      }
      if (ctx_.MentionAt(k) < 0 && ctx_.CueAt(Cue::kComplementizer, k)) {
        other = true;
      }
    }
    if (k > b + 1 && ctx_.IsPunct(k - 1, ",") && genitive && !other &&
        ctx_.MentionAt(k) < 0) {
      int m = ctx_.MentionAt(k - 2);
      if (m >= 0 && ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
          !ctx_.IsLocativeOrModifier(m)) {
        return {m};
      }
    }
  }
  // ", saying that ...", ", estimant que ...": a participle takes the
  // subject of the sentence's main verb.
  std::string_view w = ctx_.tok(at).folded;
  // Vietnamese marks no participle: a verb right after the comma
  // ("FSB thông báo đã bắt giữ X, cáo buộc anh ...").
  bool participle =
      at > b && ctx_.IsPunct(at - 1, ",") &&
      ((ctx_.lang() == "en" && w.ends_with("ing")) ||
       (ctx_.lang() == "fr" && w.ends_with("ant")) || ctx_.lang() == "vi");
  if (participle) {
    // "placed X under sanctions, saying ...": the source of the sentence's
    // latest relation, as the pass attached it (agents, placements).
    if (!events_.empty() && events_.back().sentence == s &&
        !events_.back().sources.empty() &&
        ctx_.MentionFirst(events_.back().sources.front()) < at) {
      return events_.back().sources;
    }
    for (const Hit& h : hits_) {
      if (h.begin >= at) break;
      std::vector<int> prev = SubjectsBefore(ctx_, s, h.begin);
      if (!prev.empty()) return prev;
    }
    // No verb of ours before it: the first party of the clause.
    for (size_t i = ctx_.ClauseStart(s, at - 1); i < at; ++i) {
      int m = ctx_.MentionAt(i);
      if (m < 0) continue;
      if (ctx_.IsActor(m) && !ctx_.IsBareDemonym(m) &&
          !ctx_.IsLocativeOrModifier(m)) {
        return {m};
      }
      i = ctx_.MentionLast(m) - 1;
    }
  }
  if (coordinated || pronoun) {
    // The first verb of the sentence with a subject (the main clause).
    for (const Hit& h : hits_) {
      if (h.begin >= at) break;
      std::vector<int> prev = SubjectsBefore(ctx_, s, h.begin);
      if (!prev.empty()) return prev;
    }
    if (pronoun && last_actor_ >= 0) return {last_actor_};
  }
  std::vector<int> subj = SubjectsBefore(ctx_, s, at);
  if (!subj.empty()) return subj;
  // "both men belonged to", "nhóm này đã": an anaphor as the subject.
  for (size_t back = 2; back <= 4 && back <= at - b; ++back) {
    std::vector<int> a = Anaphor(at - back, {});
    if (!a.empty()) return a;
  }
  size_t start = ctx_.ClauseStart(s, at);
  for (size_t i = start; i < at; ++i) {
    if (ctx_.MentionAt(i) >= 0) continue;
    if (ctx_.CueAt(Cue::kPronoun, i) && last_actor_ >= 0) {
      return {last_actor_};
    }
  }
  int authority = UnnamedAuthority(s, at);
  if (authority >= 0) return {authority};
  return {};
}

namespace {

// Lexicon kinds of public bodies: their home state is the State an unnamed
// authority of the same document stands for.
bool IsPublicBody(const Mention& m) {
  static constexpr std::string_view kKinds[] = {
      "ministry", "portfolio",  "agency",    "intelligence", "police",
      "court",    "prosecutor", "regulator", "government",   "military"};
  if (m.label != "Organisation" || m.home_state_key.empty()) return false;
  for (std::string_view k : kKinds) {
    if (m.kind == k) return true;
  }
  return false;
}

}  // namespace

int DocumentPass::UnnamedAuthority(size_t s, size_t at) {
  size_t start = ctx_.ClauseStart(s, at);
  // The authority noun: at most eight words before the trigger, no named
  // party in between (a place may locate it: "a court in Fuzhou", "các
  // công tố viên liên bang ở New Jersey").
  size_t cue = at;
  int place = -1;
  int words = 0;
  // Vietnamese counts syllables.
  const int max_words = ctx_.lang() == "vi" ? 12 : 8;
  for (size_t i = at; i > start && words < max_words;) {
    --i;
    int m = ctx_.MentionAt(i);
    if (m >= 0) {
      const Mention& mm = ctx_.mentions()[m];
      bool located = ctx_.IsLocativeOrModifier(m) &&
                     (mm.label == "Place" || mm.label == "State");
      if (!located && (ctx_.IsActor(m) || mm.is_demonym)) return -1;
      if (located) place = m;
      i = ctx_.MentionFirst(m);
      continue;
    }
    if (!ctx_.tok(i).word) continue;
    ++words;
    if (ctx_.CueAt(Cue::kAuthority, i)) {
      cue = i;
      break;
    }
  }
  if (cue == at) return -1;
  std::string_view noun = ctx_.tok(cue).folded;
  bool police = noun == "police" || (noun == "canh" && cue + 1 < at &&
                                     ctx_.tok(cue + 1).folded == "sat");
  const auto& mentions = ctx_.mentions();
  size_t before = ctx_.tok(cue).begin;
  // The State to stand for: the state of a place that locates the
  // authority, else the home state of the latest public body named before.
  std::string state_key;
  std::string_view iso2;
  if (place >= 0) {
    if (mentions[place].label == "State") {
      state_key = mentions[place].key;
    } else {
      iso2 = mentions[place].iso2;
    }
  }
  for (size_t m = mentions.size(); police && m > 0;) {
    --m;
    const Mention& mm = mentions[m];
    bool police_body = mm.kind == "police" ||
                       absl::StrContains(mm.name, "Police") ||
                       absl::StrContains(mm.name, "police") ||
                       absl::StrContains(mm.name, "Cảnh sát") ||
                       absl::StrContains(mm.name, "cảnh sát");
    if (mm.end <= before && mm.label == "Organisation" && police_body) {
      return static_cast<int>(m);
    }
  }
  // The acting side first: the State or public body that was the source
  // of the latest relation; then the latest public body named (not an
  // intelligence service or an army, often the accused ones).
  int body = -1;
  for (auto it = events_.rbegin();
       it != events_.rend() && state_key.empty() && iso2.empty(); ++it) {
    for (int src : it->sources) {
      const Mention& mm = mentions[src];
      if (mm.label == "State" && !mm.key.empty()) {
        state_key = mm.key;
        break;
      }
      if (IsPublicBody(mm)) {
        state_key = mm.home_state_key;
        body = src;
        break;
      }
    }
  }
  for (size_t m = mentions.size();
       state_key.empty() && iso2.empty() && m > 0;) {
    --m;
    const Mention& mm = mentions[m];
    if (mm.end <= before && IsPublicBody(mm) && mm.kind != "intelligence" &&
        mm.kind != "military") {
      state_key = mm.home_state_key;
      body = static_cast<int>(m);
    }
  }
  if (state_key.empty() && iso2.empty()) return -1;
  // One of that State's mentions, a name rather than a demonym if any.
  int found = -1;
  for (size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mm = mentions[m];
    if (mm.label != "State") continue;
    if (state_key.empty() ? mm.iso2 != iso2 : mm.key != state_key) continue;
    if (found < 0 || (mentions[found].is_demonym && !mm.is_demonym)) {
      found = static_cast<int>(m);
    }
  }
  if (found < 0 && body >= 0) {
    stand_in_ = body;
    stand_in_key_ = state_key;
    return body;
  }
  return found;
}

// The kind of an accusation, from its wording: the act complement after
// the accused ("accuse X de piratage", "charged X with hacking", "blamed
// X for the hack") when there is one, else the first kind cue after the
// trigger, else the trigger's own kind, else "other".
bool DocumentPass::IsAdverb(std::string_view f) {
  return f == "also" || f == "aussi" || f == "egalement" || f == "then" ||
         f == "ensuite" || f == "later" || f == "further" || f == "cung" ||
         f == "con" || f == "da" || f == "formally" || f == "publicly" ||
         f == "categorically" || f == "deja" || f == "already";
}

std::string DocumentPass::Kind(size_t s, const Hit& hit,
                               const std::vector<int>& targets) const {
  size_t e = ctx_.SentenceEnd(s);
  size_t from = hit.end;
  for (int t : targets) from = std::max(from, ctx_.MentionLast(t));
  // Skip an apposition on the accused: "X, a state-sponsored group, of".
  if (!targets.empty() && from < e && ctx_.IsPunct(from, ",")) {
    size_t k = from + 1;
    while (k < e && k < from + 12 && !ctx_.IsPunct(k, ",")) ++k;
    if (k < e && ctx_.IsPunct(k, ",")) from = k + 1;
  }
  if (!targets.empty() && ctx_.lang() == "vi") {
    std::string_view k = ctx_.KindIn(from, e);
    if (k.empty()) k = ctx_.KindIn(hit.end, e);
    if (k.empty()) k = hit.row->kind;
    return std::string(k.empty() ? "other" : k);
  }
  if (!targets.empty()) {
    for (size_t i = from; i < e; ++i) {
      if (ctx_.MentionAt(i) >= 0 || ctx_.IsClauseStop(i)) continue;
      size_t len = 0;
      if (!ctx_.CueAt(Cue::kKindPrep, i, &len)) continue;
      if (i + len < e && ctx_.MentionAt(i + len) >= 0) continue;
      std::string_view k = ctx_.KindIn(i, e);
      if (k.empty()) k = ctx_.KindIn(hit.begin, hit.end);
      if (k.empty()) k = hit.row->kind;
      return std::string(k.empty() ? "other" : k);
    }
  }
  std::string_view k = ctx_.KindIn(hit.end, e);
  if (k.empty()) k = ctx_.KindIn(hit.begin, hit.end);
  if (k.empty()) k = hit.row->kind;
  if (k.empty()) k = "other";
  return std::string(k);
}

// Resolves an anaphor at token `i` ("la société", "the gang", "nhóm
// này", "ces entités", "cette dernière") to earlier parties: a plural one
// to the targets of the latest relation, a singular one to the latest
// organisation (a person for "ce dernier"/"the latter") named before it
// that is not among `exclude`.
std::vector<int> DocumentPass::Anaphor(size_t i,
                                       const std::vector<int>& exclude) const {
  size_t len = 0;
  if (ctx_.CueAt(Cue::kAnaphorPlural, i, &len)) {
    // "both men", "les deux hommes", "hai ông", "hai người": the two latest
    // persons named.
    std::string_view w = ctx_.tok(i + len - 1).folded;
    if (w == "men" || w == "hommes" || w == "ong" || w == "nguoi" ||
        w == "individuals" || w == "suspects") {
      // The latest relation on two persons first ("bắt ... X và Y. ...
      // cáo buộc hai ông").
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
        if (it->targets.size() < 2) continue;
        bool all_persons = true;
        for (int t : it->targets) {
          if (ctx_.mentions()[t].label != "Person") all_persons = false;
        }
        if (all_persons) return it->targets;
      }
      std::vector<int> persons;
      for (size_t j = i; j > 0 && persons.size() < 2;) {
        --j;
        int m = ctx_.MentionAt(j);
        if (m < 0) continue;
        j = ctx_.MentionFirst(m);
        if (ctx_.mentions()[m].label == "Person" &&
            !Contains(ctx_, persons, m) && !Contains(ctx_, exclude, m)) {
          persons.push_back(m);
        }
      }
      if (persons.size() == 2) {
        std::reverse(persons.begin(), persons.end());
        return persons;
      }
    }
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->targets.size() >= 2) return it->targets;
    }
    return {};
  }
  if (!ctx_.CueAt(Cue::kAnaphor, i, &len)) return {};
  std::string_view last_word = ctx_.tok(i + len - 1).folded;
  bool person = last_word == "derniere" || last_word == "dernier" ||
                last_word == "latter";
  bool state = last_word == "pays" || last_word == "country";
  for (size_t j = i; j > 0;) {
    --j;
    int m = ctx_.MentionAt(j);
    if (m < 0) continue;
    j = ctx_.MentionFirst(m);
    const Mention& mm = ctx_.mentions()[m];
    if (mm.is_demonym || Contains(ctx_, exclude, m)) continue;
    if (state) {
      if (mm.label == "State" && mm.place_key.empty()) return {m};
      continue;
    }
    if (person ? mm.label == "Person" : mm.label == "Organisation") {
      return {m};
    }
  }
  return {};
}

// The first anaphor within `window` words after `from` in the clause.
std::vector<int> DocumentPass::AnaphorAfter(
    size_t s, size_t from, size_t window,
    const std::vector<int>& exclude) const {
  size_t end = ctx_.ClauseEnd(s, from);
  size_t words = 0;
  for (size_t i = from; i < end && words < window; ++i) {
    if (ctx_.MentionAt(i) >= 0) return {};
    if (!ctx_.tok(i).word) continue;
    std::vector<int> a = Anaphor(i, exclude);
    if (!a.empty()) return a;
    ++words;
  }
  return {};
}

void DocumentPass::Emit(RelationType type, const std::vector<int>& sources,
                        const std::vector<int>& targets, std::string kind,
                        size_t s) {
  Event ev{type, {}, {}, std::move(kind), s};
  for (int src : sources) {
    for (int tgt : targets) {
      if (SameEntity(ctx_, src, tgt)) continue;
      if (!Admissible(type, src, tgt)) continue;
      bool kinded =
          type == RelationType::kAccuses || type == RelationType::kDenies;
      found_.push_back({type, src, tgt, kinded ? ev.kind : "", s, "", ""});
      if (src == stand_in_) found_.back().source_key = stand_in_key_;
      if (!Contains(ctx_, ev.sources, src)) ev.sources.push_back(src);
      if (!Contains(ctx_, ev.targets, tgt)) ev.targets.push_back(tgt);
    }
  }
  if (!ev.sources.empty()) {
    events_.push_back(std::move(ev));
    if (type != RelationType::kAccuses) last_actor_ = sources.front();
  }
}

bool DocumentPass::Admissible(RelationType type, int src, int tgt) const {
  const std::string& sl = ctx_.mentions()[src].label;
  const std::string& tl = ctx_.mentions()[tgt].label;
  switch (type) {
    case RelationType::kAccuses:
    case RelationType::kDenies:
    case RelationType::kWarnsAbout:
    case RelationType::kSues:
    case RelationType::kSupplies:
    case RelationType::kCooperatesWith:
      return true;
    case RelationType::kSanctions:
    case RelationType::kBans:
      return sl != "Person";
    case RelationType::kDetains:
      return sl != "Person" && tl == "Person";
    case RelationType::kMemberOf:
      return tl != "Person";
    case RelationType::kOperates:
      return sl != "Person";
    case RelationType::kLocatedIn:
      return tl == "Place" || tl == "State";
    case RelationType::kBasedIn:
      return tl == "State";
    case RelationType::kWorksFor:
      return sl == "Person" && tl != "Person";
  }
  return false;
}

// The document's focus for an accusation without an explicit target:
// the actor (other than the sources) mentioned most often so far.
int DocumentPass::Focus(const std::vector<int>& sources) const {
  int best = -1;
  int best_count = 0;
  for (const auto& [key, info] : counts_) {
    if (info.second > best_count) {
      bool is_source = false;
      for (int m : sources) {
        if (ctx_.mentions()[m].key == key) is_source = true;
      }
      if (is_source) continue;
      const Mention& mm = ctx_.mentions()[info.first];
      if (mm.label != "Organisation" && mm.label != "Person") continue;
      best = info.first;
      best_count = info.second;
    }
  }
  return best_count >= 2 ? best : -1;
}

void DocumentPass::NoteActors(size_t s) {
  size_t b = ctx_.SentenceBegin(s), e = ctx_.SentenceEnd(s);
  int first_actor = -1;
  for (size_t i = b; i < e;) {
    int m = ctx_.MentionAt(i);
    if (m < 0) {
      ++i;
      continue;
    }
    if (ctx_.IsActor(m) && !ctx_.mentions()[m].is_demonym) {
      auto& c = counts_[ctx_.mentions()[m].key];
      c.first = m;
      ++c.second;
      if (first_actor < 0 && !ctx_.IsLocativeOrModifier(m)) first_actor = m;
    }
    i = std::max(ctx_.MentionLast(m), i + 1);
  }
  bool had_event = !events_.empty() && events_.back().sentence == s;
  if (!had_event && first_actor >= 0) last_actor_ = first_actor;
  if (had_event) last_actor_ = events_.back().sources.front();
  if (sentence_subject_ >= 0) last_actor_ = sentence_subject_;
  sentence_subject_ = -1;
}

}  // namespace dossier::loaders
