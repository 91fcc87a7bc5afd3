// Transformer: expressions, literals and names.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "query/parse/error_format.h"
#include "query/parse/transformer.h"

namespace dossier::query::parse_internal {

using P = cy::CypherParser;

namespace {

// Appends code point `cp` to `out` as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A span from the start of `a` to the end of `b`.
SourceSpan Join(const SourceSpan& a, const SourceSpan& b) {
  SourceSpan s = a;
  s.length = b.offset + b.length - a.offset;
  return s;
}

}  // namespace

// ------------------------------------------------------------------- names

std::string Transformer::Name(P::SymbolicNameContext* ctx) {
  if (auto* esc = ctx->EscapedSymbolicName()) {
    std::string raw = esc->getText();
    std::string out;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      out += raw[i];
      if (raw[i] == '`') ++i;  // `` stands for one backtick.
    }
    return out;
  }
  return ctx->getText();
}

std::string Transformer::Name(P::VariableContext* ctx) {
  return Name(ctx->symbolicName());
}

std::string Transformer::Name(P::SchemaNameContext* ctx) {
  if (ctx->symbolicName() != nullptr) return Name(ctx->symbolicName());
  return ctx->getText();
}

std::string Transformer::Text(const antlr4::ParserRuleContext* ctx) const {
  SourceSpan s = Span(ctx);
  return std::string(spans_.text().substr(s.offset, s.length));
}

void Transformer::Fail(const SourceSpan& at, std::string_view detail,
                       std::string_view message) const {
  throw TransformError{SyntaxError(spans_.text(), at, detail, message)};
}

void Transformer::FailTooDeep(const SourceSpan& at) const {
  Fail(at, "UnexpectedSyntax",
       absl::StrCat("expression nested deeper than ", kMaxExpressionDepth,
                    " levels"));
}

// ----------------------------------------------------------------- literals

int64_t Transformer::IntegerValue(P::IntegerLiteralContext* ctx) {
  ExprPtr e = TransformInteger(ctx, false, ctx->getStart());
  return e->As<LiteralExpr>().value.AsInt();
}

ExprPtr Transformer::TransformInteger(P::IntegerLiteralContext* ctx,
                                      bool negative,
                                      const antlr4::Token* start) {
  std::string text = ctx->getText();
  int base = 10;
  size_t pos = 0;
  if (ctx->HexInteger() != nullptr) {
    base = 16;
    pos = 2;
  } else if (ctx->OctalInteger() != nullptr) {
    base = 8;
    pos = 2;
  }
  // Magnitude limit: 2^63 - 1, or 2^63 for a negated literal.
  const uint64_t limit =
      negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t value = 0;
  SourceSpan span = spans_.Between(start, ctx->getStop());
  for (; pos < text.size(); ++pos) {
    uint64_t digit = static_cast<uint64_t>(HexValue(text[pos]));
    if (value > (limit - digit) / base) {
      Fail(span, "IntegerOverflow",
           absl::StrCat("integer literal is too large: ",
                        negative ? "-" : "", text));
    }
    value = value * base + digit;
  }
  int64_t v = negative ? static_cast<int64_t>(0 - value)
                       : static_cast<int64_t>(value);
  return MakeExpr(LiteralExpr{graph::Value::Int(v)}, span);
}

ExprPtr Transformer::TransformDouble(P::DoubleLiteralContext* ctx,
                                     bool negative,
                                     const antlr4::Token* start) {
  std::string text = ctx->getText();
  SourceSpan span = spans_.Between(start, ctx->getStop());
  errno = 0;
  double d = std::strtod(text.c_str(), nullptr);
  if (std::isinf(d)) {
    Fail(span, "FloatingPointOverflow",
         absl::StrCat("float literal is too large: ", text));
  }
  return MakeExpr(LiteralExpr{graph::Value::Double(negative ? -d : d)}, span);
}

std::string Transformer::StringValue(antlr4::Token* token) {
  // The token text is UTF-8 (the runtime converts back from UTF-32).
  std::string raw = token->getText();
  std::string out;
  SourceSpan span = Span(token);
  for (size_t i = 1; i + 1 < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case '\\':
      case '\'':
      case '"':
        out += e;
        break;
      case 'b':
      case 'B':
        out += '\b';
        break;
      case 'f':
      case 'F':
        out += '\f';
        break;
      case 'n':
      case 'N':
        out += '\n';
        break;
      case 'r':
      case 'R':
        out += '\r';
        break;
      case 't':
      case 'T':
        out += '\t';
        break;
      case 'u':
      case 'U': {
        size_t digits = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        bool ok = i + digits < raw.size();
        for (size_t k = 1; ok && k <= digits; ++k) {
          int h = HexValue(raw[i + k]);
          ok = h >= 0;
          cp = cp * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
        }
        if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          Fail(span, "InvalidUnicodeLiteral",
               absl::StrCat("invalid Unicode escape in string literal, \\",
                            std::string(1, e), " needs ", digits,
                            " hexadecimal digits of a valid code point"));
        }
        AppendUtf8(cp, &out);
        i += digits;
        break;
      }
      default:
        Fail(span, "UnexpectedSyntax",
             absl::StrCat("invalid escape sequence \\", std::string(1, e),
                          " in string literal"));
    }
  }
  return out;
}

ExprPtr Transformer::TransformMap(P::MapLiteralContext* ctx) {
  MapExpr map;
  for (auto* entry : ctx->mapEntry()) {
    map.entries.push_back(
        MapEntry{Name(entry->schemaName()), TransformExpr(entry->expression())});
  }
  return MakeExpr(std::move(map), Span(ctx));
}

ExprPtr Transformer::TransformParameter(P::ParameterContext* ctx) {
  std::string name = ctx->symbolicName() != nullptr
                         ? Name(ctx->symbolicName())
                         : ctx->DecimalInteger()->getText();
  return MakeExpr(ParameterExpr{std::move(name)}, Span(ctx));
}

ExprPtr Transformer::TransformLiteral(P::LiteralContext* ctx) {
  SourceSpan span = Span(ctx);
  if (auto* num = ctx->numberLiteral()) {
    if (num->integerLiteral() != nullptr) {
      return TransformInteger(num->integerLiteral(), false, ctx->getStart());
    }
    return TransformDouble(num->doubleLiteral(), false, ctx->getStart());
  }
  if (ctx->StringLiteral() != nullptr) {
    return MakeExpr(
        LiteralExpr{graph::Value::String(
            StringValue(ctx->StringLiteral()->getSymbol()))},
        span);
  }
  if (auto* b = ctx->booleanLiteral()) {
    return MakeExpr(LiteralExpr{graph::Value::Bool(b->TRUE_() != nullptr)},
                    span);
  }
  if (ctx->NULL_() != nullptr) {
    return MakeExpr(LiteralExpr{graph::Value::Null()}, span);
  }
  if (ctx->mapLiteral() != nullptr) return TransformMap(ctx->mapLiteral());
  ListExpr list;
  for (auto* e : ctx->listLiteral()->expression()) {
    list.items.push_back(TransformExpr(e));
  }
  return MakeExpr(std::move(list), span);
}

// -------------------------------------------------------------- expressions

ExprPtr Transformer::TransformExpr(P::ExpressionContext* ctx) {
  return TransformOr(ctx->orExpression());
}

ExprPtr Transformer::TransformOr(P::OrExpressionContext* ctx) {
  auto parts = ctx->xorExpression();
  ExprPtr e = TransformXor(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformXor(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    e = Binary(BinaryOp::kOr, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformXor(P::XorExpressionContext* ctx) {
  auto parts = ctx->andExpression();
  ExprPtr e = TransformAnd(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformAnd(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    e = Binary(BinaryOp::kXor, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformAnd(P::AndExpressionContext* ctx) {
  auto parts = ctx->notExpression();
  ExprPtr e = TransformNot(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformNot(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    e = Binary(BinaryOp::kAnd, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformNot(P::NotExpressionContext* ctx) {
  ExprPtr e = TransformComparison(ctx->comparisonExpression());
  auto nots = ctx->NOT();
  for (size_t i = nots.size(); i-- > 0;) {
    SourceSpan span = Join(Span(nots[i]->getSymbol()), e->span);
    e = MakeExpr(UnaryExpr{UnaryOp::kNot, std::move(e)}, span);
  }
  return e;
}

ExprPtr Transformer::TransformComparison(P::ComparisonExpressionContext* ctx) {
  ExprPtr first = TransformPredicate(ctx->predicateExpression());
  auto parts = ctx->partialComparison();
  if (parts.empty()) return first;
  ComparisonExpr cmp;
  SourceSpan start = first->span;
  cmp.operands.push_back(std::move(first));
  for (auto* part : parts) {
    std::string op = part->comparisonOperator()->getText();
    CompareOp cop = op == "="    ? CompareOp::kEq
                    : op == "<>" ? CompareOp::kNe
                    : op == "<"  ? CompareOp::kLt
                    : op == ">"  ? CompareOp::kGt
                    : op == "<=" ? CompareOp::kLe
                                 : CompareOp::kGe;
    cmp.ops.push_back(cop);
    cmp.operands.push_back(TransformPredicate(part->predicateExpression()));
  }
  SourceSpan span = Join(start, cmp.operands.back()->span);
  return MakeExpr(std::move(cmp), span);
}

ExprPtr Transformer::TransformPredicate(P::PredicateExpressionContext* ctx) {
  ExprPtr e = TransformAddSub(ctx->addOrSubtractExpression());
  for (auto* suffix : ctx->predicateSuffix()) {
    SourceSpan span = Join(e->span, Span(suffix));
    if (dynamic_cast<P::IsNullSuffixContext*>(suffix) != nullptr) {
      e = MakeExpr(IsNullExpr{std::move(e), false}, span);
      continue;
    }
    if (dynamic_cast<P::IsNotNullSuffixContext*>(suffix) != nullptr) {
      e = MakeExpr(IsNullExpr{std::move(e), true}, span);
      continue;
    }
    BinaryOp op;
    P::AddOrSubtractExpressionContext* rhs;
    if (auto* s = dynamic_cast<P::StartsWithSuffixContext*>(suffix)) {
      op = BinaryOp::kStartsWith;
      rhs = s->addOrSubtractExpression();
    } else if (auto* s = dynamic_cast<P::EndsWithSuffixContext*>(suffix)) {
      op = BinaryOp::kEndsWith;
      rhs = s->addOrSubtractExpression();
    } else if (auto* s = dynamic_cast<P::ContainsSuffixContext*>(suffix)) {
      op = BinaryOp::kContains;
      rhs = s->addOrSubtractExpression();
    } else if (auto* s = dynamic_cast<P::RegexSuffixContext*>(suffix)) {
      op = BinaryOp::kRegexMatch;
      rhs = s->addOrSubtractExpression();
    } else {
      auto* in = dynamic_cast<P::InSuffixContext*>(suffix);
      op = BinaryOp::kIn;
      rhs = in->addOrSubtractExpression();
    }
    e = Binary(op, std::move(e), TransformAddSub(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformAddSub(P::AddOrSubtractExpressionContext* ctx) {
  auto parts = ctx->multiplyDivideModuloExpression();
  auto ops = ctx->addOrSubtractOperator();
  ExprPtr e = TransformMulDiv(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformMulDiv(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    BinaryOp op =
        ops[i - 1]->getText() == "+" ? BinaryOp::kAdd : BinaryOp::kSubtract;
    e = Binary(op, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformMulDiv(
    P::MultiplyDivideModuloExpressionContext* ctx) {
  auto parts = ctx->powerOfExpression();
  auto ops = ctx->multiplyDivideModuloOperator();
  ExprPtr e = TransformPower(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformPower(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    std::string t = ops[i - 1]->getText();
    BinaryOp op = t == "*"   ? BinaryOp::kMultiply
                  : t == "/" ? BinaryOp::kDivide
                             : BinaryOp::kModulo;
    e = Binary(op, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformPower(P::PowerOfExpressionContext* ctx) {
  auto parts = ctx->unaryAddOrSubtractExpression();
  ExprPtr e = TransformUnary(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    ExprPtr rhs = TransformUnary(parts[i]);
    SourceSpan span = Join(e->span, rhs->span);
    e = Binary(BinaryOp::kPower, std::move(e), std::move(rhs), span);
  }
  return e;
}

ExprPtr Transformer::TransformUnary(
    P::UnaryAddOrSubtractExpressionContext* ctx) {
  if (ctx->postfixExpression() != nullptr) {
    return TransformPostfix(ctx->postfixExpression());
  }
  bool minus = ctx->getStart()->getText() == "-";
  auto* inner = ctx->unaryAddOrSubtractExpression();
  // `-9223372036854775808`: the minus belongs to the number literal.
  if (minus && inner->postfixExpression() != nullptr) {
    auto* post = inner->postfixExpression();
    auto* lit = post->atom()->literal();
    if (lit != nullptr && post->postfixOperator().empty() &&
        post->nodeLabels() == nullptr && lit->numberLiteral() != nullptr) {
      auto* num = lit->numberLiteral();
      if (num->integerLiteral() != nullptr) {
        return TransformInteger(num->integerLiteral(), true, ctx->getStart());
      }
      return TransformDouble(num->doubleLiteral(), true, ctx->getStart());
    }
  }
  ExprPtr operand = TransformUnary(inner);
  SourceSpan span = Join(Span(ctx->getStart()), operand->span);
  return MakeExpr(
      UnaryExpr{minus ? UnaryOp::kNegate : UnaryOp::kPlus, std::move(operand)},
      span);
}

ExprPtr Transformer::TransformPostfix(P::PostfixExpressionContext* ctx) {
  ExprPtr e = TransformAtom(ctx->atom());
  for (auto* op : ctx->postfixOperator()) {
    SourceSpan span = Join(e->span, Span(op));
    if (auto* prop = dynamic_cast<P::PropertyLookupContext*>(op)) {
      e = MakeExpr(PropertyExpr{std::move(e), Name(prop->schemaName())}, span);
    } else if (auto* sub = dynamic_cast<P::SubscriptOperatorContext*>(op)) {
      e = MakeExpr(SubscriptExpr{std::move(e), TransformExpr(sub->expression())},
                   span);
    } else {
      auto* slice = dynamic_cast<P::SliceOperatorContext*>(op);
      SliceExpr s;
      s.object = std::move(e);
      if (slice->from != nullptr) s.from = TransformExpr(slice->from);
      if (slice->to != nullptr) s.to = TransformExpr(slice->to);
      e = MakeExpr(std::move(s), span);
    }
  }
  if (ctx->nodeLabels() != nullptr) {
    SourceSpan span = Join(e->span, Span(ctx->nodeLabels()));
    e = MakeExpr(
        LabelCheckExpr{std::move(e), TransformLabels(ctx->nodeLabels())}, span);
  }
  return e;
}

ExprPtr Transformer::TransformPropertyExpression(
    P::PropertyExpressionContext* ctx) {
  ExprPtr e = TransformAtom(ctx->atom());
  for (auto* key : ctx->schemaName()) {
    SourceSpan span = Join(e->span, Span(key));
    e = MakeExpr(PropertyExpr{std::move(e), Name(key)}, span);
  }
  return e;
}

ExprPtr Transformer::TransformAtom(P::AtomContext* ctx) {
  SourceSpan span = Span(ctx);
  if (ctx->literal() != nullptr) return TransformLiteral(ctx->literal());
  if (ctx->parameter() != nullptr) return TransformParameter(ctx->parameter());
  if (ctx->caseExpression() != nullptr) {
    return TransformCase(ctx->caseExpression());
  }
  if (ctx->COUNT() != nullptr) {
    FunctionCallExpr f;
    f.name = "count";
    f.original_name = ctx->COUNT()->getText();
    f.star = true;
    return MakeExpr(std::move(f), span);
  }
  if (auto* lc = ctx->listComprehension()) {
    auto* filter = lc->filterExpression();
    auto exprs = filter->expression();
    ListComprehensionExpr l;
    l.variable = Name(filter->variable());
    l.list = TransformExpr(exprs[0]);
    if (exprs.size() > 1) {
      ++pattern_predicates_ok_;
      l.where = TransformExpr(exprs[1]);
      --pattern_predicates_ok_;
    }
    if (lc->expression() != nullptr) {
      l.projection = TransformExpr(lc->expression());
    }
    return MakeExpr(std::move(l), span);
  }
  if (auto* pc = ctx->patternComprehension()) {
    PatternComprehensionExpr p;
    p.pattern = TransformRelationshipsPattern(pc->relationshipsPattern());
    if (pc->variable() != nullptr) p.pattern.variable = Name(pc->variable());
    auto exprs = pc->expression();
    if (pc->WHERE() != nullptr) {
      ++pattern_predicates_ok_;
      p.where = TransformExpr(exprs[0]);
      --pattern_predicates_ok_;
    }
    p.projection = TransformExpr(exprs.back());
    return MakeExpr(std::move(p), span);
  }
  if (auto* q = ctx->quantifierExpression()) {
    QuantifierExpr quant;
    quant.kind = q->ALL() != nullptr    ? QuantifierKind::kAll
                 : q->ANY() != nullptr  ? QuantifierKind::kAny
                 : q->NONE() != nullptr ? QuantifierKind::kNone
                                        : QuantifierKind::kSingle;
    auto* filter = q->filterExpression();
    auto exprs = filter->expression();
    quant.variable = Name(filter->variable());
    quant.list = TransformExpr(exprs[0]);
    if (exprs.size() > 1) {
      ++pattern_predicates_ok_;
      quant.where = TransformExpr(exprs[1]);
      --pattern_predicates_ok_;
    }
    return MakeExpr(std::move(quant), span);
  }
  if (auto* r = ctx->reduceExpression()) {
    ReduceExpr red;
    red.accumulator = Name(r->variable(0));
    red.init = TransformExpr(r->expression(0));
    red.variable = Name(r->variable(1));
    red.list = TransformExpr(r->expression(1));
    red.expression = TransformExpr(r->expression(2));
    return MakeExpr(std::move(red), span);
  }
  if (ctx->existsSubquery() != nullptr) {
    return TransformExists(ctx->existsSubquery());
  }
  if (auto* rp = ctx->relationshipsPattern()) {
    if (pattern_predicates_ok_ == 0) {
      Fail(span, "UnexpectedSyntax",
           "a pattern expression is only allowed in WHERE or exists(); use "
           "a pattern comprehension [(a)-->(b) | b] or EXISTS { ... }");
    }
    return MakeExpr(PatternPredicateExpr{TransformRelationshipsPattern(rp)},
                    span);
  }
  if (auto* paren = ctx->parenthesizedExpression()) {
    return TransformExpr(paren->expression());
  }
  if (ctx->functionInvocation() != nullptr) {
    return TransformFunction(ctx->functionInvocation());
  }
  if (ctx->mapProjection() != nullptr) {
    return TransformMapProjection(ctx->mapProjection());
  }
  return MakeExpr(VariableExpr{Name(ctx->variable())}, span);
}

ExprPtr Transformer::TransformCase(P::CaseExpressionContext* ctx) {
  CaseExpr c;
  std::vector<P::CaseAlternativeContext*> alts;
  P::ExpressionContext* else_expr = nullptr;
  if (auto* simple = dynamic_cast<P::SimpleCaseContext*>(ctx)) {
    c.subject = TransformExpr(simple->subject);
    alts = simple->caseAlternative();
    else_expr = simple->elseExpr;
  } else {
    auto* generic = dynamic_cast<P::GenericCaseContext*>(ctx);
    alts = generic->caseAlternative();
    else_expr = generic->elseExpr;
  }
  for (auto* alt : alts) {
    c.alternatives.push_back(CaseAlternative{TransformExpr(alt->expression(0)),
                                             TransformExpr(alt->expression(1))});
  }
  if (else_expr != nullptr) c.otherwise = TransformExpr(else_expr);
  return MakeExpr(std::move(c), Span(ctx));
}

ExprPtr Transformer::TransformFunction(P::FunctionInvocationContext* ctx) {
  FunctionCallExpr f;
  auto* fn = ctx->functionName();
  if (fn->EXISTS() != nullptr) {
    f.original_name = fn->EXISTS()->getText();
  } else {
    for (auto* part : fn->nameSpace()->symbolicName()) {
      absl::StrAppend(&f.original_name, Name(part), ".");
    }
    f.original_name += Name(fn->symbolicName());
  }
  f.name = absl::AsciiStrToLower(f.original_name);
  f.distinct = ctx->DISTINCT() != nullptr;
  bool is_exists = f.name == "exists";
  if (is_exists) ++pattern_predicates_ok_;
  for (auto* arg : ctx->expression()) f.args.push_back(TransformExpr(arg));
  if (is_exists) --pattern_predicates_ok_;
  return MakeExpr(std::move(f), Span(ctx));
}

ExprPtr Transformer::TransformMapProjection(P::MapProjectionContext* ctx) {
  MapProjectionExpr m;
  m.variable = Name(ctx->variable());
  for (auto* item : ctx->mapProjectionItem()) {
    MapProjectionItem out;
    if (auto* p = dynamic_cast<P::ProjectPropertyContext*>(item)) {
      out.kind = MapProjectionItem::Kind::kProperty;
      out.key = Name(p->schemaName());
    } else if (dynamic_cast<P::ProjectAllPropertiesContext*>(item) != nullptr) {
      out.kind = MapProjectionItem::Kind::kAllProperties;
    } else if (auto* l = dynamic_cast<P::ProjectLiteralContext*>(item)) {
      out.kind = MapProjectionItem::Kind::kLiteral;
      out.key = Name(l->schemaName());
      out.value = TransformExpr(l->expression());
    } else {
      auto* v = dynamic_cast<P::ProjectVariableContext*>(item);
      out.kind = MapProjectionItem::Kind::kVariable;
      out.key = Name(v->variable());
    }
    m.items.push_back(std::move(out));
  }
  return MakeExpr(std::move(m), Span(ctx));
}

}  // namespace dossier::query::parse_internal
