// export --format jsonl: the APOC export form, one entity per line.
#include "cli/export_formats.h"
#include "cli/render.h"

namespace dossier::cli {
namespace {

using nlohmann::ordered_json;

ordered_json Labels(const ExportGraph& g, NodeId id) {
  ordered_json labels = ordered_json::array();
  auto it = g.nodes.find(id);
  if (it != g.nodes.end()) {
    for (const std::string& l : it->second.labels) labels.push_back(l);
  }
  return labels;
}

ordered_json Properties(const ValueMap& props) {
  static const Result kNoEntities;
  ordered_json j = ordered_json::object();
  for (const auto& [k, v] : props) j[k] = ToJson(kNoEntities, v);
  return j;
}

}  // namespace

void WriteJsonl(const ExportGraph& g, std::ostream& out) {
  for (const auto& [id, n] : g.nodes) {
    ordered_json j = {{"type", "node"}, {"id", std::to_string(id)}};
    j["labels"] = Labels(g, id);
    j["properties"] = Properties(n.properties);
    out << j.dump() << "\n";
  }
  for (const auto& [id, e] : g.edges) {
    ordered_json j = {{"type", "relationship"}, {"id", std::to_string(id)}};
    j["label"] = e.type;
    j["start"] = {{"id", std::to_string(e.src)}, {"labels", Labels(g, e.src)}};
    j["end"] = {{"id", std::to_string(e.dst)}, {"labels", Labels(g, e.dst)}};
    j["properties"] = Properties(e.properties);
    out << j.dump() << "\n";
  }
}

}  // namespace dossier::cli
