// Row-shaping operators: Projection, Aggregate, Distinct, Sort, TopK, Skip,
// Limit, Optional, Union, Eager.
#include <algorithm>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "graph/status_macros.h"
#include "query/exec/operators.h"
#include "query/values/aggregate.h"
#include "query/values/compare.h"
#include "query/values/errors.h"

namespace dossier::query::internal {

using graph::Value;
using graph::ValueKind;

namespace {


class ProjectionOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  // The input row is a buffer kept between calls and *row is filled in
  // place, so that neither is allocated per row. (Values moved out of in_
  // by keep_input are overwritten by the next child().Next.)
  absl::StatusOr<bool> NextImpl(Row* row) override {
    DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in_));
    if (!more) return false;
    const Layout& layout = child().logical().layout;
    row->clear();
    row->reserve(op_->layout.size());
    for (const NamedExpr& it : op_->items) {
      if (it.expr == nullptr) {
        int slot = layout.Find(it.name);
        row->push_back(slot >= 0 ? in_[slot] : Value::Null());
      } else {
        DOSSIER_ASSIGN_OR_RETURN(
            Value v, eval_->Eval(*it.expr, layout, in_, &op_->overrides));
        row->push_back(std::move(v));
      }
    }
    if (op_->keep_input) {
      for (auto& v : in_) row->push_back(std::move(v));
    }
    return true;
  }

 private:
  Row in_;
};

class AggregateOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(-charged_));
    charged_ = 0;
    groups_.clear();
    index_.clear();
    pos_ = 0;
    done_ = false;
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (!done_) {
      DOSSIER_RETURN_IF_ERROR(Consume());
      done_ = true;
    }
    if (pos_ >= groups_.size()) return false;
    Group& g = groups_[pos_++];
    // Filled in place: the caller's row keeps its capacity.
    row->clear();
    row->reserve(g.key.size() + g.aggs.size());
    for (Value& v : g.key) row->push_back(std::move(v));
    for (auto& a : g.aggs) {
      DOSSIER_ASSIGN_OR_RETURN(Value v, a->Finish());
      row->push_back(std::move(v));
    }
    return true;
  }

 private:
  struct Group {
    Row key;
    std::vector<std::unique_ptr<Aggregator>> aggs;
  };

  absl::StatusOr<Group> NewGroup(Row key) {
    Group g;
    g.key = std::move(key);
    for (const Expr* a : op_->aggregates) {
      const auto& call = a->As<FunctionCallExpr>();
      DOSSIER_ASSIGN_OR_RETURN(auto agg, MakeAggregator(call.name, call.distinct));
      g.aggs.push_back(std::move(agg));
    }
    return g;
  }

  absl::Status Consume() {
    const Layout& layout = child().logical().layout;
    Row in;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      Row key;
      for (const NamedExpr& it : op_->items) {
        if (it.expr == nullptr) {
          int slot = layout.Find(it.name);
          key.push_back(slot >= 0 ? in[slot] : Value::Null());
        } else {
          DOSSIER_ASSIGN_OR_RETURN(Value v, eval_->Eval(*it.expr, layout, in));
          key.push_back(std::move(v));
        }
      }
      auto found = index_.find(key);
      size_t gi;
      if (found == index_.end()) {
        int64_t bytes = EstimateBytes(key) * 2 + 64 * static_cast<int64_t>(op_->aggregates.size());
        charged_ += bytes;
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
        gi = groups_.size();
        index_.emplace(key, gi);
        DOSSIER_ASSIGN_OR_RETURN(Group g, NewGroup(std::move(key)));
        groups_.push_back(std::move(g));
      } else {
        gi = found->second;
      }
      Group& g = groups_[gi];
      for (size_t i = 0; i < op_->aggregates.size(); ++i) {
        const auto& call = op_->aggregates[i]->As<FunctionCallExpr>();
        Value arg = Value::Int(1);
        if (!call.star && !call.args.empty()) {
          DOSSIER_ASSIGN_OR_RETURN(arg, eval_->Eval(*call.args[0], layout, in));
        }
        if (call.name == "collect") {
          int64_t bytes = EstimateBytes(arg);
          charged_ += bytes;
          DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
        }
        DOSSIER_RETURN_IF_ERROR(g.aggs[i]->Add(arg));
      }
    }
    if (groups_.empty() && op_->items.empty()) {
      DOSSIER_ASSIGN_OR_RETURN(Group g, NewGroup(Row{}));
      groups_.push_back(std::move(g));
    }
    return absl::OkStatus();
  }

  std::vector<Group> groups_;
  absl::flat_hash_map<std::vector<Value>, size_t, KeyHash, KeyEq> index_;
  size_t pos_ = 0;
  bool done_ = false;
  int64_t charged_ = 0;
};

class DistinctOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    seen_.clear();
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    int width = op_->distinct_width > 0 ? op_->distinct_width : op_->layout.size();
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(row));
      if (!more) return false;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      std::vector<Value> key(row->begin(), row->begin() + std::min<int>(width, row->size()));
      int64_t bytes = EstimateBytes(key);
      if (seen_.insert(std::move(key)).second) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
        return true;
      }
    }
  }

 private:
  absl::flat_hash_set<std::vector<Value>, KeyHash, KeyEq> seen_;
};

// The ORDER BY order of two rows' evaluated keys: negative when `a` sorts
// first, 0 on a tie.
int CompareSortKeys(const std::vector<std::pair<const Expr*, bool>>& sort_keys,
                    const std::vector<Value>& a, const std::vector<Value>& b) {
  for (size_t i = 0; i < sort_keys.size(); ++i) {
    int c = OrderCompare(a[i], b[i]);
    if (c != 0) return sort_keys[i].second ? -c : c;
  }
  return 0;
}

// The ORDER BY keys of `op` over `row` into *keys (Sort and TopK).
absl::Status EvalSortKeysInto(const LogicalOp& op, Evaluator* eval,
                              const Layout& layout, const Row& row,
                              std::vector<Value>* keys) {
  keys->clear();
  keys->reserve(op.sort_keys.size());
  for (const auto& [e, desc] : op.sort_keys) {
    DOSSIER_ASSIGN_OR_RETURN(Value v,
                             eval->Eval(*e, layout, row, &op.overrides));
    keys->push_back(std::move(v));
  }
  return absl::OkStatus();
}

// The ORDER BY keys of `op` over `row` (Sort and TopK).
absl::StatusOr<std::vector<Value>> EvalSortKeys(const LogicalOp& op,
                                                Evaluator* eval,
                                                const Layout& layout,
                                                const Row& row) {
  std::vector<Value> keys;
  DOSSIER_RETURN_IF_ERROR(EvalSortKeysInto(op, eval, layout, row, &keys));
  return keys;
}

class SortOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(-charged_));
    charged_ = 0;
    rows_.clear();
    pos_ = 0;
    done_ = false;
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (!done_) {
      DOSSIER_RETURN_IF_ERROR(Consume());
      done_ = true;
    }
    if (pos_ >= rows_.size()) return false;
    *row = std::move(rows_[pos_++].second);
    return true;
  }

 private:
  absl::Status Consume() {
    const Layout& layout = child().logical().layout;
    Row in;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      DOSSIER_ASSIGN_OR_RETURN(std::vector<Value> keys,
                               EvalSortKeys(*op_, eval_, layout, in));
      int64_t bytes = EstimateBytes(in) + EstimateBytes(keys);
      charged_ += bytes;
      DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
      rows_.emplace_back(std::move(keys), std::move(in));
    }
    absl::Status budget;
    uint64_t compares = 0;
    std::stable_sort(rows_.begin(), rows_.end(), [&](const auto& a, const auto& b) {
      if (!budget.ok()) return false;
      if (++compares % kCheckEvery == 0) budget = ctx_->CheckBudget();
      return CompareSortKeys(op_->sort_keys, a.first, b.first) < 0;
    });
    return budget;
  }

  std::vector<std::pair<std::vector<Value>, Row>> rows_;
  size_t pos_ = 0;
  bool done_ = false;
  int64_t charged_ = 0;
};

// Evaluates a SKIP / LIMIT count: a non-negative INTEGER.
absl::StatusOr<int64_t> EvalCount(const Expr& e, ExecContext* ctx, Evaluator* eval,
                                  const char* what) {
  Layout empty;
  DOSSIER_ASSIGN_OR_RETURN(Value v, eval->Eval(e, empty, Row{}));
  if (v.kind() != ValueKind::kInt) {
    return SyntaxError(kInvalidArgumentType,
                       std::string(what) + " expects a non-negative INTEGER");
  }
  if (v.AsInt() < 0) {
    return SyntaxError("NegativeIntegerArgument",
                       std::string(what) + " expects a non-negative INTEGER");
  }
  return v.AsInt();
}

// TopK: the first SKIP + LIMIT rows of the Sort order (query/plan/
// rule_top_k.cc). A max-heap of at most k rows ordered by (keys, arrival)
// keeps the best k seen so far; arrival breaks ties as the stable Sort's
// input order does, so the output is the Sort's first k rows. Every input
// row is read and its keys evaluated, as by the Sort.
class TopKOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(-charged_));
    charged_ = 0;
    heap_.clear();
    pos_ = 0;
    done_ = false;
    k_ = TopKBound(*op_, ctx_, eval_);
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (!done_) {
      DOSSIER_RETURN_IF_ERROR(Consume());
      done_ = true;
    }
    if (pos_ >= heap_.size()) return false;
    *row = std::move(heap_[pos_++].row);
    return true;
  }

 private:
  struct Entry {
    std::vector<Value> keys;
    uint64_t seq;
    Row row;
    int64_t bytes;
  };

  // True when `a` comes before `b` in the output.
  bool Before(const Entry& a, const Entry& b) const {
    int c = CompareSortKeys(op_->sort_keys, a.keys, b.keys);
    return c != 0 ? c < 0 : a.seq < b.seq;
  }

  absl::Status Consume() {
    const Layout& layout = child().logical().layout;
    auto before = [this](const Entry& a, const Entry& b) {
      return Before(a, b);
    };
    Row in;
    // The keys of the current row; moved into an Entry only when the row is
    // kept, so that a rejected row allocates nothing.
    std::vector<Value> keys;
    uint64_t seq = 0;
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      const uint64_t s = seq++;
      DOSSIER_RETURN_IF_ERROR(EvalSortKeysInto(*op_, eval_, layout, in, &keys));
      if (k_ == 0) continue;
      if (static_cast<int64_t>(heap_.size()) >= k_) {
        // heap_.front() is the last of the k kept rows; a later row that
        // ties with it comes after it (as Before: its seq is larger).
        if (CompareSortKeys(op_->sort_keys, keys, heap_.front().keys) >= 0) {
          continue;
        }
        std::pop_heap(heap_.begin(), heap_.end(), before);
        charged_ -= heap_.back().bytes;
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(-heap_.back().bytes));
        heap_.pop_back();
      }
      Entry e;
      e.seq = s;
      e.keys = std::move(keys);
      e.row = std::move(in);
      e.bytes = EstimateBytes(e.row) + EstimateBytes(e.keys);
      charged_ += e.bytes;
      DOSSIER_RETURN_IF_ERROR(ctx_->Charge(e.bytes));
      heap_.push_back(std::move(e));
      std::push_heap(heap_.begin(), heap_.end(), before);
    }
    std::sort_heap(heap_.begin(), heap_.end(), before);
    return absl::OkStatus();
  }

  std::vector<Entry> heap_;
  int64_t k_ = 0;
  size_t pos_ = 0;
  bool done_ = false;
  int64_t charged_ = 0;
};

class SkipOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_ASSIGN_OR_RETURN(remaining_, EvalCount(*op_->count, ctx_, eval_, "SKIP"));
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (remaining_ > 0) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(row));
      if (!more) return false;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      --remaining_;
    }
    return child().Next(row);
  }

 private:
  int64_t remaining_ = 0;
};

class LimitOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_ASSIGN_OR_RETURN(remaining_, EvalCount(*op_->count, ctx_, eval_, "LIMIT"));
    drained_ = false;
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (remaining_ <= 0) {
      if (ctx_->writes && !drained_) {
        drained_ = true;
        Row ignored;
        while (true) {
          DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&ignored));
          if (!more) break;
          DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        }
      }
      return false;
    }
    DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(row));
    if (!more) return false;
    --remaining_;
    return true;
  }

 private:
  int64_t remaining_ = 0;
  bool drained_ = false;
};

class OptionalOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;
  void SetArguments(std::vector<ArgumentOperator*> a) { arguments_ = std::move(a); }

 protected:
  absl::Status OpenImpl() override {
    have_input_ = false;
    return child(0).Open();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (true) {
      if (have_input_) {
        DOSSIER_ASSIGN_OR_RETURN(bool more, child(1).Next(row));
        if (more) {
          matched_ = true;
          return true;
        }
        have_input_ = false;
        if (!matched_) {
          *row = std::move(input_);
          row->resize(op_->layout.size());
          return true;
        }
      }
      DOSSIER_ASSIGN_OR_RETURN(bool more, child(0).Next(&input_));
      if (!more) return false;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      for (ArgumentOperator* a : arguments_) a->SetRow(input_);
      DOSSIER_RETURN_IF_ERROR(child(1).Open());
      have_input_ = true;
      matched_ = false;
    }
  }

 private:
  std::vector<ArgumentOperator*> arguments_;
  Row input_;
  bool have_input_ = false;
  bool matched_ = false;
};

class UnionOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    side_ = 0;
    seen_.clear();
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    while (side_ < 2) {
      Row in;
      DOSSIER_ASSIGN_OR_RETURN(bool more, child(side_).Next(&in));
      if (!more) {
        ++side_;
        continue;
      }
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      // Columns by name (the binder checked both sides have the same).
      const Layout& l = child(side_).logical().layout;
      Row out;
      for (const auto& name : op_->layout.names()) {
        int s = l.Find(name);
        out.push_back(s >= 0 ? in[s] : Value::Null());
      }
      if (!op_->union_all) {
        int64_t bytes = EstimateBytes(out);
        if (!seen_.insert(out).second) continue;
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
      }
      *row = std::move(out);
      return true;
    }
    return false;
  }

 private:
  size_t side_ = 0;
  absl::flat_hash_set<std::vector<Value>, KeyHash, KeyEq> seen_;
};

class EagerOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(-charged_));
    charged_ = 0;
    rows_.clear();
    pos_ = 0;
    done_ = false;
    return PhysicalOperator::OpenImpl();
  }
  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (!done_) {
      Row in;
      while (true) {
        DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
        if (!more) break;
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        int64_t bytes = EstimateBytes(in);
        charged_ += bytes;
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
        rows_.push_back(std::move(in));
      }
      done_ = true;
    }
    if (pos_ >= rows_.size()) return false;
    *row = std::move(rows_[pos_++]);
    return true;
  }

 private:
  std::vector<Row> rows_;
  size_t pos_ = 0;
  bool done_ = false;
  int64_t charged_ = 0;
};

}  // namespace

int64_t TopKBound(const LogicalOp& op, ExecContext* ctx, Evaluator* eval) {
  // An invalid count is reported by the Skip or Limit above (opened
  // first); here it only means "keep everything".
  constexpr int64_t kAll = std::numeric_limits<int64_t>::max();
  absl::StatusOr<int64_t> limit = EvalCount(*op.count, ctx, eval, "LIMIT");
  if (!limit.ok()) return kAll;
  if (op.skip == nullptr) return *limit;
  absl::StatusOr<int64_t> skip = EvalCount(*op.skip, ctx, eval, "SKIP");
  return !skip.ok() || *skip > kAll - *limit ? kAll : *limit + *skip;
}

void SetOptionalInner(PhysicalOperator* optional,
                      std::vector<ArgumentOperator*> arguments) {
  static_cast<OptionalOp*>(optional)->SetArguments(std::move(arguments));
}

PhysPtr MakeProjection(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<ProjectionOp>(op, ctx, eval);
}
PhysPtr MakeAggregate(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<AggregateOp>(op, ctx, eval);
}
PhysPtr MakeDistinct(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<DistinctOp>(op, ctx, eval);
}
PhysPtr MakeSort(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<SortOp>(op, ctx, eval);
}
PhysPtr MakeTopK(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<TopKOp>(op, ctx, eval);
}
PhysPtr MakeSkip(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<SkipOp>(op, ctx, eval);
}
PhysPtr MakeLimit(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<LimitOp>(op, ctx, eval);
}
PhysPtr MakeOptional(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<OptionalOp>(op, ctx, eval);
}
PhysPtr MakeUnion(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<UnionOp>(op, ctx, eval);
}
PhysPtr MakeEager(const LogicalOp* op, ExecContext* ctx, Evaluator* eval) {
  return std::make_unique<EagerOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
