// LogicalPlan: the operator tree the planner makes from a BoundQuery.
//
// Each LogicalOp holds its kind, its children (input first), the Layout of
// the rows it produces and the fields its kind uses (the rest stay empty).
// Expressions are borrowed pointers into the Statement's AST, which must
// outlive the plan. Each operator prints itself for EXPLAIN.
#ifndef DOSSIER_QUERY_PLAN_LOGICAL_PLAN_H_
#define DOSSIER_QUERY_PLAN_LOGICAL_PLAN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "query/ast.h"
#include "query/plan/layout.h"

namespace dossier::query {

// The logical operators. Closed: the executor's builder switches over it
// with no default.
enum class LogicalOpKind : uint8_t {
  kOnce,               // One empty row (the leaf of a query).
  kArgument,           // The outer row of an Apply-like parent.
  kNodeScan,           // Per input row: every node (with a label).
  kPropertyIndexSeek,  // Per input row: nodes of label.key in a range.
  kExpand,             // One relationship hop from a bound node.
  kVarLengthExpand,    // `*min..max` hops, relationship-unique.
  kBfsExpand,          // Distinct endpoints of `*0..max`/`*1..max` by BFS.
  kShortestPath,       // shortestPath / allShortestPaths by BFS.
  kFilter,             // WHERE and pattern checks.
  kNamedPath,          // Builds a path value from pattern slots.
  kProjection,         // RETURN / WITH items.
  kAggregate,          // Grouping keys + aggregators.
  kExpandCount,        // Aggregate of count(*) over one Expand, by degrees.
  kBfsCount,           // count(*) of BfsExpand pairs, many starts at once.
  kDistinct,           // DISTINCT over the first `distinct_width` slots.
  kSort,               // ORDER BY.
  kTopK,               // ORDER BY under SKIP/LIMIT: the first rows only.
  kSkip,
  kLimit,
  kOptional,           // OPTIONAL MATCH: inner plan per row, or nulls.
  kUnwind,
  kUnion,              // UNION / UNION ALL of two single queries.
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kProcedureCall,      // CALL algo.*.
  kEager,              // Materialises its input (around writes).
};

// The name of a kind ("NodeScan", ...).
const char* LogicalOpName(LogicalOpKind kind);

// Expression nodes evaluated as a slot instead (aggregate results, grouping
// keys and items that ORDER BY repeats).
using ExprSlots = absl::flat_hash_map<const Expr*, int>;

// A label/type/property check on one slot (a node, a relationship or a
// list of relationships).
struct EntityCheck {
  int slot = -1;
  std::vector<std::string> labels;  // Node: all required.
  std::vector<std::string> types;   // Relationship: one of (empty: any).
  const Expr* properties = nullptr;  // Map literal or parameter.
};

struct LogicalOp;

// BfsCount: one condition of the Filters between its count and the
// BfsExpand, as a Filter applies it (a check, or a conjunct or predicate
// of `filter`, evaluated with the filter's layout and overrides).
struct ReachCondition {
  enum class Reads : uint8_t {
    kTarget,  // Only the reached node.
    kStart,   // Only the start row (not the reached node).
    kPair,    // Both, or unknown.
  };
  const LogicalOp* filter = nullptr;
  const EntityCheck* check = nullptr;  // Either a check,
  const Expr* expr = nullptr;          // or an expression.
  Reads reads = Reads::kPair;
  // kPair comparison `x op y` whose one operand reads only the reached
  // node and the other only the start row: the former's index (0 or 1).
  int target_operand = -1;
};

// A named item (projection column, grouping key).
struct NamedExpr {
  std::string name;
  const Expr* expr = nullptr;
};

struct LogicalOp {
  LogicalOpKind kind = LogicalOpKind::kOnce;
  std::vector<std::unique_ptr<LogicalOp>> children;
  Layout layout;  // Of the produced rows.

  // Scans, seeks, expansions.
  int slot = -1;          // Node (scan/seek) or target node (expand).
  int from_slot = -1;     // Expand source.
  int rel_slot = -1;      // Expand: edge (or edge list when var-length).
  int path_slot = -1;     // ShortestPath / NamedPath.
  bool into = false;      // Expand: target already bound.
  bool rel_bound = false;  // Expand: relationship variable already bound.
  std::string label;       // Scan/seek label ("" = all nodes).
  std::string key;         // Seek property key.
  // Seek equality value (or list). NodeScan without a label: when set, the
  // scan skips nodes whose `key` is known not to equal it (not to be in
  // it): null, or an integer or string not among the integers and strings
  // it holds; the Filter above still applies the whole predicate.
  const Expr* seek_value = nullptr;
  bool seek_in = false;  // Seek: seek_value is a list, one seek per element.
  const Expr* seek_lower = nullptr;   // Seek range bounds.
  const Expr* seek_upper = nullptr;
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  std::vector<std::string> types;
  Direction direction = Direction::kRight;
  int64_t min_hops = 1;
  int64_t max_hops = -1;  // -1 = unbounded.
  std::vector<int> exclude_slots;  // Relationship isomorphism.
  bool all_shortest = false;
  // ShortestPath: predicates every relationship of the path must pass
  // (`all`) or fail (`none`), applied during the search, not after it.
  struct EdgePredicate {
    const Expr* where = nullptr;
    bool negated = false;  // none(...)
    std::string variable;  // the relationship, as the quantifier names it
  };
  std::vector<EdgePredicate> edge_predicates;
  // ExpandCount: the relationship variable (EXPLAIN).
  std::string edge_variable;

  // ExpandCount: per grouping key (items), true when it is type() of the
  // relationship, else it reads only the input row; `from_slot` indexes
  // the input's layout, `edge_variable` names the relationship (EXPLAIN).
  std::vector<bool> key_is_type;
  // ExpandCount: the start node is every node of the graph and no key
  // reads it; the input is the scan's own input and the counts come from
  // the whole adjacency at once.
  bool all_nodes = false;
  // ExpandCount: only relationships whose other end has every one of these
  // labels count (a Filter of label checks on the target, folded in).
  std::vector<std::string> target_labels;
  // ExpandCount under a TopK (query/plan/rule_count_top_k.cc): when not
  // empty, only the groups that can be among the first `count` (+ `skip`)
  // rows of this order are output — per sort key, the output slot it reads
  // and whether it is descending; ties go by first-seen order, as the
  // TopK's arrival order. The TopK above still sorts them.
  std::vector<std::pair<int, bool>> top_slots;

  // BfsCount: its child is the Aggregate ← Filter* ← BfsExpand it counts
  // (run as it is when the transaction changed relationships); these are
  // the Filters' conditions in the order they apply.
  std::vector<ReachCondition> reach_conditions;

  // NamedPath: node slots and relationship slots alternating from a node.
  std::vector<int> path_nodes;
  std::vector<int> path_rels;

  // Filter: the checks, then each of `conjuncts` (WHERE conjuncts pushed
  // down to the operator binding their variables), then `predicate`; a row
  // passes when all are true.
  const Expr* predicate = nullptr;
  std::vector<const Expr*> conjuncts;
  std::vector<EntityCheck> checks;

  // Projection / Aggregate / Sort / Unwind / Skip / Limit.
  std::vector<NamedExpr> items;  // Projection items, or grouping keys.
  bool keep_input = false;       // Projection: input slots follow items.
  std::vector<const Expr*> aggregates;  // Aggregate: the calls.
  std::vector<std::pair<const Expr*, bool>> sort_keys;  // (expr, desc)
  const Expr* count = nullptr;  // Skip / Limit / TopK; Unwind: the list.
  const Expr* skip = nullptr;   // TopK: the SKIP above it (may be null).
  ExprSlots overrides;
  int distinct_width = 0;

  // Union.
  bool union_all = false;

  // Writes and calls: the clause they run.
  const Clause* clause = nullptr;
  bool detach = false;

  // Profile counters filled by the executor.
  std::string Describe() const;
};

// A whole plan.
struct LogicalPlan {
  std::unique_ptr<LogicalOp> root;
  std::vector<std::string> columns;  // Result columns (first slots of root).
  bool writes = false;

  // The operator tree, one operator per line, children indented.
  std::string ToString() const;
};

// Prints `op` and its subtree; `annotate` may add text per operator (PROFILE).
std::string PrintPlan(
    const LogicalOp& op,
    const std::function<std::string(const LogicalOp&)>& annotate = nullptr);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PLAN_LOGICAL_PLAN_H_
