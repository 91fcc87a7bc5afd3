// export --format dot: a Graphviz digraph.
#include <string_view>

#include "cli/export_formats.h"

namespace dossier::cli {
namespace {

// A DOT double-quoted string.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out.push_back(c);
    }
  }
  return out + "\"";
}

std::string_view Shape(const ExportNode& n) {
  for (const std::string& l : n.labels) {
    if (l == "State") return "box";
    if (l == "Organisation") return "ellipse";
    if (l == "Person") return "plaintext";
    if (l == "Facility") return "house";
    if (l == "Place") return "diamond";
    if (l == "Accusation") return "note";
    if (l == "Article") return "folder";
  }
  return "ellipse";
}

}  // namespace

void WriteDot(const ExportGraph& g, std::ostream& out) {
  out << "digraph dossier {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      << "  node [fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const auto& [id, n] : g.nodes) {
    out << "  n" << id << " [label=" << Quote(DisplayName(n))
        << ", shape=" << Shape(n) << "];\n";
  }
  for (const auto& [id, e] : g.edges) {
    out << "  n" << e.src << " -> n" << e.dst;
    if (e.type == "ACCUSES") {
      auto kind = e.properties.find("kind");
      std::string label =
          kind != e.properties.end() && kind->second.kind() == ValueKind::kString
              ? kind->second.AsString()
              : e.type;
      out << " [label=" << Quote(label) << ", color=red, fontcolor=red];\n";
    } else {
      out << " [label=" << Quote(e.type) << "];\n";
    }
  }
  out << "}\n";
}

}  // namespace dossier::cli
