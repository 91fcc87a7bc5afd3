// Evaluator: computes AST expressions over a row.
//
// Value semantics come from query/values/ (comparison, arithmetic, scalar
// functions); the evaluator adds variables, properties read from records,
// graph functions (id, labels, type, nodes, ...), comprehensions,
// quantifiers, reduce, CASE, pattern predicates and EXISTS subqueries (run
// as inner plans built on first use). One per query run; not thread-safe.
#ifndef DOSSIER_QUERY_EXEC_EVALUATOR_H_
#define DOSSIER_QUERY_EXEC_EVALUATOR_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "graph/value.h"
#include "query/ast.h"
#include "query/exec/context.h"
#include "query/exec/physical_operator.h"
#include "query/exec/row.h"
#include "query/plan/layout.h"
#include "query/plan/logical_plan.h"
#include "query/values/compare.h"

namespace dossier::query {

// `a op b` for one comparison operator (=, <>, <, >, <=, >=), three-valued.
Tri ApplyComparison(CompareOp op, const graph::Value& a, const graph::Value& b);

class Evaluator {
 public:
  explicit Evaluator(ExecContext* ctx) : ctx_(ctx) {}
  ~Evaluator();

  // Evaluates `e` over `row` (slots named by `layout`); subexpressions in
  // `overrides` read their slot instead. Errors: query errors
  // (InvalidArgument "<Type>: <Detail>: ...") and budget errors.
  absl::StatusOr<graph::Value> Eval(const Expr& e, const Layout& layout,
                                    const Row& row,
                                    const ExprSlots* overrides = nullptr);
  // Evaluates a predicate: true only when the value is true. A non-boolean,
  // non-null value is a TypeError.
  absl::StatusOr<bool> Test(const Expr& e, const Layout& layout, const Row& row,
                            const ExprSlots* overrides = nullptr);

  // Test() with `name` bound to `value` (a local variable).
  absl::StatusOr<bool> TestWithLocal(const Expr& e, const Layout& layout,
                                     const Row& row, const std::string& name,
                                     const graph::Value& value);

  // Property `key` of a node, relationship or map value.
  absl::StatusOr<graph::Value> Property(const graph::Value& object,
                                        std::string_view key);
  // The properties of a node or relationship as a map.
  absl::StatusOr<graph::ValueMap> Properties(const graph::Value& entity);

  ExecContext* ctx() const { return ctx_; }

 private:
  struct Frame {
    const Layout* layout;
    const Row* row;
    const ExprSlots* overrides;
  };
  struct SubPlan {
    Layout argument;
    std::unique_ptr<LogicalOp> logical;
    std::unique_ptr<PhysicalOperator> physical;
    std::vector<ArgumentOperator*> arguments;
  };

  absl::StatusOr<graph::Value> EvalIn(const Expr& e, const Frame& f);
  absl::StatusOr<graph::Value> EvalFunction(const Expr& e, const Frame& f);
  absl::StatusOr<graph::Value> EvalGraphFunction(
      const std::string& name, std::vector<graph::Value>& args, bool* handled);
  absl::StatusOr<graph::Value> EvalBinary(const BinaryExpr& b, const Frame& f);
  absl::StatusOr<graph::Value> EvalSubscript(const graph::Value& obj,
                                             const graph::Value& idx);
  absl::StatusOr<graph::Value> EvalMapProjection(const MapProjectionExpr& m,
                                                 const Frame& f);
  absl::StatusOr<graph::Value> EvalLabelCheck(const LabelCheckExpr& l,
                                              const Frame& f);
  // Runs the inner plan of a pattern predicate, pattern comprehension or
  // EXISTS subquery; calls fn for each row with the inner layout, and stops
  // when fn returns false.
  absl::Status RunSubPlan(
      const Expr& e, const Frame& f,
      const std::function<absl::StatusOr<bool>(const Layout&, const Row&)>& fn);
  absl::StatusOr<Tri> ToTri(const graph::Value& v, std::string_view what);

  // The right side of `x IN list` when it is constant for the query (a
  // literal, a parameter, a list of those) and holds only integers,
  // strings and nulls: hashed once, so that each row costs one lookup.
  struct InSet {
    bool usable = false;
    bool has_null = false;
    absl::flat_hash_set<int64_t> ints;
    absl::flat_hash_set<std::string> strings;
  };
  // The InSet of `rhs`, or nullptr when it is not constant or not usable.
  absl::StatusOr<const InSet*> ConstantInSet(const Expr& rhs, const Frame& f);

  // The id of the node property key read last (rows of a traversal read
  // the same key again and again): compared by content, found ids only.
  std::optional<graph::PropKeyId> FindNodeKey(std::string_view key);
  std::string last_key_;
  graph::PropKeyId last_key_id_ = 0;
  bool last_key_known_ = false;

  ExecContext* ctx_;
  absl::flat_hash_map<const Expr*, std::unique_ptr<InSet>> in_sets_;
  // Variables of comprehensions, quantifiers and reduce, innermost last.
  std::vector<std::pair<std::string, graph::Value>> locals_;
  absl::flat_hash_map<const Expr*, std::unique_ptr<SubPlan>> subplans_;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_EVALUATOR_H_
