// Internal to query/bind/: the Binder's scope and its per-clause methods.
#ifndef DOSSIER_QUERY_BIND_BINDER_INTERNAL_H_
#define DOSSIER_QUERY_BIND_BINDER_INTERNAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/bind/bound_query.h"

namespace dossier::query::internal {

// What the binder knows of a variable's (or expression's) type.
enum class VarKind : uint8_t {
  kAny,      // Unknown.
  kNode,
  kRel,
  kRelList,  // A variable-length relationship.
  kPath,
  kBool,
  kNumber,
  kString,
  kList,
  kMap,
  kNull,
};

// The variables in scope, in order of introduction.
struct Scope {
  std::map<std::string, VarKind, std::less<>> vars;
  std::vector<std::string> order;

  bool Has(std::string_view n) const { return vars.find(n) != vars.end(); }
  VarKind Kind(std::string_view n) const {
    auto it = vars.find(n);
    return it == vars.end() ? VarKind::kAny : it->second;
  }
  void Add(const std::string& n, VarKind k) {
    if (vars.emplace(n, k).second) order.push_back(n);
  }
};

// Where an expression sits: aggregates are allowed only in projections.
struct ExprContext {
  bool allow_aggregates = false;
  bool in_aggregate = false;
};

class Binder {
 public:
  explicit Binder(std::string_view text) : text_(text) {}

  absl::Status BindStatement(const Statement& st, BoundQuery* out);
  // Binds a single query starting from `scope`; sets `columns` from its
  // RETURN (empty when it has none).
  absl::Status BindSingleQuery(const SingleQuery& q, Scope scope,
                               bool is_subquery,
                               std::vector<std::string>* columns);

  // Expressions (bind_expr.cc).
  absl::Status BindExpr(const Expr& e, const Scope& scope, ExprContext ctx);
  // The statically known type of `e`.
  VarKind InferKind(const Expr& e, const Scope& scope) const;

  // Patterns (bind_match.cc).
  absl::Status BindMatch(const MatchClause& m, Scope* scope);
  absl::Status BindPatternVariables(const PathPattern& p, Scope* scope,
                                    std::vector<std::string>* clause_rels,
                                    const Scope& before);
  // Updates (bind_update.cc).
  absl::Status BindCreate(const CreateClause& c, Scope* scope);
  absl::Status BindMerge(const MergeClause& m, Scope* scope);
  absl::Status BindSetItem(const SetItem& item, const Scope& scope,
                           SourceSpan span);
  absl::Status BindRemove(const RemoveClause& r, const Scope& scope,
                          SourceSpan span);
  absl::Status BindDelete(const DeleteClause& d, const Scope& scope,
                          SourceSpan span);
  // Projections (bind_projection.cc).
  absl::Status BindProjection(const Projection& p, const Expr* where,
                              bool is_return, SourceSpan span, Scope* scope,
                              std::vector<std::string>* columns);

  // A SyntaxError with `detail` at `span`.
  absl::Status Error(SourceSpan span, std::string_view detail,
                     std::string_view message) const;
  // An error of another type at `span`.
  absl::Status ErrorOf(std::string_view type, SourceSpan span,
                       std::string_view detail, std::string_view message) const;

  bool writes = false;

 private:
  std::string_view text_;
};

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_BIND_BINDER_INTERNAL_H_
