// AST of clauses and statements (include query/ast.h rather than this file).
#ifndef DOSSIER_QUERY_AST_CLAUSE_H_
#define DOSSIER_QUERY_AST_CLAUSE_H_

#include <string>
#include <variant>
#include <vector>

#include "query/ast_expr.h"
#include "query/source_span.h"

namespace dossier::query {

// `MATCH` / `OPTIONAL MATCH patterns WHERE where` (where may be null).
struct MatchClause {
  bool optional = false;
  std::vector<PathPattern> patterns;
  ExprPtr where;
};

// `UNWIND list AS variable`.
struct UnwindClause {
  ExprPtr list;
  std::string variable;
};

// One item of RETURN / WITH: `expr AS alias` or `expr`.
struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // Empty when the item has no AS.
  // The item's expression exactly as typed (comments inside kept), which
  // openCypher uses as the column name of an unaliased item.
  std::string text;
  SourceSpan span;

  // The column name: the alias, or the original text.
  const std::string& ColumnName() const {
    return alias.empty() ? text : alias;
  }
};

// One `expr ASC|DESC` of ORDER BY.
struct SortItem {
  ExprPtr expr;
  bool descending = false;
  SourceSpan span;
};

// The body shared by RETURN and WITH.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*` (items then holds only the extra items).
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // Null when absent.
  ExprPtr limit;  // Null when absent.
};

// `WITH projection WHERE where` (where may be null).
struct WithClause {
  Projection projection;
  ExprPtr where;
};

// `RETURN projection`.
struct ReturnClause {
  Projection projection;
};

// `CREATE patterns`.
struct CreateClause {
  std::vector<PathPattern> patterns;
};

// One item of SET (also of MERGE's ON CREATE / ON MATCH).
struct SetItem {
  enum class Kind : uint8_t {
    kProperty,    // `target = value`, target a PropertyExpr.
    kReplaceAll,  // `variable = value` (a map or an entity).
    kMergeMap,    // `variable += value`.
    kLabels,      // `variable:L1:L2`.
  };
  Kind kind = Kind::kProperty;
  ExprPtr target;        // kProperty only.
  std::string variable;  // kReplaceAll, kMergeMap, kLabels.
  ExprPtr value;         // Not for kLabels.
  std::vector<std::string> labels;  // kLabels only.
  SourceSpan span;
};

// `SET items`.
struct SetClause {
  std::vector<SetItem> items;
};

// `MERGE pattern ON CREATE SET ... ON MATCH SET ...` (actions in order
// within each list).
struct MergeClause {
  PathPattern pattern;
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
};

// One item of REMOVE.
struct RemoveItem {
  enum class Kind : uint8_t {
    kProperty,  // `n.p`: target is a PropertyExpr.
    kLabels,    // `n:L1:L2`.
  };
  Kind kind = Kind::kProperty;
  ExprPtr target;
  std::string variable;
  std::vector<std::string> labels;
  SourceSpan span;
};

// `REMOVE items`.
struct RemoveClause {
  std::vector<RemoveItem> items;
};

// `DETACH? DELETE targets`.
struct DeleteClause {
  bool detach = false;
  std::vector<ExprPtr> targets;
};

// One `field AS alias` (or `field`) of YIELD.
struct YieldItem {
  std::string field;
  std::string alias;  // Equal to field when there is no AS.
  SourceSpan span;
};

// `CALL ns.proc(args) YIELD items WHERE where`.
struct CallClause {
  std::string procedure;           // Lowercased, namespace included.
  std::string original_procedure;  // As typed.
  bool has_arguments = false;      // Parentheses present (`CALL p` has none).
  std::vector<ExprPtr> args;
  bool yield_star = false;         // `YIELD *`.
  std::vector<YieldItem> yields;   // Empty without YIELD.
  ExprPtr where;                   // Null when absent.
};

// The kinds of clause, in the order of Clause::node's alternatives.
enum class ClauseKind : uint8_t {
  kMatch,
  kUnwind,
  kWith,
  kReturn,
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kCall,
};

// A clause: a kind-tagged node and its span.
struct Clause {
  using Node = std::variant<MatchClause, UnwindClause, WithClause,
                            ReturnClause, CreateClause, MergeClause, SetClause,
                            RemoveClause, DeleteClause, CallClause>;
  Node node;
  SourceSpan span;

  ClauseKind kind() const { return static_cast<ClauseKind>(node.index()); }

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

// A query without UNION: its clauses in order.
struct SingleQuery {
  std::vector<Clause> clauses;
  SourceSpan span;
};

// EXPLAIN / PROFILE prefix of a statement.
enum class ExplainMode : uint8_t { kNone, kExplain, kProfile };

// A whole statement: optional EXPLAIN/PROFILE and one or more single
// queries joined by UNION (union_all[i] says whether queries[i] and
// queries[i + 1] are joined by UNION ALL). union_all.size() ==
// queries.size() - 1.
struct Statement {
  ExplainMode mode = ExplainMode::kNone;
  std::vector<SingleQuery> queries;
  std::vector<bool> union_all;
  SourceSpan span;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_AST_CLAUSE_H_
