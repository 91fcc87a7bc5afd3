// BuildPhysical: the one switch from logical to physical operators.
#include "graph/status_macros.h"
#include "query/exec/operators.h"

namespace dossier::query {

absl::StatusOr<std::unique_ptr<PhysicalOperator>> BuildPhysical(
    const LogicalOp& op, ExecContext* ctx, Evaluator* eval,
    std::vector<ArgumentOperator*>* arguments) {
  using namespace internal;  // NOLINT: the factories.
  const LogicalOp* p = &op;
  PhysPtr out;
  switch (op.kind) {
    case LogicalOpKind::kOnce: out = MakeOnce(p, ctx, eval); break;
    case LogicalOpKind::kArgument: {
      auto arg = std::make_unique<ArgumentOperator>(p, ctx, eval);
      arguments->push_back(arg.get());
      out = std::move(arg);
      break;
    }
    case LogicalOpKind::kNodeScan: out = MakeNodeScan(p, ctx, eval); break;
    case LogicalOpKind::kPropertyIndexSeek: out = MakePropertyIndexSeek(p, ctx, eval); break;
    case LogicalOpKind::kExpand: out = MakeExpand(p, ctx, eval); break;
    case LogicalOpKind::kVarLengthExpand: out = MakeVarLengthExpand(p, ctx, eval); break;
    case LogicalOpKind::kBfsExpand: out = MakeBfsExpand(p, ctx, eval); break;
    case LogicalOpKind::kShortestPath: out = MakeShortestPath(p, ctx, eval); break;
    case LogicalOpKind::kFilter: out = MakeFilter(p, ctx, eval); break;
    case LogicalOpKind::kNamedPath: out = MakeNamedPath(p, ctx, eval); break;
    case LogicalOpKind::kProjection: out = MakeProjection(p, ctx, eval); break;
    case LogicalOpKind::kAggregate: out = MakeAggregate(p, ctx, eval); break;
    case LogicalOpKind::kExpandCount: out = MakeExpandCount(p, ctx, eval); break;
    case LogicalOpKind::kBfsCount: out = MakeBfsCount(p, ctx, eval); break;
    case LogicalOpKind::kDistinct: out = MakeDistinct(p, ctx, eval); break;
    case LogicalOpKind::kSort: out = MakeSort(p, ctx, eval); break;
    case LogicalOpKind::kTopK: out = MakeTopK(p, ctx, eval); break;
    case LogicalOpKind::kSkip: out = MakeSkip(p, ctx, eval); break;
    case LogicalOpKind::kLimit: out = MakeLimit(p, ctx, eval); break;
    case LogicalOpKind::kOptional: {
      out = MakeOptional(p, ctx, eval);
      DOSSIER_ASSIGN_OR_RETURN(PhysPtr input, BuildPhysical(*op.children[0], ctx, eval, arguments));
      std::vector<ArgumentOperator*> inner_args;
      DOSSIER_ASSIGN_OR_RETURN(PhysPtr inner, BuildPhysical(*op.children[1], ctx, eval, &inner_args));
      out->children().push_back(std::move(input));
      out->children().push_back(std::move(inner));
      SetOptionalInner(out.get(), std::move(inner_args));
      return out;
    }
    case LogicalOpKind::kUnwind: out = MakeUnwind(p, ctx, eval); break;
    case LogicalOpKind::kUnion: out = MakeUnion(p, ctx, eval); break;
    case LogicalOpKind::kCreate: out = MakeCreate(p, ctx, eval); break;
    case LogicalOpKind::kMerge: out = MakeMerge(p, ctx, eval); break;
    case LogicalOpKind::kSet: out = MakeSet(p, ctx, eval); break;
    case LogicalOpKind::kRemove: out = MakeRemove(p, ctx, eval); break;
    case LogicalOpKind::kDelete: out = MakeDelete(p, ctx, eval); break;
    case LogicalOpKind::kProcedureCall: out = MakeProcedureCall(p, ctx, eval); break;
    case LogicalOpKind::kEager: out = MakeEager(p, ctx, eval); break;
  }
  if (out == nullptr) return absl::InternalError("operator without a lowering");
  for (const auto& c : op.children) {
    DOSSIER_ASSIGN_OR_RETURN(PhysPtr child, BuildPhysical(*c, ctx, eval, arguments));
    out->children().push_back(std::move(child));
  }
  return out;
}

}  // namespace dossier::query
