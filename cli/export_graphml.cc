// export --format graphml: GraphML 1.0 with one typed key per property.
#include <charconv>
#include <cmath>
#include <map>
#include <string_view>

#include "cli/export_formats.h"
#include "cli/render.h"

namespace dossier::cli {
namespace {

enum class KeyType { kUnset, kBoolean, kLong, kDouble, kString };

const char* TypeName(KeyType t) {
  switch (t) {
    case KeyType::kBoolean:
      return "boolean";
    case KeyType::kLong:
      return "long";
    case KeyType::kDouble:
      return "double";
    case KeyType::kUnset:
    case KeyType::kString:
      return "string";
  }
  return "string";
}

KeyType TypeOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBool:
      return KeyType::kBoolean;
    case ValueKind::kInt:
      return KeyType::kLong;
    case ValueKind::kDouble:
      return KeyType::kDouble;
    default:
      return KeyType::kString;
  }
}

// Joins the types seen for one key: long and double give double; any other
// mix gives string.
KeyType Join(KeyType a, KeyType b) {
  if (a == KeyType::kUnset || a == b) return b;
  if ((a == KeyType::kLong && b == KeyType::kDouble) ||
      (a == KeyType::kDouble && b == KeyType::kLong)) {
    return KeyType::kDouble;
  }
  return KeyType::kString;
}

// XML text with the five entities escaped and characters XML 1.0 forbids
// dropped.
std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
    }
  }
  return out;
}

std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d);
  return std::string(buf, res.ptr);
}

// The text of a value under a key of type `t`.
std::string DataText(const Value& v, KeyType t) {
  static const Result kNoEntities;
  switch (v.kind()) {
    case ValueKind::kBool:
      if (t == KeyType::kBoolean) return v.AsBool() ? "true" : "false";
      break;
    case ValueKind::kInt:
      if (t == KeyType::kLong) return std::to_string(v.AsInt());
      if (t == KeyType::kDouble) return DoubleText(v.NumberAsDouble());
      break;
    case ValueKind::kDouble:
      if (t == KeyType::kDouble) return DoubleText(v.AsDouble());
      break;
    case ValueKind::kString:
      return v.AsString();
    default:
      break;
  }
  return ToJson(kNoEntities, v).dump();
}

using Keys = std::map<std::string, KeyType>;

void Collect(const ValueMap& props, Keys* keys) {
  for (const auto& [k, v] : props) {
    if (v.is_null()) continue;
    KeyType& t = (*keys)[k];
    t = Join(t, TypeOf(v));
  }
}

void WriteKeys(std::ostream& out, const char* domain, const char* prefix,
               const Keys& keys) {
  for (const auto& [name, type] : keys) {
    out << "  <key id=\"" << prefix << Xml(name) << "\" for=\"" << domain
        << "\" attr.name=\"" << Xml(name) << "\" attr.type=\""
        << TypeName(type) << "\"/>\n";
  }
}

void WriteData(std::ostream& out, const char* prefix, const ValueMap& props,
               const Keys& keys) {
  for (const auto& [k, v] : props) {
    if (v.is_null()) continue;
    out << "      <data key=\"" << prefix << Xml(k) << "\">"
        << Xml(DataText(v, keys.at(k))) << "</data>\n";
  }
}

}  // namespace

void WriteGraphml(const ExportGraph& g, std::ostream& out) {
  Keys node_keys, edge_keys;
  for (const auto& [id, n] : g.nodes) Collect(n.properties, &node_keys);
  for (const auto& [id, e] : g.edges) Collect(e.properties, &edge_keys);
  // Properties named like the built-in keys keep their own key ids (np_,
  // ep_); the built-ins take the attribute name only when it is free.
  bool node_labels = !node_keys.count("labels");
  bool node_label = !node_keys.count("label");
  bool edge_label = !edge_keys.count("label");

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  if (node_labels) {
    out << "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" "
           "attr.type=\"string\"/>\n";
  }
  if (node_label) {
    out << "  <key id=\"label\" for=\"node\" attr.name=\"label\" "
           "attr.type=\"string\"/>\n";
  }
  if (edge_label) {
    out << "  <key id=\"type\" for=\"edge\" attr.name=\"label\" "
           "attr.type=\"string\"/>\n";
  }
  WriteKeys(out, "node", "np_", node_keys);
  WriteKeys(out, "edge", "ep_", edge_keys);
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (const auto& [id, n] : g.nodes) {
    out << "    <node id=\"n" << id << "\">\n";
    if (node_labels) {
      std::string labels;
      for (const std::string& l : n.labels) labels += ":" + l;
      out << "      <data key=\"labels\">" << Xml(labels) << "</data>\n";
    }
    if (node_label) {
      out << "      <data key=\"label\">" << Xml(DisplayName(n))
          << "</data>\n";
    }
    WriteData(out, "np_", n.properties, node_keys);
    out << "    </node>\n";
  }
  for (const auto& [id, e] : g.edges) {
    out << "    <edge id=\"e" << id << "\" source=\"n" << e.src
        << "\" target=\"n" << e.dst << "\">\n";
    if (edge_label) {
      out << "      <data key=\"type\">" << Xml(e.type) << "</data>\n";
    }
    WriteData(out, "ep_", e.properties, edge_keys);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace dossier::cli
