// Binding of expressions: undefined variables, aggregation placement,
// unknown functions and argument counts, statically wrong argument types.
#include <string>
#include <vector>

#include "graph/status_macros.h"
#include "query/bind/binder_internal.h"
#include "query/values/aggregate.h"
#include "query/values/functions.h"

namespace dossier::query::internal {

namespace {

bool IsGraphFunction(std::string_view n) {
  return n == "id" || n == "labels" || n == "type" || n == "properties" ||
         n == "keys" || n == "startnode" || n == "endnode" || n == "nodes" ||
         n == "relationships" || n == "length" || n == "exists";
}

VarKind KindOfValue(const graph::Value& v) {
  switch (v.kind()) {
    case graph::ValueKind::kNull: return VarKind::kNull;
    case graph::ValueKind::kBool: return VarKind::kBool;
    case graph::ValueKind::kInt:
    case graph::ValueKind::kDouble: return VarKind::kNumber;
    case graph::ValueKind::kString: return VarKind::kString;
    case graph::ValueKind::kList: return VarKind::kList;
    case graph::ValueKind::kMap: return VarKind::kMap;
    case graph::ValueKind::kNode: return VarKind::kNode;
    case graph::ValueKind::kEdge: return VarKind::kRel;
    case graph::ValueKind::kPath: return VarKind::kPath;
  }
  return VarKind::kAny;
}

// The common kind of a list literal's elements, or kAny.
VarKind ElementKind(const Binder& b, const Expr& list, const Scope& scope) {
  if (list.kind() != ExprKind::kList) return VarKind::kAny;
  VarKind k = VarKind::kAny;
  bool first = true;
  for (const auto& item : list.As<ListExpr>().items) {
    VarKind ik = b.InferKind(*item, scope);
    if (first) {
      k = ik;
      first = false;
    } else if (ik != k) {
      return VarKind::kAny;
    }
  }
  return k == VarKind::kNull ? VarKind::kAny : k;
}

// Kinds that arithmetic other than `+` never accepts.
bool NotArithmetic(VarKind k) {
  return k == VarKind::kBool || k == VarKind::kString || k == VarKind::kMap ||
         k == VarKind::kNode || k == VarKind::kRel || k == VarKind::kPath ||
         k == VarKind::kList;
}

}  // namespace

VarKind Binder::InferKind(const Expr& e, const Scope& scope) const {
  switch (e.kind()) {
    case ExprKind::kLiteral:
      return KindOfValue(e.As<LiteralExpr>().value);
    case ExprKind::kVariable: {
      VarKind k = scope.Kind(e.As<VariableExpr>().name);
      return k == VarKind::kRelList ? VarKind::kList : k;
    }
    case ExprKind::kList:
    case ExprKind::kListComprehension:
    case ExprKind::kPatternComprehension:
      return VarKind::kList;
    case ExprKind::kMap:
    case ExprKind::kMapProjection:
      return VarKind::kMap;
    case ExprKind::kComparison:
    case ExprKind::kIsNull:
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery:
    case ExprKind::kQuantifier:
      return VarKind::kBool;
    case ExprKind::kUnary:
      if (e.As<UnaryExpr>().op == UnaryOp::kNot) return VarKind::kBool;
      return VarKind::kAny;
    case ExprKind::kBinary:
      switch (e.As<BinaryExpr>().op) {
        case BinaryOp::kOr:
        case BinaryOp::kAnd:
        case BinaryOp::kXor:
        case BinaryOp::kStartsWith:
        case BinaryOp::kEndsWith:
        case BinaryOp::kContains:
        case BinaryOp::kIn:
        case BinaryOp::kRegexMatch:
          return VarKind::kBool;
        case BinaryOp::kAdd:
        case BinaryOp::kSubtract:
        case BinaryOp::kMultiply:
        case BinaryOp::kDivide:
        case BinaryOp::kModulo:
        case BinaryOp::kPower:
          return VarKind::kAny;
      }
      return VarKind::kAny;
    case ExprKind::kSlice:
      return VarKind::kList;
    case ExprKind::kLabelCheck:
      return VarKind::kBool;
    case ExprKind::kParameter:
    case ExprKind::kProperty:
    case ExprKind::kSubscript:
    case ExprKind::kFunctionCall:
    case ExprKind::kCase:
    case ExprKind::kReduce:
      return VarKind::kAny;
  }
  return VarKind::kAny;
}

absl::Status Binder::BindExpr(const Expr& e, const Scope& scope,
                              ExprContext ctx) {
  auto bad_type = [&](const Expr& arg, std::string_view what) {
    return Error(arg.span, "InvalidArgumentType",
                 std::string(what) + " has an argument of the wrong type");
  };
  auto not_bool = [&](const Expr& arg) {
    VarKind k = InferKind(arg, scope);
    return !(k == VarKind::kAny || k == VarKind::kBool || k == VarKind::kNull);
  };
  switch (e.kind()) {
    case ExprKind::kVariable: {
      const std::string& name = e.As<VariableExpr>().name;
      if (!scope.Has(name)) {
        return Error(e.span, "UndefinedVariable",
                     "variable `" + name + "` not defined");
      }
      return absl::OkStatus();
    }
    case ExprKind::kMapProjection: {
      const auto& m = e.As<MapProjectionExpr>();
      if (!scope.Has(m.variable)) {
        return Error(e.span, "UndefinedVariable",
                     "variable `" + m.variable + "` not defined");
      }
      break;
    }
    case ExprKind::kFunctionCall: {
      const auto& f = e.As<FunctionCallExpr>();
      bool agg = IsAggregateFunction(f.name);
      if (agg) {
        if (!ctx.allow_aggregates) {
          return Error(e.span, "InvalidAggregation",
                       "aggregate functions are not allowed here");
        }
        if (ctx.in_aggregate) {
          return Error(e.span, "NestedAggregation",
                       "aggregate functions cannot be nested");
        }
        ctx.in_aggregate = true;
        if (!f.star && f.args.size() != 1) {
          return Error(e.span, "InvalidNumberOfArguments",
                       f.original_name + "() takes one argument");
        }
      } else if (IsGraphFunction(f.name)) {
        if (f.args.size() != 1) {
          return Error(e.span, "InvalidNumberOfArguments",
                       f.original_name + "() takes one argument");
        }
        VarKind k = InferKind(*f.args[0], scope);
        bool ok = true;
        if (f.name == "labels") ok = k == VarKind::kAny || k == VarKind::kNode || k == VarKind::kNull;
        if (f.name == "type") ok = k == VarKind::kAny || k == VarKind::kRel || k == VarKind::kNull;
        if (f.name == "nodes" || f.name == "relationships") {
          ok = k == VarKind::kAny || k == VarKind::kPath || k == VarKind::kNull;
        }
        if (f.name == "length") {
          ok = !(k == VarKind::kNode || k == VarKind::kRel || k == VarKind::kBool ||
                 k == VarKind::kNumber || k == VarKind::kMap);
        }
        if (f.name == "properties" || f.name == "keys") {
          ok = !(k == VarKind::kBool || k == VarKind::kNumber ||
                 k == VarKind::kString || k == VarKind::kList || k == VarKind::kPath);
        }
        if (!ok) return bad_type(*f.args[0], f.original_name + "()");
      } else if (IsScalarFunction(f.name)) {
        if (f.name == "size" && f.args.size() == 1 &&
            InferKind(*f.args[0], scope) == VarKind::kPath) {
          return bad_type(*f.args[0], "size()");
        }
        auto arity = ScalarFunctionArity(f.name);
        int n = static_cast<int>(f.args.size());
        if (arity && (n < arity->first || (arity->second >= 0 && n > arity->second))) {
          return Error(e.span, "InvalidNumberOfArguments",
                       "wrong number of arguments for " + f.original_name + "()");
        }
      } else {
        return Error(e.span, "UnknownFunction",
                     "unknown function " + f.original_name + "()");
      }
      break;
    }
    case ExprKind::kUnary:
      if (e.As<UnaryExpr>().op == UnaryOp::kNot && not_bool(*e.As<UnaryExpr>().operand)) {
        return bad_type(*e.As<UnaryExpr>().operand, "NOT");
      }
      break;
    case ExprKind::kBinary: {
      const auto& b = e.As<BinaryExpr>();
      if (b.op == BinaryOp::kAnd || b.op == BinaryOp::kOr || b.op == BinaryOp::kXor) {
        if (not_bool(*b.lhs)) return bad_type(*b.lhs, BinaryOpText(b.op));
        if (not_bool(*b.rhs)) return bad_type(*b.rhs, BinaryOpText(b.op));
      }
      if (b.op == BinaryOp::kSubtract || b.op == BinaryOp::kMultiply ||
          b.op == BinaryOp::kDivide || b.op == BinaryOp::kModulo ||
          b.op == BinaryOp::kPower) {
        if (NotArithmetic(InferKind(*b.lhs, scope))) return bad_type(*b.lhs, BinaryOpText(b.op));
        if (NotArithmetic(InferKind(*b.rhs, scope))) return bad_type(*b.rhs, BinaryOpText(b.op));
      }
      if (b.op == BinaryOp::kIn) {
        VarKind k = InferKind(*b.rhs, scope);
        if (!(k == VarKind::kAny || k == VarKind::kList || k == VarKind::kNull)) {
          return bad_type(*b.rhs, "IN");
        }
      }
      break;
    }
    case ExprKind::kListComprehension: {
      const auto& c = e.As<ListComprehensionExpr>();
      DOSSIER_RETURN_IF_ERROR(BindExpr(*c.list, scope, ctx));
      VarKind k = InferKind(*c.list, scope);
      if (!(k == VarKind::kAny || k == VarKind::kList || k == VarKind::kNull)) {
        return bad_type(*c.list, "IN");
      }
      Scope inner = scope;
      inner.vars[c.variable] = VarKind::kAny;
      if (c.where) DOSSIER_RETURN_IF_ERROR(BindExpr(*c.where, inner, {}));
      if (c.projection) DOSSIER_RETURN_IF_ERROR(BindExpr(*c.projection, inner, {}));
      return absl::OkStatus();
    }
    case ExprKind::kQuantifier: {
      const auto& q = e.As<QuantifierExpr>();
      DOSSIER_RETURN_IF_ERROR(BindExpr(*q.list, scope, ctx));
      VarKind k = InferKind(*q.list, scope);
      if (!(k == VarKind::kAny || k == VarKind::kList || k == VarKind::kNull)) {
        return bad_type(*q.list, "a quantifier");
      }
      Scope inner = scope;
      inner.vars[q.variable] = ElementKind(*this, *q.list, scope);
      if (q.where) {
        ExprContext c2;
        DOSSIER_RETURN_IF_ERROR(BindExpr(*q.where, inner, c2));
        if (not_bool(*q.where)) return bad_type(*q.where, "a quantifier");
      }
      return absl::OkStatus();
    }
    case ExprKind::kReduce: {
      const auto& r = e.As<ReduceExpr>();
      DOSSIER_RETURN_IF_ERROR(BindExpr(*r.init, scope, ctx));
      DOSSIER_RETURN_IF_ERROR(BindExpr(*r.list, scope, ctx));
      Scope inner = scope;
      inner.vars[r.accumulator] = VarKind::kAny;
      inner.vars[r.variable] = VarKind::kAny;
      return BindExpr(*r.expression, inner, {});
    }
    case ExprKind::kPatternComprehension:
    case ExprKind::kPatternPredicate: {
      const PathPattern& p = e.kind() == ExprKind::kPatternPredicate
                                 ? e.As<PatternPredicateExpr>().pattern
                                 : e.As<PatternComprehensionExpr>().pattern;
      Scope inner = scope;
      for (const auto& n : p.nodes) {
        if (n.variable.empty()) continue;
        if (!inner.Has(n.variable)) {
          if (e.kind() == ExprKind::kPatternPredicate) {
            return Error(n.span, "UndefinedVariable",
                         "variable `" + n.variable + "` not defined");
          }
          inner.vars[n.variable] = VarKind::kNode;
        } else if (inner.Kind(n.variable) != VarKind::kAny &&
                   inner.Kind(n.variable) != VarKind::kNode) {
          return Error(n.span, "VariableTypeConflict",
                       "variable `" + n.variable + "` is not a node");
        }
        if (n.properties) DOSSIER_RETURN_IF_ERROR(BindExpr(*n.properties, inner, {}));
      }
      for (const auto& r : p.rels) {
        if (!r.variable.empty() && !inner.Has(r.variable)) {
          if (e.kind() == ExprKind::kPatternPredicate) {
            return Error(r.span, "UndefinedVariable",
                         "variable `" + r.variable + "` not defined");
          }
          inner.vars[r.variable] = VarKind::kRel;
        }
        if (r.properties) DOSSIER_RETURN_IF_ERROR(BindExpr(*r.properties, inner, {}));
      }
      if (!p.variable.empty()) inner.vars[p.variable] = VarKind::kPath;
      if (e.kind() == ExprKind::kPatternComprehension) {
        const auto& c = e.As<PatternComprehensionExpr>();
        if (c.where) DOSSIER_RETURN_IF_ERROR(BindExpr(*c.where, inner, {}));
        if (c.projection) DOSSIER_RETURN_IF_ERROR(BindExpr(*c.projection, inner, {}));
      }
      return absl::OkStatus();
    }
    case ExprKind::kExistsSubquery: {
      std::vector<std::string> cols;
      return BindSingleQuery(*e.As<ExistsSubqueryExpr>().query, scope, true, &cols);
    }
    case ExprKind::kProperty: {
      VarKind k = InferKind(*e.As<PropertyExpr>().object, scope);
      if (k == VarKind::kPath) {
        return bad_type(*e.As<PropertyExpr>().object, "property access");
      }
      break;
    }
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kSubscript:
    case ExprKind::kSlice:
    case ExprKind::kList:
    case ExprKind::kMap:
    case ExprKind::kComparison:
    case ExprKind::kCase:
    case ExprKind::kIsNull:
    case ExprKind::kLabelCheck:
      break;
  }
  absl::Status st;
  ForEachChild(e, [&](const Expr& c) {
    if (st.ok()) st = BindExpr(c, scope, ctx);
  });
  return st;
}

}  // namespace dossier::query::internal
