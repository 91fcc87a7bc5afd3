#include "graph/records.h"

#include <algorithm>

#include "graph/key_codec.h"
#include "graph/status_macros.h"
#include "graph/value_codec.h"

namespace dossier::graph {

absl::Status AppendPropertyList(const PropertyList& props, std::string* out) {
  PutVarint64(props.size(), out);
  for (const auto& [key, value] : props) {
    PutVarint64(key, out);
    DOSSIER_RETURN_IF_ERROR(EncodeValue(value, out));
  }
  return absl::OkStatus();
}

void AppendEdgeHead(NodeId src, NodeId dst, TypeId type, std::string* out) {
  AppendU64(src, out);
  AppendU64(dst, out);
  PutVarint64(type, out);
}

namespace {

absl::StatusOr<PropertyList> DecodeProps(std::string_view* in) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) {
    return absl::DataLossError("malformed record: bad property count");
  }
  PropertyList props;
  props.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key;
    if (!GetVarint64(in, &key) || key > 0xffffffffu) {
      return absl::DataLossError("malformed record: bad property key");
    }
    DOSSIER_ASSIGN_OR_RETURN(Value v, DecodeValue(in));
    props.emplace_back(static_cast<PropKeyId>(key), std::move(v));
  }
  return props;
}

}  // namespace

const Value* FindProperty(const PropertyList& props, PropKeyId key) {
  auto it = std::lower_bound(
      props.begin(), props.end(), key,
      [](const auto& p, PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? &it->second : nullptr;
}

void SetProperty(PropertyList* props, PropKeyId key, Value value) {
  auto it = std::lower_bound(
      props->begin(), props->end(), key,
      [](const auto& p, PropKeyId k) { return p.first < k; });
  bool present = it != props->end() && it->first == key;
  if (value.is_null()) {
    if (present) props->erase(it);
  } else if (present) {
    it->second = std::move(value);
  } else {
    props->emplace(it, key, std::move(value));
  }
}

bool NodeRecord::HasLabel(LabelId label) const {
  return std::binary_search(labels.begin(), labels.end(), label);
}

absl::StatusOr<std::string> EncodeNodeRecord(const NodeRecord& node) {
  std::string out;
  PutVarint64(node.labels.size(), &out);
  for (LabelId l : node.labels) PutVarint64(l, &out);
  DOSSIER_RETURN_IF_ERROR(AppendPropertyList(node.props, &out));
  return out;
}

absl::StatusOr<std::string> EncodeEdgeRecord(const EdgeRecord& edge) {
  std::string out;
  AppendEdgeHead(edge.src, edge.dst, edge.type, &out);
  DOSSIER_RETURN_IF_ERROR(AppendPropertyList(edge.props, &out));
  return out;
}

absl::StatusOr<NodeRecord> DecodeNodeRecord(NodeId id, std::string_view in) {
  NodeRecord node;
  node.id = id;
  uint64_t n;
  if (!GetVarint64(&in, &n) || n > in.size()) {
    return absl::DataLossError("malformed node record: bad label count");
  }
  node.labels.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t l;
    if (!GetVarint64(&in, &l) || l > 0xffffffffu) {
      return absl::DataLossError("malformed node record: bad label");
    }
    node.labels.push_back(static_cast<LabelId>(l));
  }
  DOSSIER_ASSIGN_OR_RETURN(node.props, DecodeProps(&in));
  return node;
}

absl::StatusOr<EdgeRecord> DecodeEdgeRecord(EdgeId id, std::string_view in) {
  EdgeRecord edge;
  edge.id = id;
  if (in.size() < 16) return absl::DataLossError("malformed edge record");
  edge.src = ReadU64(in, 0);
  edge.dst = ReadU64(in, 8);
  in.remove_prefix(16);
  uint64_t type;
  if (!GetVarint64(&in, &type) || type > 0xffffffffu) {
    return absl::DataLossError("malformed edge record: bad type");
  }
  edge.type = static_cast<TypeId>(type);
  DOSSIER_ASSIGN_OR_RETURN(edge.props, DecodeProps(&in));
  return edge;
}

}  // namespace dossier::graph
