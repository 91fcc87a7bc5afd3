// Decoded node and relationship records, and their binary layout.
//
// Node record:  varint label count, varint label ids, property list.
// Edge record:  u64 src, u64 dst, varint type, property list.
// Property list: varint count, then (varint key id, encoded value) pairs
// sorted by key id (graph/value_codec.h).
#ifndef DOSSIER_GRAPH_RECORDS_H_
#define DOSSIER_GRAPH_RECORDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::graph {

// Properties of a node or relationship, sorted by key id, no nulls.
using PropertyList = std::vector<std::pair<PropKeyId, Value>>;

// Returns the value of `key` in `props`, or nullptr.
const Value* FindProperty(const PropertyList& props, PropKeyId key);
// Sets `key` to `value` in `props` (null removes it); keeps the order.
void SetProperty(PropertyList* props, PropKeyId key, Value value);

struct NodeRecord {
  NodeId id = 0;
  std::vector<LabelId> labels;  // Sorted, unique.
  PropertyList props;

  bool HasLabel(LabelId label) const;
};

struct EdgeRecord {
  EdgeId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  TypeId type = 0;
  PropertyList props;

  EdgeRef Ref() const { return EdgeRef{id, src, dst, type}; }
};

// Appends `props` in the property-list layout above. Errors: InvalidArgument
// when a value is not storable (`out` then holds a partial list).
absl::Status AppendPropertyList(const PropertyList& props, std::string* out);
// Appends the head of an edge record; the record is the head followed by its
// property list (what EncodeEdgeRecord writes).
void AppendEdgeHead(NodeId src, NodeId dst, TypeId type, std::string* out);

// Encoders return InvalidArgument when a property value is not storable.
absl::StatusOr<std::string> EncodeNodeRecord(const NodeRecord& node);
absl::StatusOr<std::string> EncodeEdgeRecord(const EdgeRecord& edge);
// Decoders return DataLoss on malformed bytes. `id` is the record's key.
absl::StatusOr<NodeRecord> DecodeNodeRecord(NodeId id, std::string_view bytes);
absl::StatusOr<EdgeRecord> DecodeEdgeRecord(EdgeId id, std::string_view bytes);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_RECORDS_H_
