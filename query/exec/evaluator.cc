// The expression evaluator: operators, comprehensions, CASE, functions.
#include "query/exec/evaluator.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/status_macros.h"
#include "query/values/arithmetic.h"
#include "query/values/errors.h"
#include "query/values/functions.h"
#include "re2/re2.h"

namespace dossier::query {

Tri ApplyComparison(CompareOp op, const graph::Value& a,
                    const graph::Value& b) {
  switch (op) {
    case CompareOp::kEq: return Equals(a, b);
    case CompareOp::kNe: return TriNot(Equals(a, b));
    case CompareOp::kLt: return Less(a, b);
    case CompareOp::kGt: return Greater(a, b);
    case CompareOp::kLe: return LessOrEqual(a, b);
    case CompareOp::kGe: return GreaterOrEqual(a, b);
  }
  return Tri::kNull;
}

using graph::Value;
using graph::ValueKind;

namespace {

std::string Kind(const Value& v) { return std::string(graph::KindName(v.kind())); }

// Normalises a possibly negative index against `size`; -1 when outside.
int64_t NormIndex(int64_t i, int64_t size) {
  if (i < 0) i += size;
  return (i < 0 || i >= size) ? -1 : i;
}

}  // namespace

Evaluator::~Evaluator() = default;

absl::StatusOr<Value> Evaluator::Eval(const Expr& e, const Layout& layout,
                                      const Row& row,
                                      const ExprSlots* overrides) {
  Frame f{&layout, &row, overrides != nullptr && !overrides->empty() ? overrides : nullptr};
  return EvalIn(e, f);
}

absl::StatusOr<bool> Evaluator::Test(const Expr& e, const Layout& layout,
                                     const Row& row,
                                     const ExprSlots* overrides) {
  DOSSIER_ASSIGN_OR_RETURN(Value v, Eval(e, layout, row, overrides));
  if (v.is_null()) return false;
  if (v.kind() != ValueKind::kBool) {
    return TypeError(kInvalidArgumentType,
                     "a predicate must be a BOOLEAN, not " + Kind(v));
  }
  return v.AsBool();
}

absl::StatusOr<bool> Evaluator::TestWithLocal(const Expr& e,
                                              const Layout& layout,
                                              const Row& row,
                                              const std::string& name,
                                              const Value& value) {
  locals_.emplace_back(name, value);
  auto r = Test(e, layout, row);
  locals_.pop_back();
  return r;
}

absl::StatusOr<Tri> Evaluator::ToTri(const Value& v, std::string_view what) {
  if (v.is_null()) return Tri::kNull;
  if (v.kind() != ValueKind::kBool) {
    return TypeError(kInvalidArgumentType,
                     std::string(what) + " expects a BOOLEAN, not " + Kind(v));
  }
  return query::ToTri(v.AsBool());
}

absl::StatusOr<Value> Evaluator::EvalIn(const Expr& e, const Frame& f) {
  if (f.overrides != nullptr) {
    auto it = f.overrides->find(&e);
    if (it != f.overrides->end()) return (*f.row)[it->second];
  }
  switch (e.kind()) {
    case ExprKind::kLiteral:
      return e.As<LiteralExpr>().value;
    case ExprKind::kParameter: {
      const std::string& name = e.As<ParameterExpr>().name;
      auto it = ctx_->params().find(name);
      if (it == ctx_->params().end()) {
        return QueryError("ParameterMissing", "MissingParameter",
                          "expected a parameter named $" + name);
      }
      return it->second;
    }
    case ExprKind::kVariable: {
      const std::string& name = e.As<VariableExpr>().name;
      for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
        if (it->first == name) return it->second;
      }
      int slot = f.layout->Find(name);
      if (slot < 0) {
        return SyntaxError("UndefinedVariable",
                           "variable `" + name + "` not defined");
      }
      return (*f.row)[slot];
    }
    case ExprKind::kProperty: {
      const auto& p = e.As<PropertyExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value obj, EvalIn(*p.object, f));
      return Property(obj, p.key);
    }
    case ExprKind::kSubscript: {
      const auto& s = e.As<SubscriptExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value obj, EvalIn(*s.object, f));
      DOSSIER_ASSIGN_OR_RETURN(Value idx, EvalIn(*s.index, f));
      return EvalSubscript(obj, idx);
    }
    case ExprKind::kSlice: {
      const auto& s = e.As<SliceExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value obj, EvalIn(*s.object, f));
      Value from, to;
      if (s.from) { DOSSIER_ASSIGN_OR_RETURN(from, EvalIn(*s.from, f)); }
      if (s.to) { DOSSIER_ASSIGN_OR_RETURN(to, EvalIn(*s.to, f)); }
      if (obj.is_null() || (s.from && from.is_null()) || (s.to && to.is_null()))
        return Value::Null();
      if (obj.kind() != ValueKind::kList)
        return TypeError(kInvalidArgumentType, "cannot slice a " + Kind(obj));
      if ((s.from && from.kind() != ValueKind::kInt) ||
          (s.to && to.kind() != ValueKind::kInt))
        return TypeError(kInvalidArgumentType, "slice bounds must be INTEGER");
      const auto& l = obj.AsList();
      int64_t n = static_cast<int64_t>(l.size());
      int64_t a = s.from ? from.AsInt() : 0;
      int64_t b = s.to ? to.AsInt() : n;
      if (a < 0) a += n;
      if (b < 0) b += n;
      a = std::clamp<int64_t>(a, 0, n);
      b = std::clamp<int64_t>(b, 0, n);
      graph::ValueList out;
      for (int64_t i = a; i < b; ++i) out.push_back(l[i]);
      return Value::List(std::move(out));
    }
    case ExprKind::kList: {
      graph::ValueList out;
      for (const auto& item : e.As<ListExpr>().items) {
        DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*item, f));
        out.push_back(std::move(v));
      }
      return Value::List(std::move(out));
    }
    case ExprKind::kMap: {
      graph::ValueMap out;
      for (const auto& entry : e.As<MapExpr>().entries) {
        DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*entry.value, f));
        out.insert_or_assign(entry.key, std::move(v));
      }
      return Value::Map(std::move(out));
    }
    case ExprKind::kMapProjection:
      return EvalMapProjection(e.As<MapProjectionExpr>(), f);
    case ExprKind::kUnary: {
      const auto& u = e.As<UnaryExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*u.operand, f));
      switch (u.op) {
        case UnaryOp::kNot: {
          DOSSIER_ASSIGN_OR_RETURN(Tri t, ToTri(v, "NOT"));
          return TriToValue(TriNot(t));
        }
        case UnaryOp::kNegate:
          return Negate(v);
        case UnaryOp::kPlus:
          return UnaryPlus(v);
      }
      return Value::Null();
    }
    case ExprKind::kBinary:
      return EvalBinary(e.As<BinaryExpr>(), f);
    case ExprKind::kComparison: {
      const auto& c = e.As<ComparisonExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value left, EvalIn(*c.operands[0], f));
      Tri result = Tri::kTrue;
      for (size_t i = 0; i < c.ops.size(); ++i) {
        DOSSIER_ASSIGN_OR_RETURN(Value right, EvalIn(*c.operands[i + 1], f));
        result = TriAnd(result, ApplyComparison(c.ops[i], left, right));
        left = std::move(right);
      }
      return TriToValue(result);
    }
    case ExprKind::kFunctionCall:
      return EvalFunction(e, f);
    case ExprKind::kCase: {
      const auto& c = e.As<CaseExpr>();
      if (c.subject != nullptr) {
        DOSSIER_ASSIGN_OR_RETURN(Value subject, EvalIn(*c.subject, f));
        for (const auto& alt : c.alternatives) {
          DOSSIER_ASSIGN_OR_RETURN(Value w, EvalIn(*alt.when, f));
          if (Equals(subject, w) == Tri::kTrue) return EvalIn(*alt.then, f);
        }
      } else {
        for (const auto& alt : c.alternatives) {
          DOSSIER_ASSIGN_OR_RETURN(Value w, EvalIn(*alt.when, f));
          if (w.kind() == ValueKind::kBool && w.AsBool()) return EvalIn(*alt.then, f);
          if (!w.is_null() && w.kind() != ValueKind::kBool) {
            return TypeError(kInvalidArgumentType,
                             "WHEN expects a BOOLEAN, not " + Kind(w));
          }
        }
      }
      if (c.otherwise != nullptr) return EvalIn(*c.otherwise, f);
      return Value::Null();
    }
    case ExprKind::kListComprehension: {
      const auto& c = e.As<ListComprehensionExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value list, EvalIn(*c.list, f));
      if (list.is_null()) return Value::Null();
      if (list.kind() != ValueKind::kList)
        return TypeError(kInvalidArgumentType, "IN expects a LIST, not " + Kind(list));
      graph::ValueList out;
      int64_t bytes = 0;
      for (const Value& item : list.AsList()) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        locals_.emplace_back(c.variable, item);
        absl::Status st;
        bool keep = true;
        if (c.where != nullptr) {
          auto w = EvalIn(*c.where, f);
          if (!w.ok()) st = w.status();
          else keep = w->kind() == ValueKind::kBool && w->AsBool();
        }
        Value projected = item;
        if (st.ok() && keep && c.projection != nullptr) {
          auto p = EvalIn(*c.projection, f);
          if (!p.ok()) st = p.status();
          else projected = std::move(*p);
        }
        locals_.pop_back();
        DOSSIER_RETURN_IF_ERROR(st);
        if (keep) {
          bytes += EstimateBytes(projected);
          out.push_back(std::move(projected));
        }
      }
      DOSSIER_RETURN_IF_ERROR(ctx_->Charge(0));
      (void)bytes;
      return Value::List(std::move(out));
    }
    case ExprKind::kPatternComprehension: {
      const auto& c = e.As<PatternComprehensionExpr>();
      graph::ValueList out;
      absl::Status st = RunSubPlan(
          e, f, [&](const Layout& layout, const Row& row) -> absl::StatusOr<bool> {
            Frame inner{&layout, &row, nullptr};
            DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*c.projection, inner));
            out.push_back(std::move(v));
            return true;
          });
      DOSSIER_RETURN_IF_ERROR(st);
      return Value::List(std::move(out));
    }
    case ExprKind::kQuantifier: {
      const auto& q = e.As<QuantifierExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value list, EvalIn(*q.list, f));
      if (list.is_null()) return Value::Null();
      if (list.kind() != ValueKind::kList)
        return TypeError(kInvalidArgumentType, "IN expects a LIST, not " + Kind(list));
      int64_t trues = 0, nulls = 0, falses = 0;
      for (const Value& item : list.AsList()) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        Tri t = Tri::kTrue;
        if (q.where != nullptr) {
          locals_.emplace_back(q.variable, item);
          auto w = EvalIn(*q.where, f);
          locals_.pop_back();
          DOSSIER_RETURN_IF_ERROR(w.status());
          DOSSIER_ASSIGN_OR_RETURN(t, ToTri(*w, "WHERE"));
        }
        if (t == Tri::kTrue) ++trues;
        else if (t == Tri::kFalse) ++falses;
        else ++nulls;
      }
      switch (q.kind) {
        case QuantifierKind::kAll:
          if (falses > 0) return Value::Bool(false);
          return nulls > 0 ? Value::Null() : Value::Bool(true);
        case QuantifierKind::kAny:
          if (trues > 0) return Value::Bool(true);
          return nulls > 0 ? Value::Null() : Value::Bool(false);
        case QuantifierKind::kNone:
          if (trues > 0) return Value::Bool(false);
          return nulls > 0 ? Value::Null() : Value::Bool(true);
        case QuantifierKind::kSingle:
          if (trues > 1) return Value::Bool(false);
          if (nulls > 0) return Value::Null();
          return Value::Bool(trues == 1);
      }
      return Value::Null();
    }
    case ExprKind::kReduce: {
      const auto& r = e.As<ReduceExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value acc, EvalIn(*r.init, f));
      DOSSIER_ASSIGN_OR_RETURN(Value list, EvalIn(*r.list, f));
      if (list.is_null()) return Value::Null();
      if (list.kind() != ValueKind::kList)
        return TypeError(kInvalidArgumentType, "IN expects a LIST, not " + Kind(list));
      for (const Value& item : list.AsList()) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        locals_.emplace_back(r.accumulator, std::move(acc));
        locals_.emplace_back(r.variable, item);
        auto v = EvalIn(*r.expression, f);
        locals_.pop_back();
        locals_.pop_back();
        DOSSIER_RETURN_IF_ERROR(v.status());
        acc = std::move(*v);
      }
      return acc;
    }
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery: {
      bool found = false;
      DOSSIER_RETURN_IF_ERROR(RunSubPlan(
          e, f, [&](const Layout&, const Row&) -> absl::StatusOr<bool> {
            found = true;
            return false;
          }));
      return Value::Bool(found);
    }
    case ExprKind::kIsNull: {
      const auto& n = e.As<IsNullExpr>();
      DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*n.operand, f));
      return Value::Bool(v.is_null() != n.negated);
    }
    case ExprKind::kLabelCheck:
      return EvalLabelCheck(e.As<LabelCheckExpr>(), f);
  }
  return absl::InternalError("unknown expression kind");
}

namespace {

// True when `e` has the same value on every row of the query.
bool IsQueryConstant(const Expr& e) {
  switch (e.kind()) {
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
      return true;
    case ExprKind::kList:
      for (const auto& item : e.As<ListExpr>().items) {
        if (!IsQueryConstant(*item)) return false;
      }
      return true;
    default:
      return false;
  }
}

}  // namespace

absl::StatusOr<const Evaluator::InSet*> Evaluator::ConstantInSet(
    const Expr& rhs, const Frame& f) {
  if (f.overrides != nullptr && f.overrides->contains(&rhs)) return nullptr;
  auto it = in_sets_.find(&rhs);
  if (it == in_sets_.end()) {
    auto set = std::make_unique<InSet>();
    if (IsQueryConstant(rhs)) {
      DOSSIER_ASSIGN_OR_RETURN(Value list, EvalIn(rhs, f));
      set->usable = list.kind() == ValueKind::kList;
      if (set->usable) {
        for (const Value& v : list.AsList()) {
          if (v.is_null()) {
            set->has_null = true;
          } else if (v.kind() == ValueKind::kInt) {
            set->ints.insert(v.AsInt());
          } else if (v.kind() == ValueKind::kString) {
            set->strings.insert(v.AsString());
          } else {
            set->usable = false;  // Numbers of two kinds, lists, maps: the
            break;                // element-wise comparison decides.
          }
        }
      }
    }
    it = in_sets_.emplace(&rhs, std::move(set)).first;
  }
  return it->second->usable ? it->second.get() : nullptr;
}

absl::StatusOr<Value> Evaluator::EvalBinary(const BinaryExpr& b,
                                            const Frame& f) {
  DOSSIER_ASSIGN_OR_RETURN(Value l, EvalIn(*b.lhs, f));
  if (b.op == BinaryOp::kIn &&
      (l.kind() == ValueKind::kInt || l.kind() == ValueKind::kString)) {
    DOSSIER_ASSIGN_OR_RETURN(const InSet* set, ConstantInSet(*b.rhs, f));
    if (set != nullptr) {
      const bool found = l.kind() == ValueKind::kInt
                             ? set->ints.contains(l.AsInt())
                             : set->strings.contains(l.AsString());
      if (found) return Value::Bool(true);
      return set->has_null ? Value::Null() : Value::Bool(false);
    }
  }
  switch (b.op) {
    case BinaryOp::kOr:
    case BinaryOp::kAnd:
    case BinaryOp::kXor: {
      DOSSIER_ASSIGN_OR_RETURN(Tri lt, ToTri(l, BinaryOpText(b.op)));
      DOSSIER_ASSIGN_OR_RETURN(Value r, EvalIn(*b.rhs, f));
      DOSSIER_ASSIGN_OR_RETURN(Tri rt, ToTri(r, BinaryOpText(b.op)));
      if (b.op == BinaryOp::kOr) return TriToValue(TriOr(lt, rt));
      if (b.op == BinaryOp::kAnd) return TriToValue(TriAnd(lt, rt));
      return TriToValue(TriXor(lt, rt));
    }
    case BinaryOp::kAdd:
    case BinaryOp::kSubtract:
    case BinaryOp::kMultiply:
    case BinaryOp::kDivide:
    case BinaryOp::kModulo:
    case BinaryOp::kPower:
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kIn:
    case BinaryOp::kRegexMatch:
      break;
  }
  DOSSIER_ASSIGN_OR_RETURN(Value r, EvalIn(*b.rhs, f));
  switch (b.op) {
    case BinaryOp::kOr:
    case BinaryOp::kAnd:
    case BinaryOp::kXor:
      return Value::Null();
    case BinaryOp::kAdd: {
      DOSSIER_ASSIGN_OR_RETURN(Value v, Add(l, r));
      if (v.kind() == ValueKind::kList || v.kind() == ValueKind::kString) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      }
      return v;
    }
    case BinaryOp::kSubtract: return Subtract(l, r);
    case BinaryOp::kMultiply: return Multiply(l, r);
    case BinaryOp::kDivide: return Divide(l, r);
    case BinaryOp::kModulo: return Modulo(l, r);
    case BinaryOp::kPower: return Power(l, r);
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains: {
      if (l.kind() != ValueKind::kString || r.kind() != ValueKind::kString)
        return Value::Null();
      const std::string& s = l.AsString();
      const std::string& t = r.AsString();
      if (b.op == BinaryOp::kStartsWith) return Value::Bool(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
      if (b.op == BinaryOp::kEndsWith)
        return Value::Bool(s.size() >= t.size() &&
                           s.compare(s.size() - t.size(), t.size(), t) == 0);
      return Value::Bool(s.find(t) != std::string::npos);
    }
    case BinaryOp::kIn: {
      if (r.is_null()) return Value::Null();
      if (r.kind() != ValueKind::kList)
        return TypeError(kInvalidArgumentType, "IN expects a LIST, not " + Kind(r));
      return TriToValue(ListContains(r, l));
    }
    case BinaryOp::kRegexMatch: {
      if (l.kind() != ValueKind::kString || r.kind() != ValueKind::kString)
        return Value::Null();
      RE2::Options opts;
      opts.set_log_errors(false);
      RE2 re(r.AsString(), opts);
      if (!re.ok()) {
        return ArgumentError(kInvalidArgumentValue,
                             "invalid regular expression: " + re.error());
      }
      return Value::Bool(RE2::FullMatch(l.AsString(), re));
    }
  }
  return Value::Null();
}

absl::StatusOr<Value> Evaluator::EvalSubscript(const Value& obj,
                                               const Value& idx) {
  if (obj.is_null()) return Value::Null();
  switch (obj.kind()) {
    case ValueKind::kList: {
      if (idx.is_null()) return Value::Null();
      if (idx.kind() != ValueKind::kInt)
        return TypeError(kInvalidArgumentType,
                         "a list index must be an INTEGER, not " + Kind(idx));
      const auto& l = obj.AsList();
      int64_t i = NormIndex(idx.AsInt(), static_cast<int64_t>(l.size()));
      return i < 0 ? Value::Null() : l[i];
    }
    case ValueKind::kMap:
    case ValueKind::kNode:
    case ValueKind::kEdge:
      if (idx.is_null()) return Value::Null();
      if (idx.kind() != ValueKind::kString)
        return TypeError(kMapElementAccessByNonString,
                         "a map key must be a STRING, not " + Kind(idx));
      return Property(obj, idx.AsString());
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
    case ValueKind::kPath:
      return TypeError(kInvalidArgumentType, "cannot index a " + Kind(obj));
  }
  return Value::Null();
}

absl::StatusOr<Value> Evaluator::EvalMapProjection(const MapProjectionExpr& m,
                                                   const Frame& f) {
  Frame local = f;
  VariableExpr var{m.variable};
  Expr ve;
  ve.node = std::move(var);
  DOSSIER_ASSIGN_OR_RETURN(Value obj, EvalIn(ve, local));
  if (obj.is_null()) return Value::Null();
  graph::ValueMap out;
  for (const auto& item : m.items) {
    switch (item.kind) {
      case MapProjectionItem::Kind::kProperty: {
        DOSSIER_ASSIGN_OR_RETURN(Value v, Property(obj, item.key));
        out.insert_or_assign(item.key, std::move(v));
        break;
      }
      case MapProjectionItem::Kind::kAllProperties: {
        if (obj.kind() == ValueKind::kMap) {
          for (const auto& [k, v] : obj.AsMap()) out.insert_or_assign(k, v);
        } else {
          DOSSIER_ASSIGN_OR_RETURN(graph::ValueMap props, Properties(obj));
          for (auto& [k, v] : props) out.insert_or_assign(k, std::move(v));
        }
        break;
      }
      case MapProjectionItem::Kind::kLiteral: {
        DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*item.value, f));
        out.insert_or_assign(item.key, std::move(v));
        break;
      }
      case MapProjectionItem::Kind::kVariable: {
        Expr ke;
        ke.node = VariableExpr{item.key};
        DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(ke, f));
        out.insert_or_assign(item.key, std::move(v));
        break;
      }
    }
  }
  return Value::Map(std::move(out));
}

}  // namespace dossier::query
