#include "cli/render.h"

#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace dossier::cli {
namespace {

using nlohmann::ordered_json;

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

std::string PropsText(const Result& r, const ValueMap& props);

std::string Nested(const Result& r, const Value& v) {
  if (v.kind() == ValueKind::kString) {
    std::string out = "'";
    for (char c : v.AsString()) {
      if (c == '\'' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    return out + "'";
  }
  return CellText(r, v);
}

std::string PropsText(const Result& r, const ValueMap& props) {
  if (props.empty()) return "";
  std::string out = " {";
  bool first = true;
  for (const auto& [k, v] : props) {
    if (!first) out += ", ";
    first = false;
    absl::StrAppend(&out, k, ": ", Nested(r, v));
  }
  return out + "}";
}

std::string NodeText(const Result& r, NodeId id) {
  const EntityData* e = r.Node(id);
  if (e == nullptr) return absl::StrCat("(#", id, ")");
  std::string out = "(";
  for (const std::string& l : e->labels) absl::StrAppend(&out, ":", l);
  std::string props = PropsText(r, e->properties);
  if (e->labels.empty() && !props.empty()) props.erase(0, 1);
  return out + props + ")";
}

std::string EdgeText(const Result& r, const EdgeRef& ref) {
  const EntityData* e = r.Relationship(ref.id);
  if (e == nullptr) return absl::StrCat("[#", ref.id, "]");
  std::string out = "[";
  for (const std::string& l : e->labels) absl::StrAppend(&out, ":", l);
  return out + PropsText(r, e->properties) + "]";
}

ordered_json EntityRef(const Result& r, NodeId id) {
  ordered_json ref = {{"id", std::to_string(id)}};
  ordered_json labels = ordered_json::array();
  if (const EntityData* e = r.Node(id)) {
    for (const std::string& l : e->labels) labels.push_back(l);
  }
  ref["labels"] = labels;
  return ref;
}

ordered_json NodeJson(const Result& r, NodeId id) {
  ordered_json j = {{"type", "node"}, {"id", std::to_string(id)}};
  ordered_json labels = ordered_json::array();
  ordered_json props = ordered_json::object();
  if (const EntityData* e = r.Node(id)) {
    for (const std::string& l : e->labels) labels.push_back(l);
    for (const auto& [k, v] : e->properties) props[k] = ToJson(r, v);
  }
  j["labels"] = labels;
  j["properties"] = props;
  return j;
}

ordered_json EdgeJson(const Result& r, const EdgeRef& ref) {
  ordered_json j = {{"type", "relationship"}, {"id", std::to_string(ref.id)}};
  ordered_json props = ordered_json::object();
  std::string label;
  if (const EntityData* e = r.Relationship(ref.id)) {
    if (!e->labels.empty()) label = e->labels[0];
    for (const auto& [k, v] : e->properties) props[k] = ToJson(r, v);
  }
  j["label"] = label;
  j["start"] = EntityRef(r, ref.src);
  j["end"] = EntityRef(r, ref.dst);
  j["properties"] = props;
  return j;
}

std::string CsvEscape(const std::string& s, char sep) {
  bool quote = s.find_first_of(std::string("\"\n\r") + sep) != std::string::npos;
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string TsvEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string MarkdownEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out.push_back('\\');
    out.push_back(c == '\n' ? ' ' : c);
  }
  return out;
}

absl::Status RenderTable(Result& r, std::ostream& out, bool footer) {
  const auto& cols = r.columns();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(cols.size());
  for (size_t c = 0; c < cols.size(); ++c) width[c] = DisplayWidth(cols[c]);
  for (; r.Valid(); r.Next()) {
    std::span<const Value> row = r.row();
    std::vector<std::string> line;
    for (size_t c = 0; c < cols.size(); ++c) {
      std::string t = CellText(r, row[c]);
      for (char& ch : t) {
        if (ch == '\n' || ch == '\t') ch = ' ';
      }
      width[c] = std::max(width[c], DisplayWidth(t));
      line.push_back(std::move(t));
    }
    cells.push_back(std::move(line));
  }
  // A table is drawn whole or not at all.
  if (!r.status().ok()) return r.status();
  auto rule = [&](const char* left, const char* mid, const char* right) {
    out << left;
    for (size_t c = 0; c < cols.size(); ++c) {
      for (size_t i = 0; i < width[c] + 2; ++i) out << "─";
      out << (c + 1 < cols.size() ? mid : right);
    }
    out << "\n";
  };
  auto line = [&](const std::vector<std::string>& v) {
    out << "│";
    for (size_t c = 0; c < cols.size(); ++c) {
      out << " " << v[c] << std::string(width[c] - DisplayWidth(v[c]), ' ')
          << " │";
    }
    out << "\n";
  };
  if (!cols.empty()) {
    rule("┌", "┬", "┐");
    line(cols);
    rule("├", "┼", "┤");
    for (const auto& v : cells) line(v);
    rule("└", "┴", "┘");
  }
  if (footer) {
    out << cells.size() << (cells.size() == 1 ? " row" : " rows") << "\n";
  }
  return absl::OkStatus();
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "markdown" || name == "md") return Format::kMarkdown;
  return std::nullopt;
}

std::string CellText(const Result& r, const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return v.AsBool() ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(v.AsInt());
    case ValueKind::kDouble:
      return DoubleText(v.AsDouble());
    case ValueKind::kString:
      return v.AsString();
    case ValueKind::kList: {
      std::string out = "[";
      bool first = true;
      for (const Value& e : v.AsList()) {
        if (!first) out += ", ";
        first = false;
        out += Nested(r, e);
      }
      return out + "]";
    }
    case ValueKind::kMap: {
      std::string props = PropsText(r, v.AsMap());
      return props.empty() ? "{}" : props.substr(1);
    }
    case ValueKind::kNode:
      return NodeText(r, v.AsNode());
    case ValueKind::kEdge:
      return EdgeText(r, v.AsEdge());
    case ValueKind::kPath: {
      const PathValue& p = v.AsPath();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeText(r, p.nodes[i]);
        if (i < p.edges.size()) {
          bool forward = p.edges[i].src == p.nodes[i];
          out += forward ? "-" : "<-";
          out += EdgeText(r, p.edges[i]);
          out += forward ? "->" : "-";
        }
      }
      return out + ">";
    }
  }
  return "";
}

ordered_json ToJson(const Result& r, const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return nullptr;
    case ValueKind::kBool:
      return v.AsBool();
    case ValueKind::kInt:
      return v.AsInt();
    case ValueKind::kDouble: {
      double d = v.AsDouble();
      if (std::isnan(d) || std::isinf(d)) return DoubleText(d);
      return d;
    }
    case ValueKind::kString:
      return v.AsString();
    case ValueKind::kList: {
      ordered_json a = ordered_json::array();
      for (const Value& e : v.AsList()) a.push_back(ToJson(r, e));
      return a;
    }
    case ValueKind::kMap: {
      ordered_json o = ordered_json::object();
      for (const auto& [k, e] : v.AsMap()) o[k] = ToJson(r, e);
      return o;
    }
    case ValueKind::kNode:
      return NodeJson(r, v.AsNode());
    case ValueKind::kEdge:
      return EdgeJson(r, v.AsEdge());
    case ValueKind::kPath: {
      ordered_json nodes = ordered_json::array();
      ordered_json rels = ordered_json::array();
      for (NodeId n : v.AsPath().nodes) nodes.push_back(NodeJson(r, n));
      for (const EdgeRef& e : v.AsPath().edges) rels.push_back(EdgeJson(r, e));
      return ordered_json{{"type", "path"}, {"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

absl::Status Render(Result& r, Format format, std::ostream& out, bool footer) {
  const auto& cols = r.columns();
  auto dump = [](const ordered_json& j) {
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  };
  auto row_json = [&](std::span<const Value> row) {
    ordered_json o = ordered_json::object();
    for (size_t c = 0; c < cols.size(); ++c) o[cols[c]] = ToJson(r, row[c]);
    return o;
  };
  switch (format) {
    case Format::kTable:
      return RenderTable(r, out, footer);
    case Format::kCsv:
    case Format::kTsv: {
      bool csv = format == Format::kCsv;
      auto cell = [&](const std::string& s) {
        return csv ? CsvEscape(s, ',') : TsvEscape(s);
      };
      for (size_t c = 0; c < cols.size(); ++c) {
        out << (c ? (csv ? "," : "\t") : "") << cell(cols[c]);
      }
      out << "\n";
      for (; r.Valid(); r.Next()) {
        std::span<const Value> row = r.row();
        for (size_t c = 0; c < cols.size(); ++c) {
          std::string t = row[c].is_null() ? "" : CellText(r, row[c]);
          out << (c ? (csv ? "," : "\t") : "") << cell(t);
        }
        out << "\n";
      }
      return r.status();
    }
    case Format::kJson: {
      // One array, written as the rows come (the text of dump(array)).
      out << "[";
      for (bool first = true; r.Valid(); r.Next(), first = false) {
        if (!first) out << ",";
        out << dump(row_json(r.row()));
      }
      out << "]\n";
      return r.status();
    }
    case Format::kJsonl:
      for (; r.Valid(); r.Next()) out << dump(row_json(r.row())) << "\n";
      return r.status();
    case Format::kMarkdown: {
      out << "|";
      for (const std::string& c : cols) out << " " << MarkdownEscape(c) << " |";
      out << "\n|";
      for (size_t c = 0; c < cols.size(); ++c) out << " --- |";
      out << "\n";
      size_t n = 0;
      for (; r.Valid(); r.Next(), ++n) {
        std::span<const Value> row = r.row();
        out << "|";
        for (size_t c = 0; c < cols.size(); ++c) {
          out << " " << MarkdownEscape(CellText(r, row[c])) << " |";
        }
        out << "\n";
      }
      if (!r.status().ok()) return r.status();
      if (footer) out << "\n" << n << (n == 1 ? " row" : " rows") << "\n";
      return absl::OkStatus();
    }
  }
  return absl::OkStatus();
}

}  // namespace dossier::cli
