// The query AST: what query/parse/ produces and query/bind/ consumes.
//
// Include this header (not ast_expr.h / ast_clause.h directly): expressions
// can hold subqueries, so the full set of types is only complete here.
// All nodes are move-only value types in namespace dossier::query; each
// carries a SourceSpan for error messages.
#ifndef DOSSIER_QUERY_AST_H_
#define DOSSIER_QUERY_AST_H_

#include <functional>
#include <string>
#include <string_view>

#include "query/ast_clause.h"
#include "query/ast_expr.h"
#include "query/source_span.h"

namespace dossier::query {

// Returns a canonical text of `expr`: keywords upper case, single spaces
// around binary operators, strings single-quoted with escapes, e.g.
// `a.name STARTS WITH 'x'`, `count(*)`, `[x IN l WHERE x > 1 | x * 2]`.
// Parsing the result gives the same AST (spans aside). Note that an
// unaliased RETURN column is named by ProjectionItem::text (the text as
// typed), not by this function.
std::string ToString(const Expr& expr);

// Calls `fn` on each direct child expression of `expr`, in source order,
// including the property maps of patterns inside it (pattern predicates and
// comprehensions) but not the contents of EXISTS subqueries.
void ForEachChild(const Expr& expr, const std::function<void(const Expr&)>& fn);

// Returns the canonical text of a path pattern, e.g. `p = (a:A)-[:T*1..2]->(b)`.
std::string ToString(const PathPattern& pattern);

// Quotes a name with backticks when it is not a plain identifier.
std::string QuoteName(std::string_view name);

// Returns the operator's text: "+", "STARTS WITH", "=~", ...
std::string_view BinaryOpText(BinaryOp op);

// Returns the operator's text: "=", "<>", "<", ...
std::string_view CompareOpText(CompareOp op);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_AST_H_
