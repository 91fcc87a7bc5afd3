// Attribute relations read from a mention's surroundings rather than from
// a trigger verb:
//   BASED_IN   Organisation → State: a demonym or country complement on the
//              organisation (le géant chinois, Bộ Công Thương Việt Nam,
//              Japan's National Police Agency, the Russia-based group X,
//              có trụ sở tại Singapore);
//   LOCATED_IN Facility/Organisation/Place → Place/State: explicit
//              containment (basé à Lyon, the Miami-based X, Tây An, Trung
//              Quốc; la région du Xinjiang en Chine);
//   WORKS_FOR  Person → State or Organisation: a title before or in
//              apposition to the person (ministre/Bộ trưởng/Minister →
//              the State; spokesman of a named body, company officer →
//              the body).
#ifndef DOSSIER_LOADERS_RELATIONS_ATTRIBUTES_H_
#define DOSSIER_LOADERS_RELATIONS_ATTRIBUTES_H_

#include <vector>

#include "loaders/relations/context.h"

namespace dossier::loaders {

// Appends the attribute relations of sentence `s` to `*out`.
void FindAttributes(const RelationContext& ctx, size_t s,
                    std::vector<FoundRelation>* out);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_RELATIONS_ATTRIBUTES_H_
