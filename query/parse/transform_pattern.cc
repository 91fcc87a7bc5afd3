// Transformer: node, relationship and path patterns.
#include <string>

#include "absl/strings/str_cat.h"
#include "query/parse/transformer.h"

namespace dossier::query::parse_internal {

using P = cy::CypherParser;

std::vector<PathPattern> Transformer::TransformPattern(P::PatternContext* ctx) {
  std::vector<PathPattern> out;
  for (auto* part : ctx->patternPart()) out.push_back(TransformPatternPart(part));
  return out;
}

PathPattern Transformer::TransformPatternPart(P::PatternPartContext* ctx) {
  PathPattern path;
  path.span = Span(ctx);
  if (ctx->variable() != nullptr) path.variable = Name(ctx->variable());
  auto* anon = ctx->anonymousPatternPart();
  if (auto* sp = anon->shortestPathPattern()) {
    path.shortest = sp->SHORTESTPATH() != nullptr ? ShortestKind::kShortest
                                                   : ShortestKind::kAllShortest;
    TransformPatternElement(sp->patternElement(), &path);
    if (path.rels.size() != 1) {
      Fail(Span(sp), "UnexpectedSyntax",
           "shortestPath and allShortestPaths need a pattern with exactly one "
           "relationship");
    }
  } else {
    TransformPatternElement(anon->patternElement(), &path);
  }
  return path;
}

void Transformer::TransformPatternElement(P::PatternElementContext* ctx,
                                          PathPattern* out) {
  if (ctx->patternElement() != nullptr) {
    TransformPatternElement(ctx->patternElement(), out);
    return;
  }
  out->nodes.push_back(TransformNode(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) TransformChain(chain, out);
}

void Transformer::TransformChain(P::PatternElementChainContext* ctx,
                                 PathPattern* out) {
  out->rels.push_back(TransformRel(ctx->relationshipPattern()));
  out->nodes.push_back(TransformNode(ctx->nodePattern()));
}

PathPattern Transformer::TransformRelationshipsPattern(
    P::RelationshipsPatternContext* ctx) {
  PathPattern path;
  path.span = Span(ctx);
  path.nodes.push_back(TransformNode(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) TransformChain(chain, &path);
  return path;
}

std::vector<std::string> Transformer::TransformLabels(
    P::NodeLabelsContext* ctx) {
  std::vector<std::string> labels;
  for (auto* label : ctx->nodeLabel()) labels.push_back(Name(label->schemaName()));
  return labels;
}

ExprPtr Transformer::TransformProperties(P::PropertiesContext* ctx) {
  if (ctx->mapLiteral() != nullptr) return TransformMap(ctx->mapLiteral());
  return TransformParameter(ctx->parameter());
}

NodePattern Transformer::TransformNode(P::NodePatternContext* ctx) {
  NodePattern node;
  node.span = Span(ctx);
  if (ctx->variable() != nullptr) node.variable = Name(ctx->variable());
  if (ctx->nodeLabels() != nullptr) node.labels = TransformLabels(ctx->nodeLabels());
  if (ctx->properties() != nullptr) {
    node.properties = TransformProperties(ctx->properties());
  }
  return node;
}

RelPattern Transformer::TransformRel(P::RelationshipPatternContext* ctx) {
  RelPattern rel;
  rel.span = Span(ctx);
  bool left = ctx->leftArrowHead() != nullptr;
  bool right = ctx->rightArrowHead() != nullptr;
  rel.direction = left == right ? Direction::kBoth
                  : left        ? Direction::kLeft
                                : Direction::kRight;
  auto* detail = ctx->relationshipDetail();
  if (detail == nullptr) return rel;
  if (detail->variable() != nullptr) rel.variable = Name(detail->variable());
  if (auto* types = detail->relationshipTypes()) {
    for (auto* t : types->relTypeName()) rel.types.push_back(Name(t->schemaName()));
  }
  if (detail->rangeLiteral() != nullptr) {
    rel.var_length = TransformRange(detail->rangeLiteral());
  }
  if (detail->properties() != nullptr) {
    rel.properties = TransformProperties(detail->properties());
  }
  return rel;
}

VarLength Transformer::TransformRange(P::RangeLiteralContext* ctx) {
  VarLength range;
  bool seen_dots = false;
  for (auto* child : ctx->children) {
    if (auto* lit = dynamic_cast<P::IntegerLiteralContext*>(child)) {
      int64_t v = IntegerValue(lit);
      (seen_dots ? range.max : range.min) = v;
    } else if (child->getText() == "..") {
      seen_dots = true;
    }
  }
  if (!seen_dots) range.max = range.min;  // `*` stays open, `*2` is 2..2.
  return range;
}

}  // namespace dossier::query::parse_internal
