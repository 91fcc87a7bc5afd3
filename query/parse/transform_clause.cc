// Transformer: statements and clauses.
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "query/parse/transformer.h"

namespace dossier::query::parse_internal {

using P = cy::CypherParser;

namespace {

// True when `e` reads a variable it does not bind itself, or a pattern.
bool IsNonConstant(const Expr& e, std::set<std::string>* bound) {
  switch (e.kind()) {
    case ExprKind::kVariable:
      return bound->count(e.As<VariableExpr>().name) == 0;
    case ExprKind::kPatternPredicate:
    case ExprKind::kPatternComprehension:
    case ExprKind::kExistsSubquery:
    case ExprKind::kMapProjection:
      return true;
    case ExprKind::kListComprehension:
      bound->insert(e.As<ListComprehensionExpr>().variable);
      break;
    case ExprKind::kQuantifier:
      bound->insert(e.As<QuantifierExpr>().variable);
      break;
    case ExprKind::kReduce:
      bound->insert(e.As<ReduceExpr>().variable);
      bound->insert(e.As<ReduceExpr>().accumulator);
      break;
    default:
      break;
  }
  bool non_constant = false;
  ForEachChild(e, [&](const Expr& child) {
    non_constant = non_constant || IsNonConstant(child, bound);
  });
  return non_constant;
}

}  // namespace

Statement Transformer::TransformStatement(P::StatementContext* ctx) {
  Statement st;
  st.span = Span(ctx);
  if (ctx->EXPLAIN() != nullptr) st.mode = ExplainMode::kExplain;
  if (ctx->PROFILE() != nullptr) st.mode = ExplainMode::kProfile;
  auto* regular = ctx->regularQuery();
  st.queries.push_back(TransformSingleQuery(regular->singleQuery()));
  for (auto* part : regular->unionPart()) {
    st.union_all.push_back(part->ALL() != nullptr);
    st.queries.push_back(TransformSingleQuery(part->singleQuery()));
  }
  // `CALL p YIELD *` is only allowed as a standalone call.
  for (const SingleQuery& q : st.queries) {
    if (q.clauses.size() == 1 && st.queries.size() == 1) continue;
    for (const Clause& c : q.clauses) {
      if (c.kind() == ClauseKind::kCall && c.As<CallClause>().yield_star) {
        Fail(c.span, "UnexpectedSyntax",
             "YIELD * is only allowed in a standalone procedure call");
      }
    }
  }
  return st;
}

SingleQuery Transformer::TransformSingleQuery(P::SingleQueryContext* ctx) {
  SingleQuery q;
  q.span = Span(ctx);
  for (auto* clause : ctx->clause()) q.clauses.push_back(TransformClause(clause));
  return q;
}

ExprPtr Transformer::TransformWhere(P::WhereContext* ctx) {
  if (ctx == nullptr) return nullptr;
  ++pattern_predicates_ok_;
  ExprPtr e = TransformExpr(ctx->expression());
  --pattern_predicates_ok_;
  return e;
}

MatchClause Transformer::TransformMatch(P::MatchClauseContext* ctx) {
  MatchClause m;
  m.optional = ctx->OPTIONAL() != nullptr;
  m.patterns = TransformPattern(ctx->pattern());
  m.where = TransformWhere(ctx->where());
  return m;
}

Clause Transformer::TransformClause(P::ClauseContext* ctx) {
  Clause c;
  c.span = Span(ctx);
  if (ctx->matchClause() != nullptr) {
    c.node = TransformMatch(ctx->matchClause());
  } else if (auto* u = ctx->unwindClause()) {
    c.node = UnwindClause{TransformExpr(u->expression()), Name(u->variable())};
  } else if (auto* w = ctx->withClause()) {
    WithClause with;
    with.projection = TransformProjection(w->projectionBody());
    with.where = TransformWhere(w->where());
    c.node = std::move(with);
  } else if (auto* r = ctx->returnClause()) {
    c.node = ReturnClause{TransformProjection(r->projectionBody())};
  } else if (auto* cr = ctx->createClause()) {
    c.node = CreateClause{TransformPattern(cr->pattern())};
  } else if (auto* m = ctx->mergeClause()) {
    MergeClause merge;
    merge.pattern = TransformPatternPart(m->patternPart());
    for (auto* action : m->mergeAction()) {
      auto items = TransformSetItems(action->setClause());
      auto& target = action->CREATE() != nullptr ? merge.on_create : merge.on_match;
      for (auto& item : items) target.push_back(std::move(item));
    }
    c.node = std::move(merge);
  } else if (auto* s = ctx->setClause()) {
    c.node = SetClause{TransformSetItems(s)};
  } else if (ctx->removeClause() != nullptr) {
    c.node = TransformRemove(ctx->removeClause());
  } else if (auto* d = ctx->deleteClause()) {
    DeleteClause del;
    del.detach = d->DETACH() != nullptr;
    for (auto* e : d->expression()) del.targets.push_back(TransformExpr(e));
    c.node = std::move(del);
  } else {
    c.node = TransformCall(ctx->callClause());
  }
  return c;
}

Projection Transformer::TransformProjection(P::ProjectionBodyContext* ctx) {
  Projection p;
  p.distinct = ctx->DISTINCT() != nullptr;
  auto* items = ctx->projectionItems();
  p.star = items->getStart()->getText() == "*";
  for (auto* item : items->projectionItem()) {
    ProjectionItem out;
    out.expr = TransformExpr(item->expression());
    out.text = Text(item->expression());
    if (item->variable() != nullptr) out.alias = Name(item->variable());
    out.span = Span(item);
    p.items.push_back(std::move(out));
  }
  if (auto* order = ctx->order()) {
    for (auto* sort : order->sortItem()) {
      SortItem s;
      s.expr = TransformExpr(sort->expression());
      s.descending = sort->DESC() != nullptr || sort->DESCENDING() != nullptr;
      s.span = Span(sort);
      p.order_by.push_back(std::move(s));
    }
  }
  if (ctx->skipClause() != nullptr) {
    p.skip = TransformSkipLimit(ctx->skipClause()->expression(), "SKIP");
  }
  if (ctx->limitClause() != nullptr) {
    p.limit = TransformSkipLimit(ctx->limitClause()->expression(), "LIMIT");
  }
  return p;
}

ExprPtr Transformer::TransformSkipLimit(P::ExpressionContext* ctx,
                                        std::string_view what) {
  ExprPtr e = TransformExpr(ctx);
  std::set<std::string> bound;
  if (IsNonConstant(*e, &bound)) {
    Fail(e->span, "NonConstantExpression",
         absl::StrCat(std::string(what), " must be a constant expression or a parameter"));
  }
  if (e->kind() == ExprKind::kLiteral) {
    const graph::Value& v = e->As<LiteralExpr>().value;
    if (v.kind() == graph::ValueKind::kInt && v.AsInt() < 0) {
      Fail(e->span, "NegativeIntegerArgument",
           absl::StrCat(std::string(what), " must be a non-negative integer, got ",
                        v.AsInt()));
    }
    if (v.kind() != graph::ValueKind::kInt) {
      Fail(e->span, "InvalidArgumentType",
           absl::StrCat(std::string(what), " must be a non-negative integer"));
    }
  }
  return e;
}

std::vector<SetItem> Transformer::TransformSetItems(P::SetClauseContext* ctx) {
  std::vector<SetItem> items;
  for (auto* item : ctx->setItem()) {
    SetItem out;
    out.span = Span(item);
    if (auto* sp = dynamic_cast<P::SetPropertyContext*>(item)) {
      out.kind = SetItem::Kind::kProperty;
      out.target = TransformPropertyExpression(sp->propertyExpression());
      out.value = TransformExpr(sp->expression());
    } else if (auto* sr = dynamic_cast<P::SetReplaceContext*>(item)) {
      out.kind = SetItem::Kind::kReplaceAll;
      out.variable = Name(sr->variable());
      out.value = TransformExpr(sr->expression());
    } else if (auto* sm = dynamic_cast<P::SetMergeContext*>(item)) {
      out.kind = SetItem::Kind::kMergeMap;
      out.variable = Name(sm->variable());
      out.value = TransformExpr(sm->expression());
    } else {
      auto* sl = dynamic_cast<P::SetLabelsContext*>(item);
      out.kind = SetItem::Kind::kLabels;
      out.variable = Name(sl->variable());
      out.labels = TransformLabels(sl->nodeLabels());
    }
    items.push_back(std::move(out));
  }
  return items;
}

RemoveClause Transformer::TransformRemove(P::RemoveClauseContext* ctx) {
  RemoveClause r;
  for (auto* item : ctx->removeItem()) {
    RemoveItem out;
    out.span = Span(item);
    if (auto* rl = dynamic_cast<P::RemoveLabelsContext*>(item)) {
      out.kind = RemoveItem::Kind::kLabels;
      out.variable = Name(rl->variable());
      out.labels = TransformLabels(rl->nodeLabels());
    } else {
      auto* rp = dynamic_cast<P::RemovePropertyContext*>(item);
      out.kind = RemoveItem::Kind::kProperty;
      out.target = TransformPropertyExpression(rp->propertyExpression());
    }
    r.items.push_back(std::move(out));
  }
  return r;
}

CallClause Transformer::TransformCall(P::CallClauseContext* ctx) {
  CallClause call;
  auto* name = ctx->procedureName();
  for (auto* part : name->nameSpace()->symbolicName()) {
    absl::StrAppend(&call.original_procedure, Name(part), ".");
  }
  call.original_procedure += Name(name->symbolicName());
  call.procedure = absl::AsciiStrToLower(call.original_procedure);
  for (auto* child : ctx->children) {
    if (child->getText() == "(") call.has_arguments = true;
  }
  for (auto* arg : ctx->expression()) call.args.push_back(TransformExpr(arg));
  if (ctx->YIELD() != nullptr) {
    call.yield_star = ctx->yieldItem().empty();
    for (auto* item : ctx->yieldItem()) {
      YieldItem y;
      y.alias = Name(item->variable());
      y.field = item->schemaName() != nullptr ? Name(item->schemaName()) : y.alias;
      y.span = Span(item);
      call.yields.push_back(std::move(y));
    }
    call.where = TransformWhere(ctx->where());
  }
  return call;
}

ExprPtr Transformer::TransformExists(P::ExistsSubqueryContext* ctx) {
  SingleQueryPtr query(new SingleQuery);
  query->span = Span(ctx);
  if (auto* regular = ctx->regularQuery()) {
    if (!regular->unionPart().empty()) {
      Fail(Span(regular->unionPart(0)), "UnexpectedSyntax",
           "UNION is not supported inside EXISTS { ... }");
    }
    int saved = pattern_predicates_ok_;
    pattern_predicates_ok_ = 0;
    *query = TransformSingleQuery(regular->singleQuery());
    pattern_predicates_ok_ = saved;
  } else {
    MatchClause m;
    m.patterns = TransformPattern(ctx->pattern());
    m.where = TransformWhere(ctx->where());
    Clause c;
    c.span = Span(ctx);
    c.node = std::move(m);
    query->clauses.push_back(std::move(c));
  }
  return MakeExpr(ExistsSubqueryExpr{std::move(query)}, Span(ctx));
}

}  // namespace dossier::query::parse_internal
