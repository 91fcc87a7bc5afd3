// The evaluator's graph side: properties, labels, graph functions, and the
// inner plans of pattern predicates and EXISTS subqueries.
#include <string>
#include <utility>
#include <vector>

#include "graph/status_macros.h"
#include "query/exec/evaluator.h"
#include "query/plan/planner.h"
#include "query/values/aggregate.h"
#include "query/values/errors.h"
#include "query/values/functions.h"

namespace dossier::query {

using graph::CatalogKind;
using graph::Value;
using graph::ValueKind;

namespace {
std::string Kind(const Value& v) {
  return std::string(graph::KindName(v.kind()));
}
}  // namespace

std::optional<graph::PropKeyId> Evaluator::FindNodeKey(std::string_view key) {
  if (last_key_known_ && key.size() == last_key_.size()) {
    bool same = true;
    for (size_t i = 0; i < key.size() && same; ++i)
      same = key[i] == last_key_[i];
    if (same) return last_key_id_;
  }
  std::optional<graph::PropKeyId> id = ctx_->FindKey(key);
  if (id) {  // Ids never change once given; a missing key may appear later.
    last_key_.assign(key.data(), key.size());
    last_key_id_ = *id;
    last_key_known_ = true;
  }
  return id;
}

absl::StatusOr<Value> Evaluator::Property(const Value& obj,
                                          std::string_view key) {
  switch (obj.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kMap: {
      auto it = obj.AsMap().find(key);
      return it == obj.AsMap().end() ? Value::Null() : it->second;
    }
    case ValueKind::kNode: {
      auto id = FindNodeKey(key);
      if (!id) {
        // Still an error for a node this query deleted.
        DOSSIER_RETURN_IF_ERROR(ctx_->Node(obj.AsNode()).status());
        return Value::Null();
      }
      return ctx_->NodeProperty(obj.AsNode(), *id);
    }
    case ValueKind::kEdge: {
      DOSSIER_ASSIGN_OR_RETURN(const graph::EdgeRecord* rec,
                               ctx_->Edge(obj.AsEdge().id));
      auto id = ctx_->FindKey(key);
      if (!id) return Value::Null();
      const Value* v = graph::FindProperty(rec->props, *id);
      return v == nullptr ? Value::Null() : *v;
    }
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kString:
    case ValueKind::kList:
    case ValueKind::kPath:
      return TypeError(
          kInvalidArgumentType,
          "cannot read property `" + std::string(key) + "` of a " + Kind(obj));
  }
  return Value::Null();
}

absl::StatusOr<graph::ValueMap> Evaluator::Properties(const Value& entity) {
  graph::ValueMap out;
  const graph::PropertyList* props = nullptr;
  if (entity.kind() == ValueKind::kNode) {
    DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec,
                             ctx_->Node(entity.AsNode()));
    props = &rec->props;
  } else if (entity.kind() == ValueKind::kEdge) {
    DOSSIER_ASSIGN_OR_RETURN(const graph::EdgeRecord* rec,
                             ctx_->Edge(entity.AsEdge().id));
    props = &rec->props;
  } else if (entity.kind() == ValueKind::kMap) {
    return entity.AsMap();
  } else {
    return TypeError(
        kInvalidArgumentType,
        "expected a node, relationship or map, not " + Kind(entity));
  }
  for (const auto& [k, v] : *props) {
    out.insert_or_assign(ctx_->Name(CatalogKind::kPropKey, k), v);
  }
  return out;
}

absl::StatusOr<Value> Evaluator::EvalLabelCheck(const LabelCheckExpr& l,
                                                const Frame& f) {
  DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*l.operand, f));
  if (v.is_null()) return Value::Null();
  if (v.kind() == ValueKind::kNode) {
    if (ctx_->IsDeletedNode(v.AsNode())) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Node(v.AsNode()).status());
    }
    for (const auto& name : l.labels) {
      auto id = ctx_->FindLabel(name);
      if (!id) return Value::Bool(false);
      DOSSIER_ASSIGN_OR_RETURN(bool has, ctx_->HasLabel(v.AsNode(), *id));
      if (!has) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  if (v.kind() == ValueKind::kEdge) {
    for (const auto& name : l.labels) {
      auto id = ctx_->FindType(name);
      if (!id || *id != v.AsEdge().type) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  return TypeError(kInvalidArgumentType, "cannot check labels of a " + Kind(v));
}

absl::StatusOr<Value> Evaluator::EvalFunction(const Expr& e, const Frame& f) {
  const auto& call = e.As<FunctionCallExpr>();
  if (call.name == "exists" && call.args.size() == 1) {
    const Expr& arg = *call.args[0];
    if (arg.kind() == ExprKind::kPatternPredicate) return EvalIn(arg, f);
    DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(arg, f));
    return Value::Bool(!v.is_null());
  }
  if (call.star || IsAggregateFunction(call.name)) {
    return SyntaxError("InvalidAggregation", "aggregate " + call.original_name +
                                                 "() is not allowed here");
  }
  std::vector<Value> args;
  args.reserve(call.args.size());
  for (const auto& a : call.args) {
    DOSSIER_ASSIGN_OR_RETURN(Value v, EvalIn(*a, f));
    args.push_back(std::move(v));
  }
  bool handled = false;
  DOSSIER_ASSIGN_OR_RETURN(Value v,
                           EvalGraphFunction(call.name, args, &handled));
  if (handled) return v;
  if (call.name == "range") {
    // Charge the list range() builds before it is built.
    if (args.size() >= 2 && args[0].kind() == ValueKind::kInt &&
        args[1].kind() == ValueKind::kInt) {
      int64_t step = args.size() > 2 && args[2].kind() == ValueKind::kInt
                         ? args[2].AsInt()
                         : 1;
      if (step != 0) {
        long double n =
            (static_cast<long double>(args[1].AsInt()) - args[0].AsInt()) /
            step;
        if (n > 0) {
          DOSSIER_RETURN_IF_ERROR(ctx_->Charge(
              static_cast<int64_t>(std::min<long double>(n, 1e15)) * 40));
          DOSSIER_RETURN_IF_ERROR(ctx_->Charge(
              -static_cast<int64_t>(std::min<long double>(n, 1e15)) * 40));
          DOSSIER_RETURN_IF_ERROR(ctx_->CheckBudget());
        }
      }
    }
  }
  return CallScalarFunction(call.name, args);
}

absl::StatusOr<Value> Evaluator::EvalGraphFunction(const std::string& name,
                                                   std::vector<Value>& args,
                                                   bool* handled) {
  *handled = true;
  auto one = [&]() -> absl::Status {
    if (args.size() != 1) {
      return SyntaxError("InvalidNumberOfArguments",
                         name + "() takes one argument");
    }
    return absl::OkStatus();
  };
  if (name == "id") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() == ValueKind::kNode)
      return Value::Int(static_cast<int64_t>(v.AsNode()));
    if (v.kind() == ValueKind::kEdge)
      return Value::Int(static_cast<int64_t>(v.AsEdge().id));
    return TypeError(kInvalidArgumentType, "id() cannot take a " + Kind(v));
  }
  if (name == "labels") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() != ValueKind::kNode)
      return TypeError(kInvalidArgumentValue,
                       "labels() cannot take a " + Kind(v));
    DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec,
                             ctx_->Node(v.AsNode()));
    graph::ValueList out;
    for (auto l : rec->labels)
      out.push_back(Value::String(ctx_->Name(CatalogKind::kLabel, l)));
    return Value::List(std::move(out));
  }
  if (name == "type") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() != ValueKind::kEdge)
      return TypeError(kInvalidArgumentValue,
                       "type() cannot take a " + Kind(v));
    return Value::String(ctx_->Name(CatalogKind::kType, v.AsEdge().type));
  }
  if (name == "properties" || name == "keys") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.kind() != ValueKind::kNode && v.kind() != ValueKind::kEdge) {
      *handled = false;
      return Value::Null();
    }
    DOSSIER_ASSIGN_OR_RETURN(graph::ValueMap m, Properties(v));
    if (name == "properties") return Value::Map(std::move(m));
    graph::ValueList keys;
    for (auto& [k, unused] : m) keys.push_back(Value::String(k));
    return Value::List(std::move(keys));
  }
  if (name == "startnode" || name == "endnode") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() != ValueKind::kEdge)
      return TypeError(kInvalidArgumentType,
                       name + "() cannot take a " + Kind(v));
    return Value::Node(name == "startnode" ? v.AsEdge().src : v.AsEdge().dst);
  }
  if (name == "nodes" || name == "relationships") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() != ValueKind::kPath)
      return TypeError(kInvalidArgumentType,
                       name + "() cannot take a " + Kind(v));
    graph::ValueList out;
    if (name == "nodes") {
      for (auto n : v.AsPath().nodes) out.push_back(Value::Node(n));
    } else {
      for (const auto& r : v.AsPath().edges) out.push_back(Value::Edge(r));
    }
    return Value::List(std::move(out));
  }
  if (name == "length") {
    DOSSIER_RETURN_IF_ERROR(one());
    const Value& v = args[0];
    if (v.is_null()) return Value::Null();
    if (v.kind() == ValueKind::kPath)
      return Value::Int(static_cast<int64_t>(v.AsPath().edges.size()));
    if (v.kind() == ValueKind::kString || v.kind() == ValueKind::kList) {
      return TypeError(kInvalidArgumentType,
                       "length() takes a path; use size() for a " + Kind(v));
    }
    return TypeError(kInvalidArgumentType, "length() cannot take a " + Kind(v));
  }
  *handled = false;
  return Value::Null();
}

absl::Status Evaluator::RunSubPlan(
    const Expr& e, const Frame& f,
    const std::function<absl::StatusOr<bool>(const Layout&, const Row&)>& fn) {
  auto it = subplans_.find(&e);
  if (it == subplans_.end()) {
    auto sp = std::make_unique<SubPlan>();
    // Locals shadow row slots: give them their names in front.
    Layout arg;
    for (auto l = locals_.rbegin(); l != locals_.rend(); ++l) arg.Add(l->first);
    for (const auto& n : f.layout->names()) arg.Add(n);
    sp->argument = arg;
    std::unique_ptr<LogicalOp> logical;
    if (e.kind() == ExprKind::kExistsSubquery) {
      DOSSIER_ASSIGN_OR_RETURN(
          logical,
          PlanSubquery(sp->argument, *e.As<ExistsSubqueryExpr>().query));
    } else if (e.kind() == ExprKind::kPatternPredicate) {
      DOSSIER_ASSIGN_OR_RETURN(
          logical,
          PlanPatternSubquery(
              sp->argument, {&e.As<PatternPredicateExpr>().pattern}, nullptr));
    } else {
      const auto& pc = e.As<PatternComprehensionExpr>();
      DOSSIER_ASSIGN_OR_RETURN(
          logical,
          PlanPatternSubquery(sp->argument, {&pc.pattern}, pc.where.get()));
    }
    sp->logical = std::move(logical);
    DOSSIER_ASSIGN_OR_RETURN(
        sp->physical, BuildPhysical(*sp->logical, ctx_, this, &sp->arguments));
    it = subplans_.emplace(&e, std::move(sp)).first;
  }
  SubPlan& sp = *it->second;
  Row arg_row;
  arg_row.reserve(sp.argument.size());
  for (auto l = locals_.rbegin(); l != locals_.rend(); ++l)
    arg_row.push_back(l->second);
  for (const auto& v : *f.row) arg_row.push_back(v);
  if (arg_row.size() != static_cast<size_t>(sp.argument.size())) {
    return absl::InternalError("subquery argument layout changed");
  }
  for (ArgumentOperator* a : sp.arguments) a->SetRow(arg_row);
  // The inner plan evaluates with its own variables only.
  std::vector<std::pair<std::string, Value>> saved;
  saved.swap(locals_);
  absl::Status st = sp.physical->Open();
  Row row;
  while (st.ok()) {
    auto more = sp.physical->Next(&row);
    if (!more.ok()) {
      st = more.status();
      break;
    }
    if (!*more) break;
    auto go_on = fn(sp.physical->logical().layout, row);
    if (!go_on.ok()) {
      st = go_on.status();
      break;
    }
    if (!*go_on) break;
  }
  saved.swap(locals_);
  return st;
}

}  // namespace dossier::query
