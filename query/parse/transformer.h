// Transformer: ANTLR parse tree -> AST. Private to query/parse/.
//
// The transformer reports errors by throwing TransformError, which
// ParseStatement catches; nothing thrown here leaves query/parse/. Its
// methods are split over transform_clause.cc, transform_pattern.cc and
// transform_expr.cc.
#ifndef DOSSIER_QUERY_PARSE_TRANSFORMER_H_
#define DOSSIER_QUERY_PARSE_TRANSFORMER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "CypherParser.h"
#include "absl/status/status.h"
#include "query/ast.h"
#include "query/parse/parser.h"

namespace dossier::query::parse_internal {

namespace cy = ::dossier_cypher;

// Thrown by the transformer with a ready-made InvalidArgument status.
struct TransformError {
  absl::Status status;
};

// Maps ANTLR positions (code point indexes) to SourceSpans (byte offsets).
class SpanMap {
 public:
  // `text` must outlive the map. REQUIRES: text is valid UTF-8.
  explicit SpanMap(std::string_view text);

  // Byte offset of code point `index` (index may equal the code point count).
  uint32_t ByteOffset(size_t index) const;

  // The span of one token.
  SourceSpan Of(const antlr4::Token* token) const;
  // The span from `start` to `stop`, both included (stop may be null).
  SourceSpan Between(const antlr4::Token* start, const antlr4::Token* stop) const;
  // The span of a rule context.
  SourceSpan Of(const antlr4::ParserRuleContext* ctx) const;

  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<uint32_t> offsets_;  // Byte offset of each code point, + end.
};

// Builds the AST of one statement.
class Transformer {
 public:
  // `spans` must outlive the transformer.
  explicit Transformer(const SpanMap& spans) : spans_(spans) {}

  // Throws TransformError.
  Statement TransformStatement(cy::CypherParser::StatementContext* ctx);

 private:
  // transform_clause.cc
  SingleQuery TransformSingleQuery(cy::CypherParser::SingleQueryContext* ctx);
  Clause TransformClause(cy::CypherParser::ClauseContext* ctx);
  MatchClause TransformMatch(cy::CypherParser::MatchClauseContext* ctx);
  Projection TransformProjection(cy::CypherParser::ProjectionBodyContext* ctx);
  ExprPtr TransformSkipLimit(cy::CypherParser::ExpressionContext* ctx,
                             std::string_view what);
  std::vector<SetItem> TransformSetItems(cy::CypherParser::SetClauseContext* ctx);
  RemoveClause TransformRemove(cy::CypherParser::RemoveClauseContext* ctx);
  CallClause TransformCall(cy::CypherParser::CallClauseContext* ctx);
  ExprPtr TransformWhere(cy::CypherParser::WhereContext* ctx);

  // transform_pattern.cc
  std::vector<PathPattern> TransformPattern(cy::CypherParser::PatternContext* ctx);
  PathPattern TransformPatternPart(cy::CypherParser::PatternPartContext* ctx);
  void TransformPatternElement(cy::CypherParser::PatternElementContext* ctx,
                               PathPattern* out);
  void TransformChain(cy::CypherParser::PatternElementChainContext* ctx,
                      PathPattern* out);
  NodePattern TransformNode(cy::CypherParser::NodePatternContext* ctx);
  RelPattern TransformRel(cy::CypherParser::RelationshipPatternContext* ctx);
  VarLength TransformRange(cy::CypherParser::RangeLiteralContext* ctx);
  PathPattern TransformRelationshipsPattern(
      cy::CypherParser::RelationshipsPatternContext* ctx);
  std::vector<std::string> TransformLabels(cy::CypherParser::NodeLabelsContext* ctx);
  ExprPtr TransformProperties(cy::CypherParser::PropertiesContext* ctx);

  // transform_expr.cc
 public:
  ExprPtr TransformExpr(cy::CypherParser::ExpressionContext* ctx);

 private:
  ExprPtr TransformOr(cy::CypherParser::OrExpressionContext* ctx);
  ExprPtr TransformXor(cy::CypherParser::XorExpressionContext* ctx);
  ExprPtr TransformAnd(cy::CypherParser::AndExpressionContext* ctx);
  ExprPtr TransformNot(cy::CypherParser::NotExpressionContext* ctx);
  ExprPtr TransformComparison(cy::CypherParser::ComparisonExpressionContext* ctx);
  ExprPtr TransformPredicate(cy::CypherParser::PredicateExpressionContext* ctx);
  ExprPtr TransformAddSub(cy::CypherParser::AddOrSubtractExpressionContext* ctx);
  ExprPtr TransformMulDiv(
      cy::CypherParser::MultiplyDivideModuloExpressionContext* ctx);
  ExprPtr TransformPower(cy::CypherParser::PowerOfExpressionContext* ctx);
  ExprPtr TransformUnary(cy::CypherParser::UnaryAddOrSubtractExpressionContext* ctx);
  ExprPtr TransformPostfix(cy::CypherParser::PostfixExpressionContext* ctx);
  ExprPtr TransformPropertyExpression(
      cy::CypherParser::PropertyExpressionContext* ctx);
  ExprPtr TransformAtom(cy::CypherParser::AtomContext* ctx);
  ExprPtr TransformLiteral(cy::CypherParser::LiteralContext* ctx);
  ExprPtr TransformInteger(cy::CypherParser::IntegerLiteralContext* ctx,
                           bool negative, const antlr4::Token* start);
  ExprPtr TransformDouble(cy::CypherParser::DoubleLiteralContext* ctx,
                          bool negative, const antlr4::Token* start);
  ExprPtr TransformMap(cy::CypherParser::MapLiteralContext* ctx);
  ExprPtr TransformParameter(cy::CypherParser::ParameterContext* ctx);
  ExprPtr TransformCase(cy::CypherParser::CaseExpressionContext* ctx);
  ExprPtr TransformFunction(cy::CypherParser::FunctionInvocationContext* ctx);
  ExprPtr TransformMapProjection(cy::CypherParser::MapProjectionContext* ctx);
  ExprPtr TransformExists(cy::CypherParser::ExistsSubqueryContext* ctx);
  std::string StringValue(antlr4::Token* token);

 public:
  // Names (transform_expr.cc).
  std::string Name(cy::CypherParser::SymbolicNameContext* ctx);
  std::string Name(cy::CypherParser::VariableContext* ctx);
  std::string Name(cy::CypherParser::SchemaNameContext* ctx);

  // Parses a non-negative integer literal as int64; throws IntegerOverflow.
  int64_t IntegerValue(cy::CypherParser::IntegerLiteralContext* ctx);

  // query::MakeExpr, refusing an expression deeper than kMaxExpressionDepth
  // (throws TransformError). Every expression of the transformer is made
  // here, so no deeper AST reaches the binder, planner or evaluator.
  template <typename T>
  ExprPtr MakeExpr(T node, SourceSpan span) const {
    ExprPtr e = query::MakeExpr(std::move(node), span);
    if (e->height > kMaxExpressionDepth) FailTooDeep(span);
    return e;
  }
  ExprPtr Binary(BinaryOp op, ExprPtr lhs, ExprPtr rhs, SourceSpan span) const {
    return MakeExpr(BinaryExpr{op, std::move(lhs), std::move(rhs)}, span);
  }
  [[noreturn]] void FailTooDeep(const SourceSpan& at) const;

  // Throws TransformError(SyntaxError: detail: message at `at`).
  [[noreturn]] void Fail(const SourceSpan& at, std::string_view detail,
                         std::string_view message) const;

  SourceSpan Span(const antlr4::ParserRuleContext* ctx) const {
    return spans_.Of(ctx);
  }
  SourceSpan Span(const antlr4::Token* token) const { return spans_.Of(token); }
  // The original text of a context (bytes of the query).
  std::string Text(const antlr4::ParserRuleContext* ctx) const;

 private:
  const SpanMap& spans_;
  // > 0 where pattern predicates are allowed (WHERE, exists(...)).
  int pattern_predicates_ok_ = 0;
};

}  // namespace dossier::query::parse_internal

#endif  // DOSSIER_QUERY_PARSE_TRANSFORMER_H_
