// ParseStatement: query text -> AST (query/ast.h).
#ifndef DOSSIER_QUERY_PARSE_PARSER_H_
#define DOSSIER_QUERY_PARSE_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"

namespace dossier::query {

// The deepest nesting of ( [ { accepted (checked on the raw text before the
// ANTLR parser, whose recursion could otherwise overflow the stack).
inline constexpr int kMaxNestingDepth = 500;

// The deepest expression accepted (operator chains like `1 + 1 + …`, runs of
// NOT or unary minus, property chains): every later stage walks expressions
// recursively, so the transformer refuses deeper ones.
inline constexpr uint32_t kMaxExpressionDepth = 1000;

// The longest statement accepted, in bytes (checked before lexing: ANTLR
// keeps a token object per token, so 10 MB of tokens would take minutes and
// gigabytes). Large values belong in parameters.
inline constexpr size_t kMaxQueryBytes = 1 << 20;
// The most tokens accepted in one statement: each token costs a chain of
// parse-tree contexts (a 500,000-element list literal took minutes and
// gigabytes), so the parser refuses more before parsing.
inline constexpr size_t kMaxQueryTokens = 50000;

// Parses one statement (an optional trailing `;` is accepted; the CLI splits
// scripts on `;` itself).
//
// On success returns the AST; spans in it index `text`. On a bad query
// returns InvalidArgument with a message made by FormatQueryError:
// "SyntaxError: <Detail>: <message> (line L, column C)", the query line and
// a caret. Details: UnexpectedSyntax (generic), InvalidUnicodeCharacter (bad
// UTF-8, NUL, or a stray non-ASCII character), InvalidNumberLiteral,
// IntegerOverflow, FloatingPointOverflow, InvalidUnicodeLiteral,
// InvalidRelationshipPattern, UnexpectedSyntax, NonConstantExpression,
// NegativeIntegerArgument, InvalidArgumentType (SKIP/LIMIT literals).
// Never throws. Thread-safe (no shared state).
absl::StatusOr<Statement> ParseStatement(std::string_view text);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PARSE_PARSER_H_
