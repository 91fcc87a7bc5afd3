#include "cli/export_graph.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace dossier::cli {
namespace {

void AddNode(const Result& r, NodeId id, ExportGraph* g) {
  if (g->nodes.count(id)) return;
  const EntityData* e = r.Node(id);
  if (e == nullptr) return;  // Fetched later as a missing endpoint.
  g->nodes.emplace(id, ExportNode{id, e->labels, e->properties});
}

void AddEdge(const Result& r, const EdgeRef& ref, ExportGraph* g) {
  if (g->edges.count(ref.id)) return;
  ExportEdge edge{ref.id, "", ref.src, ref.dst, {}};
  if (const EntityData* e = r.Relationship(ref.id)) {
    if (!e->labels.empty()) edge.type = e->labels[0];
    edge.properties = e->properties;
  }
  g->edges.emplace(ref.id, std::move(edge));
}

// Adds the entities `v` holds, recursively.
void Gather(const Result& r, const Value& v, ExportGraph* g) {
  switch (v.kind()) {
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
      return;
    case ValueKind::kList:
      for (const Value& item : v.AsList()) Gather(r, item, g);
      return;
    case ValueKind::kMap:
      for (const auto& [k, item] : v.AsMap()) Gather(r, item, g);
      return;
    case ValueKind::kNode:
      AddNode(r, v.AsNode(), g);
      return;
    case ValueKind::kEdge:
      AddEdge(r, v.AsEdge(), g);
      return;
    case ValueKind::kPath:
      for (NodeId n : v.AsPath().nodes) AddNode(r, n, g);
      for (const EdgeRef& e : v.AsPath().edges) AddEdge(r, e, g);
      return;
  }
}

}  // namespace

absl::StatusOr<ExportGraph> ReadWholeGraph(Database& db,
                                           const ExecuteOptions& options,
                                           int64_t page_size) {
  ExportGraph g;
  for (int64_t after = -1;;) {
    absl::StatusOr<Result> r = db.Execute(
        "MATCH (n) WHERE id(n) > $after RETURN n ORDER BY id(n) LIMIT $page",
        {{"after", Value::Int(after)}, {"page", Value::Int(page_size)}},
        options);
    if (!r.ok()) return r.status();
    for (; r->Valid(); r->Next()) {
      AddNode(*r, r->Get(0).AsNode(), &g);
      after = static_cast<int64_t>(r->Get(0).AsNode());
    }
    if (static_cast<int64_t>(r->size()) < page_size) break;
  }
  for (int64_t after = -1;;) {
    absl::StatusOr<Result> r = db.Execute(
        "MATCH ()-[r]->() WHERE id(r) > $after RETURN r ORDER BY id(r) "
        "LIMIT $page",
        {{"after", Value::Int(after)}, {"page", Value::Int(page_size)}},
        options);
    if (!r.ok()) return r.status();
    for (; r->Valid(); r->Next()) {
      AddEdge(*r, r->Get(0).AsEdge(), &g);
      after = static_cast<int64_t>(r->Get(0).AsEdge().id);
    }
    if (static_cast<int64_t>(r->size()) < page_size) break;
  }
  return g;
}

absl::StatusOr<ExportGraph> ReadQueryGraph(Database& db,
                                           std::string_view statement,
                                           const ValueMap& params,
                                           const ExecuteOptions& options) {
  ExportGraph g;
  {
    absl::StatusOr<Result> r = db.Execute(statement, params, options);
    if (!r.ok()) return r.status();
    for (; r->Valid(); r->Next()) {
      for (const Value& v : r->row()) Gather(*r, v, &g);
    }
  }
  // Endpoints of relationships returned without their nodes.
  ValueList missing;
  for (const auto& [id, e] : g.edges) {
    for (NodeId n : {e.src, e.dst}) {
      if (!g.nodes.count(n)) missing.push_back(Value::Int(static_cast<int64_t>(n)));
    }
  }
  if (!missing.empty()) {
    absl::StatusOr<Result> r =
        db.Execute("MATCH (n) WHERE id(n) IN $ids RETURN n",
                   {{"ids", Value::List(std::move(missing))}}, options);
    if (!r.ok()) return r.status();
    for (; r->Valid(); r->Next()) AddNode(*r, r->Get(0).AsNode(), &g);
  }
  return g;
}

std::string DisplayName(const ExportNode& node) {
  for (const char* key : {"name", "title", "kind"}) {
    auto it = node.properties.find(key);
    if (it != node.properties.end() && it->second.kind() == ValueKind::kString) {
      return it->second.AsString();
    }
  }
  return absl::StrCat("#", node.id);
}

}  // namespace dossier::cli
