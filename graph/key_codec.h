// Order-preserving key encoding: the one place that lays out RocksDB keys.
//
// Integers are big-endian (ids sort numerically). Indexed property values are
// encoded so that byte order is Cypher's order within a type: a type tag
// first (booleans < numbers < strings, so a range seek never mixes types);
// integers and doubles share one numeric order (1 < 1.5 < 2, 2 == 2.0);
// strings sort by their UTF-8 bytes (code point order), escaped so that they
// can be followed by more key fields.
//
// Column families and key layouts (docs/architecture.md):
//   nodes  node id                            -> labels + properties
//   edges  edge id                            -> src, dst, type, properties
//   out    src | type | dst | edge id         -> ""
//   in     dst | type | src | edge id         -> ""
//   label  label | node id                    -> ""
//   prop   label | key | value | node id      -> ""
//   alias  label | folded name                -> node id
//   docs   article id                         -> node id
//   meta   text keys                          -> format version, counters,
//                                                catalog
#ifndef DOSSIER_GRAPH_KEY_CODEC_H_
#define DOSSIER_GRAPH_KEY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/value.h"

namespace dossier::graph {

// Strings longer than this are truncated in index keys; lookups re-check the
// stored value of a candidate whose key was truncated.
inline constexpr size_t kMaxIndexedStringBytes = 256;

void AppendU32(uint32_t v, std::string* out);
void AppendU64(uint64_t v, std::string* out);
// REQUIRES: in.size() >= 4 (resp. 8) at `pos`.
uint32_t ReadU32(std::string_view in, size_t pos = 0);
uint64_t ReadU64(std::string_view in, size_t pos = 0);

// True when `value` can appear in the property index (booleans, numbers and
// strings; null, lists and maps are not indexed).
bool IsIndexable(const Value& value);

// Appends the ordered encoding of an indexable value. Returns false (and
// appends nothing) for a value that is not indexable. Sets *truncated when a
// long string was cut to kMaxIndexedStringBytes.
bool AppendOrderedValue(const Value& value, std::string* out,
                        bool* truncated = nullptr);

// The type tag that starts the ordered encoding of `value`, or 0 when it is
// not indexable. Values of one tag are mutually comparable.
uint8_t OrderedTag(const Value& value);

// Key builders, one per column family.
std::string NodeKey(NodeId id);
std::string EdgeKey(EdgeId id);
std::string AdjKey(NodeId from, TypeId type, NodeId to, EdgeId id);
// Appends AdjKey(from, type, to, id) to `out` (no allocation when it fits).
void AppendAdjKey(NodeId from, TypeId type, NodeId to, EdgeId id,
                  std::string* out);
std::string AdjPrefix(NodeId from);
std::string AdjPrefix(NodeId from, TypeId type);
std::string LabelKey(LabelId label, NodeId id);
std::string LabelPrefix(LabelId label);
std::string PropPrefix(LabelId label, PropKeyId key);
std::string AliasKey(LabelId label, std::string_view folded_name);

// Decoded adjacency key (out or in family).
struct AdjEntry {
  NodeId from;
  TypeId type;
  NodeId to;
  EdgeId id;
};
AdjEntry DecodeAdjKey(std::string_view key);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_KEY_CODEC_H_
