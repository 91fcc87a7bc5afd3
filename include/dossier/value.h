// Values of the embedding API: re-exported from the graph layer.
//
// A Value is null, a boolean, a 64-bit integer, a double, a string, a list,
// a map, or a node / relationship / path reference (see dossier::Result for
// the labels and properties of the nodes and relationships a result holds).
#ifndef DOSSIER_VALUE_H_
#define DOSSIER_VALUE_H_

#include "graph/value.h"

namespace dossier {

using graph::EdgeId;
using graph::EdgeRef;
using graph::NodeId;
using graph::PathValue;
using graph::Value;
using graph::ValueKind;
using graph::ValueList;
using graph::ValueMap;
// The text of a double as query results print it (1.0, 1000.0, 1e21).
using graph::DoubleText;

}  // namespace dossier

#endif  // DOSSIER_VALUE_H_
