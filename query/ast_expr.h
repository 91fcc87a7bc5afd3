// AST of expressions and patterns (include query/ast.h rather than this file).
//
// Expressions and patterns are mutually recursive (a pattern carries a
// property-map expression; a pattern predicate is an expression), so both
// live here. Nodes are plain move-only value types owning their children
// through std::unique_ptr; every node carries the SourceSpan of its text.
#ifndef DOSSIER_QUERY_AST_EXPR_H_
#define DOSSIER_QUERY_AST_EXPR_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/value.h"
#include "query/source_span.h"

namespace dossier::query {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// ------------------------------------------------------------------ patterns

// The direction of a relationship pattern: `<-`, `->`, or `-` (also `<->`).
enum class Direction : uint8_t { kLeft, kRight, kBoth };

// `shortestPath(...)` / `allShortestPaths(...)` around a path pattern.
enum class ShortestKind : uint8_t { kNone, kShortest, kAllShortest };

// `(variable:Label1:Label2 {props})`; empty variable = anonymous.
struct NodePattern {
  std::string variable;
  std::vector<std::string> labels;
  ExprPtr properties;  // A map literal or a parameter, or null.
  SourceSpan span;
};

// The `*min..max` of a variable-length relationship; an absent bound is
// open (`*` = both absent, `*2` = min and max 2).
struct VarLength {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// `-[variable:T1|T2 *min..max {props}]->`; empty variable = anonymous,
// empty types = any type.
struct RelPattern {
  std::string variable;
  std::vector<std::string> types;
  Direction direction = Direction::kBoth;
  ExprPtr properties;  // A map literal or a parameter, or null.
  std::optional<VarLength> var_length;
  SourceSpan span;
};

// `p = (a)-[r]->(b)...`: nodes.size() == rels.size() + 1 and rels[i] joins
// nodes[i] and nodes[i + 1]. Empty variable = no path variable.
struct PathPattern {
  std::string variable;
  ShortestKind shortest = ShortestKind::kNone;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
  SourceSpan span;
};

// --------------------------------------------------------------- expressions

struct SingleQuery;
// Deletes a SingleQuery (defined in ast.cc, where the type is complete).
struct SingleQueryDeleter {
  void operator()(SingleQuery* q) const;
};
using SingleQueryPtr = std::unique_ptr<SingleQuery, SingleQueryDeleter>;

// The kinds of expression, in the order of Expr::node's alternatives.
enum class ExprKind : uint8_t {
  kLiteral,
  kParameter,
  kVariable,
  kProperty,
  kSubscript,
  kSlice,
  kList,
  kMap,
  kMapProjection,
  kUnary,
  kBinary,
  kComparison,
  kFunctionCall,
  kCase,
  kListComprehension,
  kPatternComprehension,
  kQuantifier,
  kReduce,
  kPatternPredicate,
  kExistsSubquery,
  kIsNull,
  kLabelCheck,
};

// Unary operators.
enum class UnaryOp : uint8_t { kNot, kNegate, kPlus };

// Binary operators, including the string predicates, IN and regex match.
enum class BinaryOp : uint8_t {
  kOr,
  kXor,
  kAnd,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kPower,
  kStartsWith,
  kEndsWith,
  kContains,
  kIn,
  kRegexMatch,
};

// Comparison operators of a comparison chain.
enum class CompareOp : uint8_t { kEq, kNe, kLt, kGt, kLe, kGe };

// `all(...)`, `any(...)`, `none(...)`, `single(...)`.
enum class QuantifierKind : uint8_t { kAll, kAny, kNone, kSingle };

// A constant: null, boolean, integer, float, string, or (never produced by
// the parser, but allowed for rewrites) a list or map value.
struct LiteralExpr {
  graph::Value value;
};

// `$name` or `$0`: name holds the text after `$`.
struct ParameterExpr {
  std::string name;
};

// A variable reference.
struct VariableExpr {
  std::string name;
};

// `object.key`.
struct PropertyExpr {
  ExprPtr object;
  std::string key;
};

// `object[index]`.
struct SubscriptExpr {
  ExprPtr object;
  ExprPtr index;
};

// `object[from..to]`; either bound may be null (open).
struct SliceExpr {
  ExprPtr object;
  ExprPtr from;
  ExprPtr to;
};

// `[a, b, c]`.
struct ListExpr {
  std::vector<ExprPtr> items;
};

// One `key: value` of a map literal.
struct MapEntry {
  std::string key;
  ExprPtr value;
};

// `{k1: e1, k2: e2}`, entries in source order.
struct MapExpr {
  std::vector<MapEntry> entries;
};

// One item of a map projection.
struct MapProjectionItem {
  enum class Kind : uint8_t {
    kProperty,       // `.key`: the key of the projected variable.
    kAllProperties,  // `.*`: every property.
    kLiteral,        // `key: expr`.
    kVariable,       // `x`: key x, value variable x.
  };
  Kind kind = Kind::kProperty;
  std::string key;  // Empty for kAllProperties.
  ExprPtr value;    // Only for kLiteral.
};

// `variable {.a, .*, k: expr, x}`.
struct MapProjectionExpr {
  std::string variable;
  std::vector<MapProjectionItem> items;
};

// `NOT x`, `-x`, `+x`.
struct UnaryExpr {
  UnaryOp op = UnaryOp::kNot;
  ExprPtr operand;
};

// `lhs op rhs`.
struct BinaryExpr {
  BinaryOp op = BinaryOp::kAnd;
  ExprPtr lhs;
  ExprPtr rhs;
};

// `a < b <= c`: operands.size() == ops.size() + 1 >= 2; it means
// `a < b AND b <= c` with b evaluated once. A single comparison is a chain
// of one operator.
struct ComparisonExpr {
  std::vector<ExprPtr> operands;
  std::vector<CompareOp> ops;
};

// `ns.name(DISTINCT? args)` or `count(*)`.
struct FunctionCallExpr {
  std::string name;           // Lowercased, namespace included: "algo.pagerank".
  std::string original_name;  // As typed (escapes removed).
  bool distinct = false;
  bool star = false;  // `count(*)`; args is then empty.
  std::vector<ExprPtr> args;
};

// One `WHEN when THEN then` of a CASE.
struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};

// `CASE subject? WHEN ... THEN ... ELSE otherwise END`; subject null for the
// generic form, otherwise null when there is no ELSE.
struct CaseExpr {
  ExprPtr subject;
  std::vector<CaseAlternative> alternatives;
  ExprPtr otherwise;
};

// `[variable IN list WHERE where | projection]`; where and projection may
// be null.
struct ListComprehensionExpr {
  std::string variable;
  ExprPtr list;
  ExprPtr where;
  ExprPtr projection;
};

// `[p = (a)-->(b) WHERE where | projection]`; where may be null; the path
// variable, if any, is pattern.variable.
struct PatternComprehensionExpr {
  PathPattern pattern;
  ExprPtr where;
  ExprPtr projection;
};

// `all(variable IN list WHERE where)`; where may be null (then it is true).
struct QuantifierExpr {
  QuantifierKind kind = QuantifierKind::kAll;
  std::string variable;
  ExprPtr list;
  ExprPtr where;
};

// `reduce(accumulator = init, variable IN list | expression)`.
struct ReduceExpr {
  std::string accumulator;
  ExprPtr init;
  std::string variable;
  ExprPtr list;
  ExprPtr expression;
};

// `(a)-[:T]->(b)` used as a boolean: true when a match exists. Only allowed
// inside WHERE (and as the argument of exists()).
struct PatternPredicateExpr {
  PathPattern pattern;
};

// `EXISTS { MATCH ... WHERE ... }` (or `EXISTS { (a)-->(b) WHERE ... }`,
// normalised to a single MATCH clause). The subquery may use the outer
// query's variables.
struct ExistsSubqueryExpr {
  SingleQueryPtr query;
};

// `operand IS NULL` / `operand IS NOT NULL`.
struct IsNullExpr {
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL.
};

// `operand:Label1:Label2` as a boolean (all labels present).
struct LabelCheckExpr {
  ExprPtr operand;
  std::vector<std::string> labels;
};

// An expression: a kind-tagged node, its span, and for expressions the user
// may see as a column name, the original text (see ProjectionItem).
struct Expr {
  using Node =
      std::variant<LiteralExpr, ParameterExpr, VariableExpr, PropertyExpr,
                   SubscriptExpr, SliceExpr, ListExpr, MapExpr,
                   MapProjectionExpr, UnaryExpr, BinaryExpr, ComparisonExpr,
                   FunctionCallExpr, CaseExpr, ListComprehensionExpr,
                   PatternComprehensionExpr, QuantifierExpr, ReduceExpr,
                   PatternPredicateExpr, ExistsSubqueryExpr, IsNullExpr,
                   LabelCheckExpr>;

  Node node;
  SourceSpan span;
  // 1 + the greatest height of the children (1 for a leaf), as MakeExpr
  // built it: the recursion depth that walking this expression costs.
  uint32_t height = 1;

  ExprKind kind() const { return static_cast<ExprKind>(node.index()); }

  // Typed access. REQUIRES: the alternative T is held.
  template <typename T>
  const T& As() const {
    return std::get<T>(node);
  }
  template <typename T>
  T& As() {
    return std::get<T>(node);
  }
};

// 1 + the greatest `height` of e's direct children (ast.cc).
uint32_t HeightFromChildren(const Expr& e);

// Makes an expression node of alternative T with its span and height.
template <typename T>
ExprPtr MakeExpr(T node, SourceSpan span) {
  auto e = std::make_unique<Expr>();
  e->node = std::move(node);
  e->span = span;
  e->height = HeightFromChildren(*e);
  return e;
}

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_AST_EXPR_H_
