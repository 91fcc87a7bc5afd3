// The compact binary encoding of property values (stored in node and edge
// records).
//
// Layout: one tag byte, then the payload — nothing for null; nothing for the
// two booleans (tags 1, 2); zigzag varint for integers; 8 bytes little-endian
// IEEE-754 for doubles; varint length + bytes for strings; varint count +
// elements for lists; varint count + (varint key length, key, value) for maps.
// Node, relationship and path values are not storable.
#ifndef DOSSIER_GRAPH_VALUE_CODEC_H_
#define DOSSIER_GRAPH_VALUE_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::graph {

// Appends the encoding of `value` to `out`. Returns InvalidArgument when the
// value holds a node, relationship or path (and leaves `out` unspecified).
absl::Status EncodeValue(const Value& value, std::string* out);

// Decodes one value from the front of `*in` and advances `*in` past it.
// Returns DataLoss on truncated or malformed input (never crashes, whatever
// the bytes); nesting deeper than 256 levels is malformed.
absl::StatusOr<Value> DecodeValue(std::string_view* in);

// Varint helpers shared by the record and key codecs.
void PutVarint64(uint64_t v, std::string* out);
bool GetVarint64(std::string_view* in, uint64_t* v);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_VALUE_CODEC_H_
