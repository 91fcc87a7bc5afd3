#include "graph/value.h"

#include <charconv>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace dossier::graph {

std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d,
                           std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // e.g. -1.2635e+305
  std::string out;
  if (sci.front() == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = 0;
  std::string_view exp_text = sci.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  if (exp >= -7 && exp < 21) {
    if (exp >= 0) {
      size_t int_len = static_cast<size_t>(exp) + 1;
      if (digits.size() <= int_len) {
        out.append(digits).append(int_len - digits.size(), '0').append(".0");
      } else {
        out.append(digits, 0, int_len).push_back('.');
        out.append(digits, int_len, std::string::npos);
      }
    } else {
      out.append("0.").append(static_cast<size_t>(-exp - 1), '0');
      out.append(digits);
    }
    return out;
  }
  out.push_back(digits[0]);
  if (digits.size() > 1) out.append(".").append(digits, 1, std::string::npos);
  out.append("e").append(std::to_string(exp));
  return out;
}

namespace {

void AppendQuoted(std::string_view s, std::string* out) {
  out->push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('\'');
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
      out->append(DoubleText(v.AsDouble()));
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
