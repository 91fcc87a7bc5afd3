// Canonical text of expressions and patterns.
#include "query/ast.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace dossier::query {

void SingleQueryDeleter::operator()(SingleQuery* q) const { delete q; }

namespace {

// Precedence levels; a larger number binds tighter.
enum Prec : int {
  kPrecOr = 1,
  kPrecXor,
  kPrecAnd,
  kPrecNot,
  kPrecComparison,
  kPrecPredicate,
  kPrecAdd,
  kPrecMul,
  kPrecPow,
  kPrecUnary,
  kPrecPostfix,
  kPrecAtom,
};

int BinaryPrec(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return kPrecOr;
    case BinaryOp::kXor:
      return kPrecXor;
    case BinaryOp::kAnd:
      return kPrecAnd;
    case BinaryOp::kAdd:
    case BinaryOp::kSubtract:
      return kPrecAdd;
    case BinaryOp::kMultiply:
    case BinaryOp::kDivide:
    case BinaryOp::kModulo:
      return kPrecMul;
    case BinaryOp::kPower:
      return kPrecPow;
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kIn:
    case BinaryOp::kRegexMatch:
      return kPrecPredicate;
  }
  return kPrecAtom;
}

bool IsNegativeNumber(const graph::Value& v) {
  if (v.kind() == graph::ValueKind::kInt) return v.AsInt() < 0;
  if (v.kind() == graph::ValueKind::kDouble) return std::signbit(v.AsDouble());
  return false;
}

int ExprPrec(const Expr& e) {
  switch (e.kind()) {
    case ExprKind::kLiteral:
      return IsNegativeNumber(e.As<LiteralExpr>().value) ? kPrecUnary
                                                         : kPrecAtom;
    case ExprKind::kUnary:
      return e.As<UnaryExpr>().op == UnaryOp::kNot ? kPrecNot : kPrecUnary;
    case ExprKind::kBinary:
      return BinaryPrec(e.As<BinaryExpr>().op);
    case ExprKind::kComparison:
      return kPrecComparison;
    case ExprKind::kIsNull:
      return kPrecPredicate;
    case ExprKind::kLabelCheck:  // Nothing may follow its labels.
      return kPrecUnary;
    case ExprKind::kProperty:
    case ExprKind::kSubscript:
    case ExprKind::kSlice:
      return kPrecPostfix;
    case ExprKind::kParameter:
    case ExprKind::kVariable:
    case ExprKind::kList:
    case ExprKind::kMap:
    case ExprKind::kMapProjection:
    case ExprKind::kFunctionCall:
    case ExprKind::kCase:
    case ExprKind::kListComprehension:
    case ExprKind::kPatternComprehension:
    case ExprKind::kQuantifier:
    case ExprKind::kReduce:
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery:
      return kPrecAtom;
  }
  return kPrecAtom;
}

bool IsIdentStart(char c) {
  return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool IsIdentPart(char c) {
  return IsIdentStart(c) || absl::ascii_isdigit(static_cast<unsigned char>(c));
}

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'':
        out += "\\'";
        break;
      case '\\':
        out += "\\\\";
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
        out += c;
    }
  }
  out += "'";
  return out;
}

std::string DoubleText(double d) {
  if (std::isnan(d)) return "0.0 / 0.0";
  if (std::isinf(d)) return d > 0 ? "1.0 / 0.0" : "-1.0 / 0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string ValueText(const graph::Value& v) {
  switch (v.kind()) {
    case graph::ValueKind::kNull:
      return "null";
    case graph::ValueKind::kBool:
      return v.AsBool() ? "true" : "false";
    case graph::ValueKind::kInt:
      return absl::StrCat(v.AsInt());
    case graph::ValueKind::kDouble:
      return DoubleText(v.AsDouble());
    case graph::ValueKind::kString:
      return QuoteString(v.AsString());
    case graph::ValueKind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.AsList().size(); ++i) {
        if (i > 0) out += ", ";
        out += ValueText(v.AsList()[i]);
      }
      return out + "]";
    }
    case graph::ValueKind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, val] : v.AsMap()) {
        if (!first) out += ", ";
        first = false;
        absl::StrAppend(&out, QuoteName(k), ": ", ValueText(val));
      }
      return out + "}";
    }
    case graph::ValueKind::kNode:
    case graph::ValueKind::kEdge:
    case graph::ValueKind::kPath:
      return v.DebugString();
  }
  return "null";
}

std::string Labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) absl::StrAppend(&out, ":", QuoteName(l));
  return out;
}

std::string Wrap(const Expr& e, int min_prec) {
  std::string s = ToString(e);
  if (ExprPrec(e) < min_prec) return absl::StrCat("(", s, ")");
  return s;
}

std::string OptionalWhere(const ExprPtr& where) {
  return where ? absl::StrCat(" WHERE ", ToString(*where)) : "";
}

std::string NodeText(const NodePattern& n) {
  std::string out = "(" + QuoteName(n.variable) + Labels(n.labels);
  if (n.properties) {
    if (!n.variable.empty() || !n.labels.empty()) out += " ";
    out += ToString(*n.properties);
  }
  return out + ")";
}

std::string RelText(const RelPattern& r) {
  std::string detail = QuoteName(r.variable);
  for (size_t i = 0; i < r.types.size(); ++i) {
    absl::StrAppend(&detail, i == 0 ? ":" : "|", QuoteName(r.types[i]));
  }
  if (r.var_length) {
    detail += "*";
    const VarLength& v = *r.var_length;
    if (v.min && v.max && *v.min == *v.max) {
      absl::StrAppend(&detail, *v.min);
    } else if (v.min || v.max) {
      if (v.min) absl::StrAppend(&detail, *v.min);
      detail += "..";
      if (v.max) absl::StrAppend(&detail, *v.max);
    }
  }
  if (r.properties) {
    if (!detail.empty()) detail += " ";
    detail += ToString(*r.properties);
  }
  std::string body = detail.empty() ? "--" : absl::StrCat("-[", detail, "]-");
  switch (r.direction) {
    case Direction::kLeft:
      return "<" + body;
    case Direction::kRight:
      return body + ">";
    case Direction::kBoth:
      return body;
  }
  return body;
}

}  // namespace

std::string QuoteName(std::string_view name) {
  bool plain = !name.empty() && IsIdentStart(name[0]);
  for (char c : name) plain = plain && IsIdentPart(c);
  if (plain || name.empty()) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string_view BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "OR";
    case BinaryOp::kXor:
      return "XOR";
    case BinaryOp::kAnd:
      return "AND";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSubtract:
      return "-";
    case BinaryOp::kMultiply:
      return "*";
    case BinaryOp::kDivide:
      return "/";
    case BinaryOp::kModulo:
      return "%";
    case BinaryOp::kPower:
      return "^";
    case BinaryOp::kStartsWith:
      return "STARTS WITH";
    case BinaryOp::kEndsWith:
      return "ENDS WITH";
    case BinaryOp::kContains:
      return "CONTAINS";
    case BinaryOp::kIn:
      return "IN";
    case BinaryOp::kRegexMatch:
      return "=~";
  }
  return "?";
}

std::string_view CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "<>";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

std::string ToString(const PathPattern& p) {
  std::string out;
  if (!p.variable.empty()) absl::StrAppend(&out, QuoteName(p.variable), " = ");
  std::string chain;
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    if (i > 0) chain += RelText(p.rels[i - 1]);
    chain += NodeText(p.nodes[i]);
  }
  switch (p.shortest) {
    case ShortestKind::kNone:
      return out + chain;
    case ShortestKind::kShortest:
      return absl::StrCat(out, "shortestPath(", chain, ")");
    case ShortestKind::kAllShortest:
      return absl::StrCat(out, "allShortestPaths(", chain, ")");
  }
  return out + chain;
}

std::string ToString(const Expr& e) {
  switch (e.kind()) {
    case ExprKind::kLiteral:
      return ValueText(e.As<LiteralExpr>().value);
    case ExprKind::kParameter:
    {
      const std::string& name = e.As<ParameterExpr>().name;
      bool numeric = !name.empty() &&
                     name.find_first_not_of("0123456789") == std::string::npos;
      return "$" + (numeric ? name : QuoteName(name));
    }
    case ExprKind::kVariable:
      return QuoteName(e.As<VariableExpr>().name);
    case ExprKind::kProperty: {
      const auto& p = e.As<PropertyExpr>();
      return absl::StrCat(Wrap(*p.object, kPrecPostfix), ".",
                          QuoteName(p.key));
    }
    case ExprKind::kSubscript: {
      const auto& s = e.As<SubscriptExpr>();
      return absl::StrCat(Wrap(*s.object, kPrecPostfix), "[",
                          ToString(*s.index), "]");
    }
    case ExprKind::kSlice: {
      const auto& s = e.As<SliceExpr>();
      return absl::StrCat(Wrap(*s.object, kPrecPostfix), "[",
                          s.from ? ToString(*s.from) : "", "..",
                          s.to ? ToString(*s.to) : "", "]");
    }
    case ExprKind::kList: {
      std::string out = "[";
      const auto& items = e.As<ListExpr>().items;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += ToString(*items[i]);
      }
      return out + "]";
    }
    case ExprKind::kMap: {
      std::string out = "{";
      const auto& entries = e.As<MapExpr>().entries;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += ", ";
        absl::StrAppend(&out, QuoteName(entries[i].key), ": ",
                        ToString(*entries[i].value));
      }
      return out + "}";
    }
    case ExprKind::kMapProjection: {
      const auto& m = e.As<MapProjectionExpr>();
      std::string out = QuoteName(m.variable) + " {";
      for (size_t i = 0; i < m.items.size(); ++i) {
        if (i > 0) out += ", ";
        const auto& item = m.items[i];
        switch (item.kind) {
          case MapProjectionItem::Kind::kProperty:
            absl::StrAppend(&out, ".", QuoteName(item.key));
            break;
          case MapProjectionItem::Kind::kAllProperties:
            out += ".*";
            break;
          case MapProjectionItem::Kind::kLiteral:
            absl::StrAppend(&out, QuoteName(item.key), ": ",
                            ToString(*item.value));
            break;
          case MapProjectionItem::Kind::kVariable:
            out += QuoteName(item.key);
            break;
        }
      }
      return out + "}";
    }
    case ExprKind::kUnary: {
      const auto& u = e.As<UnaryExpr>();
      switch (u.op) {
        case UnaryOp::kNot:
          return "NOT " + Wrap(*u.operand, kPrecNot);
        case UnaryOp::kNegate:
          return "-" + Wrap(*u.operand, kPrecUnary);
        case UnaryOp::kPlus:
          return "+" + Wrap(*u.operand, kPrecUnary);
      }
      return "";
    }
    case ExprKind::kBinary: {
      const auto& b = e.As<BinaryExpr>();
      int prec = BinaryPrec(b.op);
      // Predicates take an additive right side; the rest are left-assoc.
      int rhs_prec = prec == kPrecPredicate ? kPrecAdd : prec + 1;
      return absl::StrCat(Wrap(*b.lhs, prec), " ", std::string(BinaryOpText(b.op)), " ",
                          Wrap(*b.rhs, rhs_prec));
    }
    case ExprKind::kComparison: {
      const auto& c = e.As<ComparisonExpr>();
      std::string out = Wrap(*c.operands[0], kPrecPredicate);
      for (size_t i = 0; i < c.ops.size(); ++i) {
        absl::StrAppend(&out, " ", std::string(CompareOpText(c.ops[i])), " ",
                        Wrap(*c.operands[i + 1], kPrecPredicate));
      }
      return out;
    }
    case ExprKind::kFunctionCall: {
      const auto& f = e.As<FunctionCallExpr>();
      std::string out = f.original_name + "(";
      if (f.star) return out + "*)";
      if (f.distinct) out += "DISTINCT ";
      for (size_t i = 0; i < f.args.size(); ++i) {
        if (i > 0) out += ", ";
        out += ToString(*f.args[i]);
      }
      return out + ")";
    }
    case ExprKind::kCase: {
      const auto& c = e.As<CaseExpr>();
      std::string out = "CASE";
      if (c.subject) absl::StrAppend(&out, " ", ToString(*c.subject));
      for (const auto& alt : c.alternatives) {
        absl::StrAppend(&out, " WHEN ", ToString(*alt.when), " THEN ",
                        ToString(*alt.then));
      }
      if (c.otherwise) absl::StrAppend(&out, " ELSE ", ToString(*c.otherwise));
      return out + " END";
    }
    case ExprKind::kListComprehension: {
      const auto& l = e.As<ListComprehensionExpr>();
      std::string out = absl::StrCat("[", QuoteName(l.variable), " IN ",
                                     ToString(*l.list), OptionalWhere(l.where));
      if (l.projection) absl::StrAppend(&out, " | ", ToString(*l.projection));
      return out + "]";
    }
    case ExprKind::kPatternComprehension: {
      const auto& p = e.As<PatternComprehensionExpr>();
      return absl::StrCat("[", ToString(p.pattern), OptionalWhere(p.where),
                          " | ", ToString(*p.projection), "]");
    }
    case ExprKind::kQuantifier: {
      const auto& q = e.As<QuantifierExpr>();
      std::string_view name;
      switch (q.kind) {
        case QuantifierKind::kAll:
          name = "all";
          break;
        case QuantifierKind::kAny:
          name = "any";
          break;
        case QuantifierKind::kNone:
          name = "none";
          break;
        case QuantifierKind::kSingle:
          name = "single";
          break;
      }
      return absl::StrCat(std::string(name), "(", QuoteName(q.variable), " IN ",
                          ToString(*q.list), OptionalWhere(q.where), ")");
    }
    case ExprKind::kReduce: {
      const auto& r = e.As<ReduceExpr>();
      return absl::StrCat("reduce(", QuoteName(r.accumulator), " = ",
                          ToString(*r.init), ", ", QuoteName(r.variable),
                          " IN ", ToString(*r.list), " | ",
                          ToString(*r.expression), ")");
    }
    case ExprKind::kPatternPredicate:
      return ToString(e.As<PatternPredicateExpr>().pattern);
    case ExprKind::kExistsSubquery: {
      const SingleQuery& q = *e.As<ExistsSubqueryExpr>().query;
      std::string out = "EXISTS {";
      for (const Clause& c : q.clauses) {
        if (c.kind() != ClauseKind::kMatch) {
          out += " ...";
          continue;
        }
        const auto& m = c.As<MatchClause>();
        out += m.optional ? " OPTIONAL MATCH " : " MATCH ";
        for (size_t i = 0; i < m.patterns.size(); ++i) {
          if (i > 0) out += ", ";
          out += ToString(m.patterns[i]);
        }
        out += OptionalWhere(m.where);
      }
      return out + " }";
    }
    case ExprKind::kIsNull: {
      const auto& n = e.As<IsNullExpr>();
      return absl::StrCat(Wrap(*n.operand, kPrecPredicate),
                          n.negated ? " IS NOT NULL" : " IS NULL");
    }
    case ExprKind::kLabelCheck: {
      const auto& l = e.As<LabelCheckExpr>();
      return Wrap(*l.operand, kPrecPostfix) + Labels(l.labels);
    }
  }
  return "";
}

namespace {

void PatternChildren(const PathPattern& p,
                     const std::function<void(const Expr&)>& fn) {
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    if (i > 0 && p.rels[i - 1].properties) fn(*p.rels[i - 1].properties);
    if (p.nodes[i].properties) fn(*p.nodes[i].properties);
  }
}

}  // namespace

uint32_t HeightFromChildren(const Expr& e) {
  uint32_t h = 0;
  ForEachChild(e, [&h](const Expr& child) { h = std::max(h, child.height); });
  return h + 1;
}

void ForEachChild(const Expr& e, const std::function<void(const Expr&)>& fn) {
  auto visit = [&fn](const ExprPtr& child) {
    if (child) fn(*child);
  };
  switch (e.kind()) {
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kVariable:
    case ExprKind::kExistsSubquery:
      return;
    case ExprKind::kProperty:
      return visit(e.As<PropertyExpr>().object);
    case ExprKind::kSubscript:
      visit(e.As<SubscriptExpr>().object);
      return visit(e.As<SubscriptExpr>().index);
    case ExprKind::kSlice:
      visit(e.As<SliceExpr>().object);
      visit(e.As<SliceExpr>().from);
      return visit(e.As<SliceExpr>().to);
    case ExprKind::kList:
      for (const auto& item : e.As<ListExpr>().items) visit(item);
      return;
    case ExprKind::kMap:
      for (const auto& entry : e.As<MapExpr>().entries) visit(entry.value);
      return;
    case ExprKind::kMapProjection:
      for (const auto& item : e.As<MapProjectionExpr>().items) visit(item.value);
      return;
    case ExprKind::kUnary:
      return visit(e.As<UnaryExpr>().operand);
    case ExprKind::kBinary:
      visit(e.As<BinaryExpr>().lhs);
      return visit(e.As<BinaryExpr>().rhs);
    case ExprKind::kComparison:
      for (const auto& operand : e.As<ComparisonExpr>().operands) visit(operand);
      return;
    case ExprKind::kFunctionCall:
      for (const auto& arg : e.As<FunctionCallExpr>().args) visit(arg);
      return;
    case ExprKind::kCase: {
      const auto& c = e.As<CaseExpr>();
      visit(c.subject);
      for (const auto& alt : c.alternatives) {
        visit(alt.when);
        visit(alt.then);
      }
      return visit(c.otherwise);
    }
    case ExprKind::kListComprehension: {
      const auto& l = e.As<ListComprehensionExpr>();
      visit(l.list);
      visit(l.where);
      return visit(l.projection);
    }
    case ExprKind::kPatternComprehension: {
      const auto& p = e.As<PatternComprehensionExpr>();
      PatternChildren(p.pattern, fn);
      visit(p.where);
      return visit(p.projection);
    }
    case ExprKind::kQuantifier:
      visit(e.As<QuantifierExpr>().list);
      return visit(e.As<QuantifierExpr>().where);
    case ExprKind::kReduce: {
      const auto& r = e.As<ReduceExpr>();
      visit(r.init);
      visit(r.list);
      return visit(r.expression);
    }
    case ExprKind::kPatternPredicate:
      return PatternChildren(e.As<PatternPredicateExpr>().pattern, fn);
    case ExprKind::kIsNull:
      return visit(e.As<IsNullExpr>().operand);
    case ExprKind::kLabelCheck:
      return visit(e.As<LabelCheckExpr>().operand);
  }
}

}  // namespace dossier::query
