// The binder's entry point and its walk over clauses.
#include "query/bind/binder.h"

#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/bind/binder_internal.h"
#include "query/parse/error_format.h"
#include "query/procedures.h"

namespace dossier::query {
namespace internal {

absl::Status Binder::Error(SourceSpan span, std::string_view detail,
                           std::string_view message) const {
  return query::SyntaxError(text_, span, detail, message);
}

absl::Status Binder::ErrorOf(std::string_view type, SourceSpan span,
                             std::string_view detail,
                             std::string_view message) const {
  return query::QueryError(text_, span, type, detail, message);
}

absl::Status Binder::BindSingleQuery(const SingleQuery& q, Scope scope,
                                     bool is_subquery,
                                     std::vector<std::string>* columns) {
  columns->clear();
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    const Clause& c = q.clauses[i];
    bool last = i + 1 == q.clauses.size();
    switch (c.kind()) {
      case ClauseKind::kMatch: {
        const auto& m = c.As<MatchClause>();
        // OPTIONAL MATCH may follow; MATCH after OPTIONAL MATCH is fine too.
        DOSSIER_RETURN_IF_ERROR(BindMatch(m, &scope));
        break;
      }
      case ClauseKind::kUnwind: {
        const auto& u = c.As<UnwindClause>();
        DOSSIER_RETURN_IF_ERROR(BindExpr(*u.list, scope, {}));
        if (scope.Has(u.variable)) {
          return Error(c.span, "VariableAlreadyBound",
                       "variable `" + u.variable + "` already declared");
        }
        scope.Add(u.variable, VarKind::kAny);
        break;
      }
      case ClauseKind::kWith: {
        const auto& w = c.As<WithClause>();
        std::vector<std::string> cols;
        DOSSIER_RETURN_IF_ERROR(BindProjection(w.projection, w.where.get(),
                                               false, c.span, &scope, &cols));
        break;
      }
      case ClauseKind::kReturn: {
        DOSSIER_RETURN_IF_ERROR(BindProjection(c.As<ReturnClause>().projection,
                                               nullptr, true, c.span, &scope,
                                               columns));
        break;
      }
      case ClauseKind::kCreate:
        writes = true;
        DOSSIER_RETURN_IF_ERROR(BindCreate(c.As<CreateClause>(), &scope));
        break;
      case ClauseKind::kMerge:
        writes = true;
        DOSSIER_RETURN_IF_ERROR(BindMerge(c.As<MergeClause>(), &scope));
        break;
      case ClauseKind::kSet:
        writes = true;
        for (const SetItem& item : c.As<SetClause>().items) {
          DOSSIER_RETURN_IF_ERROR(BindSetItem(item, scope, c.span));
        }
        break;
      case ClauseKind::kRemove:
        writes = true;
        DOSSIER_RETURN_IF_ERROR(BindRemove(c.As<RemoveClause>(), scope, c.span));
        break;
      case ClauseKind::kDelete:
        writes = true;
        DOSSIER_RETURN_IF_ERROR(BindDelete(c.As<DeleteClause>(), scope, c.span));
        break;
      case ClauseKind::kCall: {
        const auto& call = c.As<CallClause>();
        for (const auto& a : call.args) DOSSIER_RETURN_IF_ERROR(BindExpr(*a, scope, {}));
        const ProcedureSignature* proc = FindProcedure(call.procedure);
        if (proc == nullptr) {
          return ErrorOf("ProcedureError", c.span, "ProcedureNotFound",
                         "there is no procedure " + call.original_procedure);
        }
        if (proc->arguments >= 0 &&
            call.args.size() != static_cast<size_t>(proc->arguments)) {
          return Error(c.span, "InvalidNumberOfArguments",
                       "procedure " + call.original_procedure + " takes " +
                           std::to_string(proc->arguments) + " arguments");
        }
        auto kind_of = [](const ProcedureField& f) {
          switch (f.kind) {
            case FieldKind::kNode:
              return VarKind::kNode;
            case FieldKind::kNumber:
              return VarKind::kNumber;
            case FieldKind::kString:
              return VarKind::kString;
          }
          return VarKind::kAny;
        };
        if (call.yields.empty()) {
          std::vector<std::string> fields;
          for (const ProcedureField& f : proc->fields) {
            scope.Add(std::string(f.name), kind_of(f));
            fields.emplace_back(f.name);
          }
          if (last && !is_subquery) *columns = std::move(fields);
        } else {
          for (const auto& y : call.yields) {
            const ProcedureField* f = FindField(*proc, y.field);
            if (f == nullptr) {
              return Error(y.span, "UndefinedVariable",
                           "procedure " + call.original_procedure +
                               " has no output `" + y.field + "`");
            }
            if (scope.Has(y.alias)) {
              return Error(y.span, "VariableAlreadyBound",
                           "variable `" + y.alias + "` already declared");
            }
            scope.Add(y.alias, kind_of(*f));
            if (last && !is_subquery) columns->push_back(y.alias);
          }
        }
        if (call.where != nullptr) {
          DOSSIER_RETURN_IF_ERROR(BindExpr(*call.where, scope, {}));
        }
        break;
      }
    }
    if (is_subquery) {
      switch (c.kind()) {
        case ClauseKind::kCreate:
        case ClauseKind::kMerge:
        case ClauseKind::kSet:
        case ClauseKind::kRemove:
        case ClauseKind::kDelete:
          return Error(c.span, "InvalidClauseComposition",
                       "an EXISTS subquery cannot update the graph");
        case ClauseKind::kMatch:
        case ClauseKind::kUnwind:
        case ClauseKind::kWith:
        case ClauseKind::kReturn:
        case ClauseKind::kCall:
          break;
      }
    }
    if (last && !is_subquery) {
      switch (c.kind()) {
        case ClauseKind::kMatch:
        case ClauseKind::kUnwind:
        case ClauseKind::kWith:
          return Error(c.span, "InvalidClauseComposition",
                       "a query cannot end with this clause; add RETURN");
        case ClauseKind::kReturn:
        case ClauseKind::kCreate:
        case ClauseKind::kMerge:
        case ClauseKind::kSet:
        case ClauseKind::kRemove:
        case ClauseKind::kDelete:
        case ClauseKind::kCall:
          break;
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Binder::BindStatement(const Statement& st, BoundQuery* out) {
  std::vector<std::string> first;
  for (size_t i = 0; i < st.queries.size(); ++i) {
    std::vector<std::string> cols;
    DOSSIER_RETURN_IF_ERROR(BindSingleQuery(st.queries[i], Scope{}, false, &cols));
    if (i == 0) {
      first = cols;
      continue;
    }
    if (st.union_all[i - 1] != st.union_all[0]) {
      return Error(st.queries[i].span, "InvalidClauseComposition",
                   "UNION and UNION ALL cannot be mixed");
    }
    if (cols != first) {
      return Error(st.queries[i].span, "DifferentColumnsInUnion",
                   "all parts of a UNION must return the same columns");
    }
  }
  out->columns = first;
  out->writes = writes;
  return absl::OkStatus();
}

}  // namespace internal

absl::StatusOr<BoundQuery> Bind(const Statement& statement,
                                std::string_view text) {
  internal::Binder binder(text);
  BoundQuery out;
  out.statement = &statement;
  out.text = text;
  DOSSIER_RETURN_IF_ERROR(binder.BindStatement(statement, &out));
  return out;
}

}  // namespace dossier::query
