// Argument attachment: who is the subject (source side) and who are the
// objects (target side) of a trigger, with coordination ("X, Y et Z"),
// agents of passives (par/by/bởi X), report frames (selon X) and genitive
// authors of nominal forms (les accusations de X, X's allegations).
#ifndef DOSSIER_LOADERS_RELATIONS_ARGUMENTS_H_
#define DOSSIER_LOADERS_RELATIONS_ARGUMENTS_H_

#include <cstddef>
#include <vector>

#include "loaders/relations/context.h"

namespace dossier::loaders {

// The actor mentions that are the subject of the trigger starting at token
// `trigger` in sentence `s`: the nearest actor on its left within the
// clause (skipping locatives, bare demonyms and parentheses), extended to
// the parties coordinated with it. Empty when there is none.
// At most `max_words` words between the subject and the trigger.
std::vector<int> SubjectsBefore(const RelationContext& ctx, size_t s,
                                size_t trigger, size_t max_words = 40);

// The actor mentions that are the objects of a trigger ending at token
// `from` (exclusive of it): the first actor within `window` words on its
// right in the clause, extended to the parties coordinated with it.
std::vector<int> ObjectsAfter(const RelationContext& ctx, size_t s, size_t from,
                              size_t window = 6);

// The agent of a passive: the actors after the first agent preposition
// (par/by/bởi) within the clause after `from`. Empty when there is none.
std::vector<int> AgentAfter(const RelationContext& ctx, size_t s, size_t from);

// The coordinated parties starting at mention `m` going right (m first).
std::vector<int> CoordinatedRight(const RelationContext& ctx, size_t s, int m);

// True when a negation or hypothesis cue stands between the clause start
// and the trigger [trigger, trigger_end) or just after it.
bool IsNegatedOrHypothetical(const RelationContext& ctx, size_t s,
                             size_t trigger, size_t trigger_end);

// True when a passive auxiliary (été, was, bị) stands just before
// `trigger` (adverbs allowed in between).
bool IsPassive(const RelationContext& ctx, size_t s, size_t trigger);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_ARGUMENTS_H_
