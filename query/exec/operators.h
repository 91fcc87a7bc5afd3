// Internal to query/exec/: factories of the physical operators, one per
// logical kind, called by BuildPhysical's switch.
#ifndef DOSSIER_QUERY_EXEC_OPERATORS_H_
#define DOSSIER_QUERY_EXEC_OPERATORS_H_

#include <memory>

#include "absl/status/statusor.h"
#include "query/exec/evaluator.h"
#include "query/exec/physical_operator.h"

namespace dossier::query::internal {

using PhysPtr = std::unique_ptr<PhysicalOperator>;
#define DOSSIER_DECLARE_OP(Name) \
  PhysPtr Make##Name(const LogicalOp* op, ExecContext* ctx, Evaluator* eval)

DOSSIER_DECLARE_OP(Once);
DOSSIER_DECLARE_OP(NodeScan);
DOSSIER_DECLARE_OP(PropertyIndexSeek);
DOSSIER_DECLARE_OP(Expand);
DOSSIER_DECLARE_OP(VarLengthExpand);
DOSSIER_DECLARE_OP(BfsExpand);
DOSSIER_DECLARE_OP(ShortestPath);
DOSSIER_DECLARE_OP(Filter);
DOSSIER_DECLARE_OP(NamedPath);
DOSSIER_DECLARE_OP(Projection);
DOSSIER_DECLARE_OP(Aggregate);
DOSSIER_DECLARE_OP(ExpandCount);
DOSSIER_DECLARE_OP(BfsCount);
DOSSIER_DECLARE_OP(Distinct);
DOSSIER_DECLARE_OP(Sort);
DOSSIER_DECLARE_OP(TopK);
DOSSIER_DECLARE_OP(Skip);
DOSSIER_DECLARE_OP(Limit);
DOSSIER_DECLARE_OP(Optional);
DOSSIER_DECLARE_OP(Unwind);
DOSSIER_DECLARE_OP(Union);
DOSSIER_DECLARE_OP(Create);
DOSSIER_DECLARE_OP(Merge);
DOSSIER_DECLARE_OP(Set);
DOSSIER_DECLARE_OP(Remove);
DOSSIER_DECLARE_OP(Delete);
DOSSIER_DECLARE_OP(ProcedureCall);
DOSSIER_DECLARE_OP(Eager);

#undef DOSSIER_DECLARE_OP

// Optional's inner plan is fed through these Argument leaves.
void SetOptionalInner(PhysicalOperator* optional,
                      std::vector<ArgumentOperator*> arguments);

// True when a label/type/property check passes for row[check.slot].
absl::StatusOr<bool> CheckEntity(const EntityCheck& check, const Layout& layout,
                                 const Row& row, ExecContext* ctx,
                                 Evaluator* eval);

// The number of rows a TopK (or an ExpandCount told its order) keeps:
// LIMIT + SKIP of `op` (`count`, `skip`), saturating; the largest int64_t
// when either is invalid, which the Skip or Limit above reports.
int64_t TopKBound(const LogicalOp& op, ExecContext* ctx, Evaluator* eval);

// Converts a pattern direction into the store's expansion direction.
graph::Direction ToGraphDirection(Direction d);

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_EXEC_OPERATORS_H_
