#include "query/values/literal_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <system_error>

#include "absl/status/status.h"
#include "graph/status_macros.h"

namespace dossier::query {

using graph::Value;
using graph::ValueKind;

std::string QuotedText(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

namespace {

bool IsIdentStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

// A map key or label: bare when it is an identifier, else backquoted.
std::string NameText(std::string_view name) {
  bool bare = !name.empty() && IsIdentStart(name[0]) &&
              std::all_of(name.begin(), name.end(), IsIdentChar);
  if (bare) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

std::string PropsText(const graph::ValueMap& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ", ";
    first = false;
    out += NameText(k) + ": " + ValueText(v);
  }
  out += "}";
  return out;
}

std::string NodeText(const TckNode& n) {
  std::string out = "(";
  for (const auto& l : n.labels) out.append(":").append(NameText(l));
  if (!n.props.empty()) {
    if (!n.labels.empty()) out += " ";
    out += PropsText(n.props);
  }
  out += ")";
  return out;
}

std::string RelText(const TckRelationship& r) {
  std::string out = "[:";
  out.append(NameText(r.type));
  if (!r.props.empty()) out.append(" ").append(PropsText(r.props));
  out += "]";
  return out;
}

}  // namespace

std::string ValueText(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return v.AsBool() ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(v.AsInt());
    case ValueKind::kDouble:
      return graph::DoubleText(v.AsDouble());
    case ValueKind::kString:
      return QuotedText(v.AsString());
    case ValueKind::kList: {
      std::string out = "[";
      bool first = true;
      for (const Value& e : v.AsList()) {
        if (!first) out += ", ";
        first = false;
        out += ValueText(e);
      }
      return out + "]";
    }
    case ValueKind::kMap:
      return PropsText(v.AsMap());
    case ValueKind::kNode:
      return std::string("(#").append(std::to_string(v.AsNode())).append(")");
    case ValueKind::kEdge:
      return std::string("[#").append(std::to_string(v.AsEdge().id)).append("]");
    case ValueKind::kPath: {
      const auto& p = v.AsPath();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out.append("(#").append(std::to_string(p.nodes[i])).append(")");
        if (i < p.edges.size()) {
          bool fwd = p.edges[i].src == p.nodes[i];
          out += fwd ? "-" : "<-";
          out.append("[#").append(std::to_string(p.edges[i].id)).append("]");
          out += fwd ? "->" : "-";
        }
      }
      return out + ">";
    }
  }
  return "?";
}

std::string TckText(const TckValue& v) {
  switch (v.kind) {
    case TckValue::Kind::kScalar:
      return ValueText(v.scalar);
    case TckValue::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.list.size(); ++i) {
        if (i > 0) out += ", ";
        out += TckText(v.list[i]);
      }
      return out + "]";
    }
    case TckValue::Kind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, e] : v.map) {
        if (!first) out += ", ";
        first = false;
        out += NameText(k) + ": " + TckText(e);
      }
      return out + "}";
    }
    case TckValue::Kind::kNode:
      return NodeText(v.node);
    case TckValue::Kind::kRelationship:
      return RelText(v.rel);
    case TckValue::Kind::kPath: {
      std::string out = "<";
      for (size_t i = 0; i < v.path.nodes.size(); ++i) {
        out += NodeText(v.path.nodes[i]);
        if (i < v.path.rels.size()) {
          bool fwd = v.path.forward[i];
          out += (fwd ? "-" : "<-") + RelText(v.path.rels[i]) +
                 (fwd ? "->" : "-");
        }
      }
      return out + ">";
    }
  }
  return "?";
}

namespace {

// Recursive-descent reader of TCK cell texts.
class TckParser {
 public:
  explicit TckParser(std::string_view text) : text_(text) {}

  absl::StatusOr<TckValue> ParseAll() {
    DOSSIER_ASSIGN_OR_RETURN(TckValue v, ParseValue());
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected trailing text");
    return v;
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        "cannot read TCK value '" + std::string(text_) + "' at offset " +
        std::to_string(pos_) + ": " + std::string(what));
  }

  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
            text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool Consume(std::string_view token) {
    SkipSpace();
    if (text_.substr(pos_, token.size()) == token) {
      pos_ += token.size();
      return true;
    }
    return false;
  }
  absl::Status Expect(std::string_view token) {
    if (Consume(token)) return absl::OkStatus();
    return Error("expected '" + std::string(token) + "'");
  }

  static TckValue Scalar(Value v) {
    TckValue t;
    t.scalar = std::move(v);
    return t;
  }

  absl::StatusOr<TckValue> ParseValue() {
    SkipSpace();
    if (AtEnd()) return Error("expected a value");
    char c = Peek();
    if (c == '\'' || c == '"') {
      DOSSIER_ASSIGN_OR_RETURN(std::string s, ParseString());
      return Scalar(Value::String(std::move(s)));
    }
    if (c == '[') {
      size_t save = pos_;
      ++pos_;
      SkipSpace();
      if (Peek() == ':') {
        pos_ = save;
        TckValue t;
        t.kind = TckValue::Kind::kRelationship;
        DOSSIER_ASSIGN_OR_RETURN(t.rel, ParseRel());
        return t;
      }
      return ParseListRest();
    }
    if (c == '{') {
      DOSSIER_ASSIGN_OR_RETURN(TckValue m, ParseMap());
      return m;
    }
    if (c == '(') {
      TckValue t;
      t.kind = TckValue::Kind::kNode;
      DOSSIER_ASSIGN_OR_RETURN(t.node, ParseNode());
      return t;
    }
    if (c == '<') return ParsePath();
    return ParseWord();
  }

  absl::StatusOr<TckValue> ParseWord() {
    size_t start = pos_;
    while (!AtEnd() && (IsIdentChar(Peek()) || Peek() == '-' ||
                        Peek() == '+' || Peek() == '.')) {
      ++pos_;
    }
    std::string_view w = text_.substr(start, pos_ - start);
    if (w == "null") return Scalar(Value::Null());
    if (w == "true") return Scalar(Value::Bool(true));
    if (w == "false") return Scalar(Value::Bool(false));
    if (w == "NaN") return Scalar(Value::Double(std::nan("")));
    if (w == "Infinity") return Scalar(Value::Double(HUGE_VAL));
    if (w == "-Infinity") return Scalar(Value::Double(-HUGE_VAL));
    if (w.empty()) return Error("unexpected character");
    bool is_float = w.find_first_of(".eE") != std::string_view::npos;
    const char* b = w.data();
    const char* e = w.data() + w.size();
    if (*b == '+') ++b;
    if (!is_float) {
      int64_t i = 0;
      auto r = std::from_chars(b, e, i);
      if (r.ec == std::errc() && r.ptr == e) return Scalar(Value::Int(i));
      pos_ = start;
      return Error("bad integer");
    }
    // from_chars does not take ".5"; prefix a zero when needed.
    std::string num(b, e);
    size_t sign = (!num.empty() && num[0] == '-') ? 1 : 0;
    if (num.size() > sign && num[sign] == '.') {
      num = num.substr(0, sign) + "0" + num.substr(sign);
    }
    double d = 0;
    auto r = std::from_chars(num.data(), num.data() + num.size(), d);
    if (r.ec == std::errc() && r.ptr == num.data() + num.size()) {
      return Scalar(Value::Double(d));
    }
    pos_ = start;
    return Error("bad float");
  }

  absl::StatusOr<std::string> ParseString() {
    char quote = text_[pos_++];
    std::string out;
    while (true) {
      if (AtEnd()) return Error("unterminated string");
      char c = text_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (AtEnd()) return Error("unterminated escape");
      char e = text_[pos_++];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return Error("bad \\u escape");
          uint32_t cp = 0;
          auto r = std::from_chars(text_.data() + pos_,
                                   text_.data() + pos_ + 4, cp, 16);
          if (r.ptr != text_.data() + pos_ + 4) return Error("bad \\u escape");
          pos_ += 4;
          AppendUtf8(cp, out);
          break;
        }
        default:
          out.push_back(e);  // \\ \' \" and anything else literally
      }
    }
  }

  static void AppendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  absl::StatusOr<std::string> ParseName() {
    SkipSpace();
    if (Peek() == '`') {
      ++pos_;
      std::string out;
      while (true) {
        if (AtEnd()) return Error("unterminated `name`");
        char c = text_[pos_++];
        if (c == '`') {
          if (Peek() == '`') {
            out.push_back('`');
            ++pos_;
            continue;
          }
          return out;
        }
        out.push_back(c);
      }
    }
    size_t start = pos_;
    while (!AtEnd() && IsIdentChar(Peek())) ++pos_;
    if (start == pos_) return Error("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  // After '['.
  absl::StatusOr<TckValue> ParseListRest() {
    TckValue t;
    t.kind = TckValue::Kind::kList;
    if (Consume("]")) return t;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(TckValue e, ParseValue());
      t.list.push_back(std::move(e));
      if (Consume("]")) return t;
      DOSSIER_RETURN_IF_ERROR(Expect(","));
    }
  }

  absl::StatusOr<TckValue> ParseMap() {
    DOSSIER_RETURN_IF_ERROR(Expect("{"));
    TckValue t;
    t.kind = TckValue::Kind::kMap;
    if (Consume("}")) return t;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(std::string key, ParseName());
      DOSSIER_RETURN_IF_ERROR(Expect(":"));
      DOSSIER_ASSIGN_OR_RETURN(TckValue e, ParseValue());
      t.map.insert_or_assign(std::move(key), std::move(e));
      if (Consume("}")) return t;
      DOSSIER_RETURN_IF_ERROR(Expect(","));
    }
  }

  absl::StatusOr<graph::ValueMap> ParseProps() {
    DOSSIER_ASSIGN_OR_RETURN(TckValue m, ParseMap());
    DOSSIER_ASSIGN_OR_RETURN(Value v, TckToValue(m));
    return v.AsMap();
  }

  absl::StatusOr<TckNode> ParseNode() {
    DOSSIER_RETURN_IF_ERROR(Expect("("));
    TckNode n;
    while (Consume(":")) {
      DOSSIER_ASSIGN_OR_RETURN(std::string l, ParseName());
      n.labels.push_back(std::move(l));
    }
    SkipSpace();
    if (Peek() == '{') {
      DOSSIER_ASSIGN_OR_RETURN(n.props, ParseProps());
    }
    DOSSIER_RETURN_IF_ERROR(Expect(")"));
    return n;
  }

  absl::StatusOr<TckRelationship> ParseRel() {
    DOSSIER_RETURN_IF_ERROR(Expect("["));
    DOSSIER_RETURN_IF_ERROR(Expect(":"));
    TckRelationship r;
    DOSSIER_ASSIGN_OR_RETURN(r.type, ParseName());
    SkipSpace();
    if (Peek() == '{') {
      DOSSIER_ASSIGN_OR_RETURN(r.props, ParseProps());
    }
    DOSSIER_RETURN_IF_ERROR(Expect("]"));
    return r;
  }

  absl::StatusOr<TckValue> ParsePath() {
    DOSSIER_RETURN_IF_ERROR(Expect("<"));
    TckValue t;
    t.kind = TckValue::Kind::kPath;
    DOSSIER_ASSIGN_OR_RETURN(TckNode first, ParseNode());
    t.path.nodes.push_back(std::move(first));
    while (!Consume(">")) {
      bool backward = Consume("<-");
      if (!backward) DOSSIER_RETURN_IF_ERROR(Expect("-"));
      DOSSIER_ASSIGN_OR_RETURN(TckRelationship r, ParseRel());
      if (backward) {
        DOSSIER_RETURN_IF_ERROR(Expect("-"));
      } else {
        DOSSIER_RETURN_IF_ERROR(Expect("->"));
      }
      DOSSIER_ASSIGN_OR_RETURN(TckNode n, ParseNode());
      t.path.rels.push_back(std::move(r));
      t.path.forward.push_back(!backward);
      t.path.nodes.push_back(std::move(n));
    }
    return t;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<TckValue> ParseTckValue(std::string_view text) {
  return TckParser(text).ParseAll();
}

absl::StatusOr<Value> TckToValue(const TckValue& v) {
  switch (v.kind) {
    case TckValue::Kind::kScalar:
      return v.scalar;
    case TckValue::Kind::kList: {
      graph::ValueList out;
      out.reserve(v.list.size());
      for (const TckValue& e : v.list) {
        DOSSIER_ASSIGN_OR_RETURN(Value x, TckToValue(e));
        out.push_back(std::move(x));
      }
      return Value::List(std::move(out));
    }
    case TckValue::Kind::kMap: {
      graph::ValueMap out;
      for (const auto& [k, e] : v.map) {
        DOSSIER_ASSIGN_OR_RETURN(Value x, TckToValue(e));
        out.emplace(k, std::move(x));
      }
      return Value::Map(std::move(out));
    }
    case TckValue::Kind::kNode:
    case TckValue::Kind::kRelationship:
    case TckValue::Kind::kPath:
      return absl::InvalidArgumentError(
          "a graph element cannot be a value here: " + TckText(v));
  }
  return absl::InvalidArgumentError("bad TckValue");
}

TckValue ToTckValue(const Value& v, const TckResolver& resolver) {
  TckValue t;
  switch (v.kind()) {
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
      t.scalar = v;
      return t;
    case ValueKind::kList:
      t.kind = TckValue::Kind::kList;
      for (const Value& e : v.AsList()) {
        t.list.push_back(ToTckValue(e, resolver));
      }
      return t;
    case ValueKind::kMap:
      t.kind = TckValue::Kind::kMap;
      for (const auto& [k, e] : v.AsMap()) {
        t.map.emplace(k, ToTckValue(e, resolver));
      }
      return t;
    case ValueKind::kNode:
      t.kind = TckValue::Kind::kNode;
      t.node = resolver.node(v.AsNode());
      return t;
    case ValueKind::kEdge:
      t.kind = TckValue::Kind::kRelationship;
      t.rel = resolver.relationship(v.AsEdge());
      return t;
    case ValueKind::kPath: {
      t.kind = TckValue::Kind::kPath;
      const auto& p = v.AsPath();
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        t.path.nodes.push_back(resolver.node(p.nodes[i]));
        if (i < p.edges.size()) {
          t.path.rels.push_back(resolver.relationship(p.edges[i]));
          t.path.forward.push_back(p.edges[i].src == p.nodes[i]);
        }
      }
      return t;
    }
  }
  return t;
}

namespace {

bool SameLabels(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  return a == b;
}

bool NodesMatch(const TckNode& a, const TckNode& b) {
  return SameLabels(a.labels, b.labels) && a.props == b.props;
}

bool RelsMatch(const TckRelationship& a, const TckRelationship& b) {
  return a.type == b.type && a.props == b.props;
}

}  // namespace

bool TckMatches(const TckValue& expected, const TckValue& actual,
                bool ignore_list_order) {
  if (expected.kind != actual.kind) return false;
  switch (expected.kind) {
    case TckValue::Kind::kScalar:
      // Structural identity: 1 != 1.0, NaN == NaN.
      return expected.scalar == actual.scalar;
    case TckValue::Kind::kList: {
      const auto& x = expected.list;
      const auto& y = actual.list;
      if (x.size() != y.size()) return false;
      if (!ignore_list_order) {
        for (size_t i = 0; i < x.size(); ++i) {
          if (!TckMatches(x[i], y[i], false)) return false;
        }
        return true;
      }
      std::vector<bool> used(y.size(), false);
      for (const TckValue& e : x) {
        bool found = false;
        for (size_t j = 0; j < y.size() && !found; ++j) {
          if (!used[j] && TckMatches(e, y[j], true)) {
            used[j] = true;
            found = true;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    case TckValue::Kind::kMap: {
      if (expected.map.size() != actual.map.size()) return false;
      for (auto i = expected.map.begin(), j = actual.map.begin();
           i != expected.map.end(); ++i, ++j) {
        if (i->first != j->first ||
            !TckMatches(i->second, j->second, ignore_list_order)) {
          return false;
        }
      }
      return true;
    }
    case TckValue::Kind::kNode:
      return NodesMatch(expected.node, actual.node);
    case TckValue::Kind::kRelationship:
      return RelsMatch(expected.rel, actual.rel);
    case TckValue::Kind::kPath: {
      const auto& p = expected.path;
      const auto& q = actual.path;
      if (p.nodes.size() != q.nodes.size() || p.forward != q.forward) {
        return false;
      }
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (!NodesMatch(p.nodes[i], q.nodes[i])) return false;
      }
      for (size_t i = 0; i < p.rels.size(); ++i) {
        if (!RelsMatch(p.rels[i], q.rels[i])) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace dossier::query
