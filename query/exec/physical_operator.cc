#include "query/exec/physical_operator.h"

#include "absl/time/clock.h"
#include "graph/status_macros.h"

namespace dossier::query {

absl::Status PhysicalOperator::Open() { return OpenImpl(); }

absl::Status PhysicalOperator::OpenImpl() {
  for (auto& c : children_) DOSSIER_RETURN_IF_ERROR(c->Open());
  return absl::OkStatus();
}

absl::StatusOr<bool> PhysicalOperator::Next(Row* row) {
  if (!ctx_->profile) {
    auto r = NextImpl(row);
    if (r.ok() && *r) ++rows_;
    return r;
  }
  absl::Time start = absl::Now();
  auto r = NextImpl(row);
  time_ += absl::Now() - start;
  if (r.ok() && *r) ++rows_;
  return r;
}

absl::Status FlatMapOperator::OpenImpl() {
  buffer_.clear();
  pos_ = 0;
  return PhysicalOperator::OpenImpl();
}

absl::StatusOr<bool> FlatMapOperator::NextImpl(Row* row) {
  while (true) {
    if (pos_ < buffer_.size()) {
      *row = std::move(buffer_[pos_++]);
      return true;
    }
    buffer_.clear();
    pos_ = 0;
    Row in;
    DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
    if (!more) return false;
    DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
    in.resize(op_->layout.size());
    DOSSIER_RETURN_IF_ERROR(Map(std::move(in), &buffer_));
  }
}

int64_t EstimateBytes(const graph::Value& v) {
  switch (v.kind()) {
    case graph::ValueKind::kString:
      return 48 + static_cast<int64_t>(v.AsString().size());
    case graph::ValueKind::kList: {
      int64_t n = 32;
      for (const auto& x : v.AsList()) n += EstimateBytes(x);
      return n;
    }
    case graph::ValueKind::kMap: {
      int64_t n = 48;
      for (const auto& [k, x] : v.AsMap()) n += 64 + k.size() + EstimateBytes(x);
      return n;
    }
    case graph::ValueKind::kPath:
      return 64 + 8 * static_cast<int64_t>(v.AsPath().nodes.size()) +
             32 * static_cast<int64_t>(v.AsPath().edges.size());
    case graph::ValueKind::kNull:
    case graph::ValueKind::kBool:
    case graph::ValueKind::kInt:
    case graph::ValueKind::kDouble:
    case graph::ValueKind::kNode:
    case graph::ValueKind::kEdge:
      return 40;
  }
  return 40;
}

int64_t EstimateBytes(const Row& row) {
  int64_t n = 24;
  for (const auto& v : row) n += EstimateBytes(v);
  return n;
}

}  // namespace dossier::query
