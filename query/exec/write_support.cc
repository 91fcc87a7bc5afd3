#include "query/exec/write_support.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/operators.h"
#include "query/values/errors.h"

namespace dossier::query::internal {

using graph::CatalogKind;
using graph::Value;
using graph::ValueKind;

absl::Status CheckPropertyValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
      return absl::OkStatus();
    case ValueKind::kList:
      for (const auto& x : v.AsList()) {
        if (x.kind() == ValueKind::kList || x.kind() == ValueKind::kMap ||
            x.kind() == ValueKind::kNode || x.kind() == ValueKind::kEdge ||
            x.kind() == ValueKind::kPath) {
          return TypeError("InvalidPropertyType",
                           "a property list cannot hold a " +
                               std::string(graph::KindName(x.kind())));
        }
      }
      return absl::OkStatus();
    case ValueKind::kMap:
    case ValueKind::kNode:
    case ValueKind::kEdge:
    case ValueKind::kPath:
      return TypeError("InvalidPropertyType",
                       "a property cannot be a " +
                           std::string(graph::KindName(v.kind())));
  }
  return absl::OkStatus();
}

namespace {

absl::StatusOr<graph::PropertyList> ToProperties(ExecContext* ctx,
                                                 const graph::ValueMap& map) {
  graph::PropertyList props;
  for (const auto& [k, v] : map) {
    if (v.is_null()) continue;
    DOSSIER_RETURN_IF_ERROR(CheckPropertyValue(v));
    DOSSIER_ASSIGN_OR_RETURN(uint32_t key, ctx->GetOrCreate(CatalogKind::kPropKey, k));
    graph::SetProperty(&props, key, v);
  }
  return props;
}

absl::StatusOr<graph::ValueMap> EvalMap(Evaluator* eval, const Expr* e,
                                        const Layout& layout, const Row& row,
                                        bool merge) {
  if (e == nullptr) return graph::ValueMap{};
  DOSSIER_ASSIGN_OR_RETURN(Value v, eval->Eval(*e, layout, row));
  if (v.is_null()) return graph::ValueMap{};
  if (v.kind() != ValueKind::kMap) {
    return TypeError(kInvalidArgumentType, "a property map must be a MAP");
  }
  if (merge) {
    for (const auto& [k, x] : v.AsMap()) {
      if (x.is_null()) {
        return SemanticError("MergeReadOwnWrites",
                             "cannot merge with a null property value for `" +
                                 k + "`");
      }
    }
  }
  return v.AsMap();
}

}  // namespace

absl::Status SetProperty(ExecContext* ctx, const Value& entity,
                         std::string_view key, const Value& value) {
  if (entity.is_null()) return absl::OkStatus();
  DOSSIER_RETURN_IF_ERROR(CheckPropertyValue(value));
  const graph::PropertyList* props = nullptr;
  if (entity.kind() == ValueKind::kNode) {
    DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, ctx->Node(entity.AsNode()));
    props = &rec->props;
  } else if (entity.kind() == ValueKind::kEdge) {
    DOSSIER_ASSIGN_OR_RETURN(const graph::EdgeRecord* rec, ctx->Edge(entity.AsEdge().id));
    props = &rec->props;
  } else {
    return TypeError(kInvalidArgumentType,
                     "cannot set a property on a " +
                         std::string(graph::KindName(entity.kind())));
  }
  auto existing = ctx->FindKey(key);
  bool had = existing && graph::FindProperty(*props, *existing) != nullptr;
  if (value.is_null() && !had) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(uint32_t id, ctx->GetOrCreate(CatalogKind::kPropKey, key));
  if (entity.kind() == ValueKind::kNode) {
    DOSSIER_RETURN_IF_ERROR(ctx->TouchNode(entity.AsNode()));
    DOSSIER_RETURN_IF_ERROR(ctx->txn().SetNodeProperty(entity.AsNode(), id, value));
    ctx->Invalidate(entity.AsNode());
  } else {
    DOSSIER_RETURN_IF_ERROR(ctx->TouchEdge(entity.AsEdge().id));
    DOSSIER_RETURN_IF_ERROR(ctx->txn().SetEdgeProperty(entity.AsEdge().id, id, value));
    ctx->InvalidateEdge(entity.AsEdge().id);
  }
  ctx->NoteWrite();
  if (had) ++ctx->stats().properties_removed;
  if (!value.is_null()) ++ctx->stats().properties_set;
  return absl::OkStatus();
}

absl::Status ApplySetItem(ExecContext* ctx, Evaluator* eval,
                          const SetItem& item, const Layout& layout,
                          const Row& row) {
  switch (item.kind) {
    case SetItem::Kind::kProperty: {
      const auto& p = item.target->As<PropertyExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value entity, eval->Eval(*p.object, layout, row));
      DOSSIER_ASSIGN_OR_RETURN(Value v, eval->Eval(*item.value, layout, row));
      return SetProperty(ctx, entity, p.key, v);
    }
    case SetItem::Kind::kReplaceAll:
    case SetItem::Kind::kMergeMap: {
      int slot = layout.Find(item.variable);
      if (slot < 0) return absl::InternalError("SET of an unknown variable");
      const Value& entity = row[slot];
      if (entity.is_null()) return absl::OkStatus();
      DOSSIER_ASSIGN_OR_RETURN(Value v, eval->Eval(*item.value, layout, row));
      graph::ValueMap map;
      if (v.kind() == ValueKind::kNode || v.kind() == ValueKind::kEdge) {
        DOSSIER_ASSIGN_OR_RETURN(map, eval->Properties(v));
      } else if (v.kind() == ValueKind::kMap) {
        map = v.AsMap();
      } else if (!v.is_null()) {
        return TypeError(kInvalidArgumentType, "SET expects a MAP");
      }
      if (item.kind == SetItem::Kind::kReplaceAll) {
        DOSSIER_ASSIGN_OR_RETURN(graph::ValueMap old, eval->Properties(entity));
        for (const auto& [k, unused] : old) {
          if (map.find(k) == map.end()) {
            DOSSIER_RETURN_IF_ERROR(SetProperty(ctx, entity, k, Value::Null()));
          }
        }
      }
      for (const auto& [k, x] : map) {
        DOSSIER_RETURN_IF_ERROR(SetProperty(ctx, entity, k, x));
      }
      return absl::OkStatus();
    }
    case SetItem::Kind::kLabels: {
      int slot = layout.Find(item.variable);
      if (slot < 0) return absl::InternalError("SET of an unknown variable");
      const Value& node = row[slot];
      if (node.is_null()) return absl::OkStatus();
      if (node.kind() != ValueKind::kNode) {
        return TypeError(kInvalidArgumentType, "labels can only be set on nodes");
      }
      for (const auto& l : item.labels) {
        DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, ctx->Node(node.AsNode()));
        DOSSIER_ASSIGN_OR_RETURN(uint32_t id, ctx->GetOrCreate(CatalogKind::kLabel, l));
        if (rec->HasLabel(id)) continue;
        DOSSIER_RETURN_IF_ERROR(ctx->TouchNode(node.AsNode()));
        DOSSIER_RETURN_IF_ERROR(ctx->txn().AddLabel(node.AsNode(), id));
        ctx->Invalidate(node.AsNode());
        ctx->NoteWrite();
        ++ctx->stats().labels_added;
      }
      return absl::OkStatus();
    }
  }
  return absl::OkStatus();
}

absl::Status CreatePattern(ExecContext* ctx, Evaluator* eval,
                           const PathPattern& pattern, const Layout& layout,
                           Row* row, bool merge) {
  std::vector<graph::NodeId> nodes;
  for (const NodePattern& n : pattern.nodes) {
    int slot = n.variable.empty() ? -1 : layout.Find(n.variable);
    if (slot >= 0 && slot < static_cast<int>(row->size()) &&
        !(*row)[slot].is_null()) {
      const Value& v = (*row)[slot];
      if (v.kind() != ValueKind::kNode) {
        return TypeError(kInvalidArgumentType,
                         "`" + n.variable + "` is not a node");
      }
      nodes.push_back(v.AsNode());
      continue;
    }
    std::vector<graph::LabelId> labels;
    for (const auto& l : n.labels) {
      DOSSIER_ASSIGN_OR_RETURN(uint32_t id, ctx->GetOrCreate(CatalogKind::kLabel, l));
      if (std::find(labels.begin(), labels.end(), id) == labels.end()) labels.push_back(id);
    }
    DOSSIER_ASSIGN_OR_RETURN(graph::ValueMap map,
                             EvalMap(eval, n.properties.get(), layout, *row, merge));
    DOSSIER_ASSIGN_OR_RETURN(graph::PropertyList props, ToProperties(ctx, map));
    int64_t nprops = static_cast<int64_t>(props.size());
    DOSSIER_ASSIGN_OR_RETURN(graph::NodeId id, ctx->txn().CreateNode(labels, std::move(props)));
    ctx->NoteCreatedNode(id);
    ctx->NoteWrite();
    ++ctx->stats().nodes_created;
    ctx->stats().labels_added += static_cast<int64_t>(labels.size());
    ctx->stats().properties_set += nprops;
    if (slot >= 0) (*row)[slot] = Value::Node(id);
    nodes.push_back(id);
  }
  std::vector<graph::EdgeRef> edges;
  for (size_t i = 0; i < pattern.rels.size(); ++i) {
    const RelPattern& r = pattern.rels[i];
    int slot = r.variable.empty() ? -1 : layout.Find(r.variable);
    if (r.types.size() != 1) {
      return SyntaxError("NoSingleRelationshipType",
                         "a created relationship needs exactly one type");
    }
    DOSSIER_ASSIGN_OR_RETURN(uint32_t type, ctx->GetOrCreate(CatalogKind::kType, r.types[0]));
    DOSSIER_ASSIGN_OR_RETURN(graph::ValueMap map,
                             EvalMap(eval, r.properties.get(), layout, *row, merge));
    DOSSIER_ASSIGN_OR_RETURN(graph::PropertyList props, ToProperties(ctx, map));
    int64_t nprops = static_cast<int64_t>(props.size());
    graph::NodeId src = nodes[i], dst = nodes[i + 1];
    if (r.direction == Direction::kLeft) std::swap(src, dst);
    DOSSIER_ASSIGN_OR_RETURN(graph::EdgeId id,
                             ctx->txn().CreateEdge(src, dst, type, std::move(props)));
    ctx->NoteCreatedEdge(id);
    ctx->NoteWrite();
    ++ctx->stats().relationships_created;
    ctx->stats().properties_set += nprops;
    graph::EdgeRef ref{id, src, dst, type};
    if (slot >= 0) (*row)[slot] = Value::Edge(ref);
    edges.push_back(ref);
  }
  if (!pattern.variable.empty()) {
    int slot = layout.Find(pattern.variable);
    if (slot >= 0) (*row)[slot] = Value::Path(graph::PathValue{nodes, edges});
  }
  return absl::OkStatus();
}

namespace {

absl::StatusOr<bool> HasLiveEdges(ExecContext* ctx, graph::NodeId node,
                                  std::vector<graph::EdgeRef>* edges) {
  bool any = false;
  DOSSIER_RETURN_IF_ERROR(ctx->txn().Expand(
      node, graph::Direction::kBoth, {}, [&](const graph::EdgeRef& e) {
        if (ctx->IsDeletedEdge(e.id)) return true;
        any = true;
        if (edges != nullptr) edges->push_back(e);
        return edges != nullptr;
      }));
  return any;
}

absl::Status DeleteEdge(ExecContext* ctx, const graph::EdgeRef& e) {
  if (ctx->IsDeletedEdge(e.id)) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(const graph::EdgeRecord* rec, ctx->Edge(e.id));
  graph::EdgeRecord last = *rec;
  DOSSIER_RETURN_IF_ERROR(ctx->TouchEdge(e.id));
  DOSSIER_RETURN_IF_ERROR(ctx->txn().DeleteEdge(e.id));
  ctx->MarkDeletedEdge(std::move(last));
  ++ctx->stats().relationships_deleted;
  return absl::OkStatus();
}

absl::Status DeleteNode(ExecContext* ctx, graph::NodeId id, bool detach) {
  if (ctx->IsDeletedNode(id)) return absl::OkStatus();
  std::vector<graph::EdgeRef> edges;
  DOSSIER_ASSIGN_OR_RETURN(bool connected, HasLiveEdges(ctx, id, &edges));
  DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, ctx->Node(id));
  graph::NodeRecord last = *rec;
  DOSSIER_RETURN_IF_ERROR(ctx->TouchNode(id));
  if (connected && detach) {
    for (const auto& e : edges) DOSSIER_RETURN_IF_ERROR(DeleteEdge(ctx, e));
    connected = false;
  }
  if (connected) {
    // Checked again at the end: the query may still delete the edges.
    ctx->pending_node_deletes().push_back(id);
  } else {
    DOSSIER_RETURN_IF_ERROR(ctx->txn().DeleteNode(id, /*detach=*/false));
  }
  ctx->MarkDeletedNode(std::move(last));
  ++ctx->stats().nodes_deleted;
  return absl::OkStatus();
}

}  // namespace

absl::Status DeleteValue(ExecContext* ctx, const Value& v, bool detach) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return absl::OkStatus();
    case ValueKind::kNode:
      return DeleteNode(ctx, v.AsNode(), detach);
    case ValueKind::kEdge:
      return DeleteEdge(ctx, v.AsEdge());
    case ValueKind::kPath:
      for (const auto& e : v.AsPath().edges) DOSSIER_RETURN_IF_ERROR(DeleteEdge(ctx, e));
      for (auto n : v.AsPath().nodes) DOSSIER_RETURN_IF_ERROR(DeleteNode(ctx, n, detach));
      return absl::OkStatus();
    case ValueKind::kList:
      for (const auto& x : v.AsList()) DOSSIER_RETURN_IF_ERROR(DeleteValue(ctx, x, detach));
      return absl::OkStatus();
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
    case ValueKind::kMap:
      return TypeError(kInvalidArgumentType,
                       "DELETE expects a node, relationship or path, not " +
                           std::string(graph::KindName(v.kind())));
  }
  return absl::OkStatus();
}

absl::Status FinishDeletes(ExecContext* ctx) {
  for (graph::NodeId id : ctx->pending_node_deletes()) {
    DOSSIER_ASSIGN_OR_RETURN(bool connected, HasLiveEdges(ctx, id, nullptr));
    if (connected) {
      return QueryError(kConstraintVerificationFailed, "DeleteConnectedNode",
                        "cannot delete a node that still has relationships; "
                        "use DETACH DELETE");
    }
    DOSSIER_RETURN_IF_ERROR(ctx->txn().DeleteNode(id, /*detach=*/false));
  }
  ctx->pending_node_deletes().clear();
  return absl::OkStatus();
}

}  // namespace dossier::query::internal
