#include "loaders/relations/arguments.h"

#include <algorithm>

namespace dossier::loaders {
namespace {

bool IsDeterminerOrFiller(std::string_view w) {
  static constexpr std::string_view kFiller[] = {
      "le",           "la",        "les",        "l",          "un",
      "une",          "des",       "du",         "the",        "a",
      "an",           "its",       "his",        "her",        "their",
      "son",          "sa",        "ses",        "leur",       "leurs",
      "nhom",         "cong",      "ty",         "tap",        "doan",
      "cac",          "nhung",     "hai",        "ca",         "both",
      "also",         "aussi",     "egalement",  "formally",   "officiellement",
      "publiquement", "publicly",  "already",    "deja",       "ensuite",
      "then",         "group",     "groupe",     "firm",       "firme",
      "company",      "societe",   "entreprise", "gang",       "hacker",
      "hackers",      "pirates",   "programmer", "national",   "resident",
      "nationals",    "chipmaker", "partner",    "partenaire", "associate",
      "leader",       "chef"};
  for (std::string_view f : kFiller) {
    if (w == f) return true;
  }
  return false;
}

// Mentions inside parentheses are glosses ("(BFAR)"), not arguments.
bool InParentheses(const RelationContext& ctx, size_t s, size_t i) {
  size_t b = ctx.SentenceBegin(s);
  for (size_t j = i; j > b; --j) {
    if (ctx.IsPunct(j - 1, ")")) return false;
    if (ctx.IsPunct(j - 1, "(")) return true;
  }
  return false;
}

bool GoodArgument(const RelationContext& ctx, size_t s, int m) {
  return ctx.IsActor(m) && !ctx.IsBareDemonym(m) &&
         !ctx.IsLocativeOrModifier(m) &&
         !InParentheses(ctx, s, ctx.MentionFirst(m));
}

// True when tokens [a, b) may join two coordinated parties: a comma or a
// coordinator, plus at most two filler words or bare demonyms.
bool CoordinationGap(const RelationContext& ctx, size_t a, size_t b,
                     bool* saw_coordinator) {
  if (a >= b) return false;
  bool link = false;
  int filler = 0;
  int unknown = 0;
  for (size_t i = a; i < b;) {
    const RelToken& t = ctx.tok(i);
    size_t len = 0;
    if (!t.word) {
      if (t.folded == "(" && i + 1 < b && ctx.tok(i + 1).mention >= 0) {
        ++i;
        continue;
      }
      if (t.folded == "," || t.folded == "\"" || t.folded == "\xC2\xAB" ||
          t.folded == "\xC2\xBB") {
        link = link || t.folded == ",";
        ++i;
        continue;
      }
      return false;
    }
    if (t.mention >= 0) {
      size_t last = ctx.MentionLast(t.mention);
      // "X (transcription of X) và Y": a gloss in parentheses.
      bool gloss = i > a && ctx.IsPunct(i - 1, "(") && last < b &&
                   ctx.IsPunct(last, ")");
      if (gloss) {
        i = last + 1;
        continue;
      }
      if (!ctx.mentions()[t.mention].is_demonym) return false;
      i = last;
      ++filler;
      continue;
    }
    if (ctx.CueAt(Cue::kCoordinator, i, &len)) {
      link = true;
      *saw_coordinator = true;
      i += len;
      continue;
    }
    // "de Huawei et de ZTE", "of X and of Y".
    if (*saw_coordinator && ctx.CueAt(Cue::kGenitive, i, &len)) {
      i += len;
      continue;
    }
    if (IsDeterminerOrFiller(t.folded) || t.folded == "dont" ||
        t.folded == "including" || t.folded == "among" || t.folded == "them" ||
        t.folded == "notamment" || t.folded == "gom") {
      ++filler;
      ++i;
      continue;
    }
    // Vietnamese counts syllables: "liên minh tình báo" is one noun.
    int max_unknown = ctx.lang() == "vi" ? 4 : 2;
    if (unknown < max_unknown &&
        !ctx.tables().triggers.MatchesAt(ctx.tokens(), i) &&
        !ctx.CueAt(Cue::kGenitive, i) && !ctx.CueAt(Cue::kLocative, i) &&
        !ctx.CueAt(Cue::kKindPrep, i) && !ctx.CueAt(Cue::kComplementizer, i)) {
      // "the Five Eyes intelligence alliance and Microsoft": a common noun
      // or two describing the party before the coordinator.
      ++unknown;
      ++i;
      continue;
    }
    return false;
  }
  return link && filler <= 3 && (unknown == 0 || *saw_coordinator);
}

}  // namespace

std::vector<int> CoordinatedRight(const RelationContext& ctx, size_t s, int m) {
  std::vector<int> out = {m};
  size_t end = ctx.SentenceEnd(s);
  size_t pos = ctx.MentionLast(m);
  while (pos < end) {
    // Find the next good mention within 6 tokens.
    size_t j = pos;
    int next = -1;
    while (j < end && j < pos + 7) {
      int k = ctx.MentionAt(j);
      if (k >= 0 && !ctx.mentions()[k].is_demonym &&
          ctx.mentions()[k].key != ctx.mentions()[out.back()].key) {
        next = k;
        break;
      }
      j = k >= 0 ? ctx.MentionLast(k) : j + 1;
    }
    if (next < 0) break;
    bool coord = false;
    if (!CoordinationGap(ctx, pos, ctx.MentionFirst(next), &coord)) break;
    if (!GoodArgument(ctx, s, next)) break;
    // A comma alone joins only within a list that ends with a coordinator
    // or continues; an apposition of another label stops the list.
    if (!coord &&
        ctx.mentions()[next].label != ctx.mentions()[out.back()].label) {
      break;
    }
    if (std::find(out.begin(), out.end(), next) == out.end()) {
      out.push_back(next);
    }
    pos = ctx.MentionLast(next);
  }
  return out;
}

std::vector<int> SubjectsBefore(const RelationContext& ctx, size_t s,
                                size_t trigger, size_t max_words) {
  size_t start = ctx.ClauseStart(s, trigger);
  int found = -1;
  bool comma_seen = false;      // A comma between the scan and the trigger.
  bool found_comma = false;     // A comma between `found` and the trigger.
  bool genitive_found = false;  // `found` follows de/of/của.
  bool skipped_genitive = false;
  size_t words = 0;
  for (size_t i = trigger; i > start;) {
    --i;
    int m = ctx.MentionAt(i);
    if (m < 0) {
      if (ctx.tok(i).word && ++words > max_words && found < 0) break;
      if (ctx.IsPunct(i, ",")) comma_seen = true;
      // ", qui/which/vốn ...,": a closed relative clause before the
      // trigger; its parties are not the subject, its antecedent is.
      if (found >= 0 && found_comma && i > start && ctx.IsPunct(i - 1, ",") &&
          ctx.CueAt(Cue::kRelative, i)) {
        found = -1;
      }
      continue;
    }
    i = ctx.MentionFirst(m);
    if (found >= 0) {
      // "Facebook của Mỹ cáo buộc", "la présidence de X": a complement
      // gives way to the head it completes.
      if (genitive_found && !comma_seen && GoodArgument(ctx, s, m)) {
        found = m;
        break;
      }
      // "Des responsables X sous la présidence de Y et celle de son
      // prédécesseur, Z, ont ...": an apposition inside a complement.
      bool genitive_m = i > start && ctx.MentionAt(i - 1) < 0 &&
                        ctx.CueAt(Cue::kGenitive, i - 1);
      if (found_comma && genitive_m) {
        skipped_genitive = true;
        continue;
      }
      if (found_comma && (skipped_genitive || genitive_found) &&
          GoodArgument(ctx, s, m)) {
        // "HPE, khách hàng ... của Microsoft, cho biết": the head before
        // an apposition ending in a complement.
        found = m;
      }
      break;
    }
    if (GoodArgument(ctx, s, m)) {
      found = m;
      found_comma = comma_seen;
      genitive_found = i > start && ctx.MentionAt(i - 1) < 0 &&
                       ctx.CueAt(Cue::kGenitive, i - 1);
      if (!comma_seen && !genitive_found) break;
    }
  }
  if (found < 0) return {};
  // Coordinated parties to the left: "X, Y et Z accusent".
  std::vector<int> left = {found};
  size_t pos = ctx.MentionFirst(found);
  bool any_coord = false;
  while (pos > start) {
    size_t j = pos;
    int prev = -1;
    while (j > start && j + 7 > pos) {
      --j;
      int k = ctx.MentionAt(j);
      if (k >= 0 && !ctx.mentions()[k].is_demonym) {
        prev = k;
        break;
      }
      if (k >= 0) j = ctx.MentionFirst(k);
    }
    if (prev < 0) break;
    bool coord = false;
    if (!CoordinationGap(ctx, ctx.MentionLast(prev), pos, &coord)) break;
    if (!GoodArgument(ctx, s, prev)) break;
    any_coord = any_coord || coord;
    left.push_back(prev);
    pos = ctx.MentionFirst(prev);
  }
  if (!any_coord) left.resize(1);
  std::reverse(left.begin(), left.end());
  std::vector<int> out;
  for (int m : left) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

std::vector<int> ObjectsAfter(const RelationContext& ctx, size_t s, size_t from,
                              size_t window) {
  size_t end = ctx.ClauseEnd(s, from);
  // "sanctioned two entities: X, ...": a colon announces the objects.
  if (end < ctx.SentenceEnd(s) && ctx.IsPunct(end, ":") &&
      end + 1 < ctx.SentenceEnd(s) && ctx.MentionAt(end + 1) >= 0) {
    end = ctx.ClauseEnd(s, end + 1);
  }
  size_t words = 0;
  for (size_t i = from; i < end && words < window;) {
    int m = ctx.MentionAt(i);
    if (m >= 0) {
      if (GoodArgument(ctx, s, m)) return CoordinatedRight(ctx, s, m);
      i = ctx.MentionLast(m);
      ++words;
      continue;
    }
    if (ctx.tok(i).word) ++words;
    ++i;
  }
  return {};
}

std::vector<int> AgentAfter(const RelationContext& ctx, size_t s, size_t from) {
  size_t end = ctx.ClauseEnd(s, from);
  for (size_t i = from; i < end && i < from + 12; ++i) {
    if (ctx.MentionAt(i) >= 0) continue;
    size_t len = 0;
    if (!ctx.CueAt(Cue::kAgent, i, &len)) continue;
    // The agent: the first actor within four words; a demonym after an
    // authority noun counts ("par le gouvernement américain").
    size_t words = 0;
    for (size_t j = i + len; j < end && words < 5;) {
      int m = ctx.MentionAt(j);
      if (m >= 0) {
        if (ctx.IsActor(m) && !ctx.IsBareDemonym(m)) {
          return CoordinatedRight(ctx, s, m);
        }
        // "par des sanctions américaines": the demonym of a measure.
        if (ctx.mentions()[m].is_demonym &&
            ctx.mentions()[m].label == "State") {
          return {m};
        }
        j = ctx.MentionLast(m);
        ++words;
        continue;
      }
      if (ctx.tok(j).word) ++words;
      ++j;
    }
    return {};
  }
  return {};
}

bool IsNegatedOrHypothetical(const RelationContext& ctx, size_t s,
                             size_t trigger, size_t trigger_end) {
  size_t start = ctx.ClauseStart(s, trigger);
  size_t from = trigger > start + 5 ? trigger - 5 : start;
  for (size_t i = from; i < trigger; ++i) {
    if (ctx.MentionAt(i) >= 0) continue;
    if (ctx.CueAt(Cue::kNegation, i) || ctx.CueAt(Cue::kHypothesis, i)) {
      return true;
    }
  }
  // "n'accuse pas", "ne dément pas".
  if (trigger_end < ctx.SentenceEnd(s) &&
      (ctx.tok(trigger_end).folded == "pas" ||
       ctx.tok(trigger_end).folded == "jamais")) {
    return true;
  }
  return false;
}

bool IsPassive(const RelationContext& ctx, size_t s, size_t trigger) {
  size_t b = ctx.SentenceBegin(s);
  for (size_t back = 1; back <= 3 && back <= trigger - b; ++back) {
    size_t i = trigger - back;
    if (!ctx.tok(i).word || ctx.MentionAt(i) >= 0) return false;
    if (ctx.CueAt(Cue::kPassiveAux, i)) return true;
    std::string_view f = ctx.tok(i).folded;
    bool adverb = f == "egalement" || f == "aussi" || f == "deja" ||
                  f == "also" || f == "formally" || f == "publicly" ||
                  f == "officially" || f == "officiellement" ||
                  f == "already" || f == "cung" || f == "da" || f == "tung";
    if (!adverb) return false;
  }
  return false;
}

}  // namespace dossier::loaders
