// Direction: which relationships of a node a traversal follows.
#ifndef DOSSIER_GRAPH_DIRECTION_H_
#define DOSSIER_GRAPH_DIRECTION_H_

#include <cstdint>

namespace dossier::graph {

// Seen from the node expanded: its outgoing relationships, its incoming ones
// (walked backwards), or both (the undirected view).
enum class Direction : uint8_t { kOut, kIn, kBoth };

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_DIRECTION_H_
