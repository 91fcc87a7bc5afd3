#include "graph/value.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace dossier::graph {
namespace {

void AppendQuoted(std::string_view s, std::string* out) {
  out->push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('\'');
}

void AppendDouble(double d, std::string* out) {
  if (std::isnan(d)) {
    out->append("NaN");
  } else if (std::isinf(d)) {
    out->append(d > 0 ? "Infinity" : "-Infinity");
  } else {
    std::string s = absl::StrFormat("%.17g", d);
    // Shortest representation that round-trips.
    for (int precision = 1; precision <= 17; ++precision) {
      std::string candidate = absl::StrFormat("%.*g", precision, d);
      if (std::strtod(candidate.c_str(), nullptr) == d) {
        s = candidate;
        break;
      }
    }
    if (s.find_first_of(".eEn") == std::string::npos) s.append(".0");
    out->append(s);
  }
}

void AppendDebug(const Value& v, std::string* out) {
  switch (v.kind()) {
    case ValueKind::kNull:
      out->append("null");
      return;
    case ValueKind::kBool:
      out->append(v.AsBool() ? "true" : "false");
      return;
    case ValueKind::kInt:
      absl::StrAppend(out, v.AsInt());
      return;
    case ValueKind::kDouble:
      AppendDouble(v.AsDouble(), out);
      return;
    case ValueKind::kString:
      AppendQuoted(v.AsString(), out);
      return;
    case ValueKind::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& e : v.AsList()) {
        if (!first) out->append(", ");
        first = false;
        AppendDebug(e, out);
      }
      out->push_back(']');
      return;
    }
    case ValueKind::kMap: {
      out->push_back('{');
      bool first = true;
      for (const auto& [k, e] : v.AsMap()) {
        if (!first) out->append(", ");
        first = false;
        absl::StrAppend(out, k, ": ");
        AppendDebug(e, out);
      }
      out->push_back('}');
      return;
    }
    case ValueKind::kNode:
      absl::StrAppend(out, "(#", v.AsNode(), ")");
      return;
    case ValueKind::kEdge:
      absl::StrAppend(out, "[#", v.AsEdge().id, "]");
      return;
    case ValueKind::kPath: {
      const PathValue& p = v.AsPath();
      out->push_back('<');
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        absl::StrAppend(out, "(#", p.nodes[i], ")");
        if (i < p.edges.size()) {
          const EdgeRef& e = p.edges[i];
          bool forward = e.src == p.nodes[i];
          absl::StrAppend(out, forward ? "-" : "<-", "[#", e.id, "]",
                          forward ? "->" : "-");
        }
      }
      out->push_back('>');
      return;
    }
  }
}

}  // namespace

std::string_view KindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "NULL";
    case ValueKind::kBool:
      return "BOOLEAN";
    case ValueKind::kInt:
      return "INTEGER";
    case ValueKind::kDouble:
      return "FLOAT";
    case ValueKind::kString:
      return "STRING";
    case ValueKind::kList:
      return "LIST";
    case ValueKind::kMap:
      return "MAP";
    case ValueKind::kNode:
      return "NODE";
    case ValueKind::kEdge:
      return "RELATIONSHIP";
    case ValueKind::kPath:
      return "PATH";
  }
  return "UNKNOWN";
}

bool Value::IsStorable() const {
  switch (kind()) {
    case ValueKind::kList:
      for (const Value& e : AsList()) {
        if (!e.IsStorable()) return false;
      }
      return true;
    case ValueKind::kMap:
      for (const auto& [k, e] : AsMap()) {
        if (!e.IsStorable()) return false;
      }
      return true;
    case ValueKind::kNode:
    case ValueKind::kEdge:
    case ValueKind::kPath:
      return false;
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
      return true;
  }
  return false;
}

std::string Value::DebugString() const {
  std::string out;
  AppendDebug(*this, &out);
  return out;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  if (a.kind() == ValueKind::kDouble) {
    double x = a.AsDouble(), y = b.AsDouble();
    return x == y || (std::isnan(x) && std::isnan(y));
  }
  return a.repr_ == b.repr_;
}

}  // namespace dossier::graph
