#include "query/values/aggregate.h"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "query/values/compare.h"
#include "query/values/errors.h"

namespace dossier::query {

using graph::Value;
using graph::ValueKind;

namespace {

absl::Status NotANumber(std::string_view fn, const Value& v) {
  return TypeError(kInvalidArgumentType,
                   std::string(fn) + "() cannot take a " +
                       std::string(graph::KindName(v.kind())));
}

class CountAggregator : public Aggregator {
 public:
  absl::Status Add(const Value& v) override {
    if (!v.is_null()) ++count_;
    return absl::OkStatus();
  }
  absl::StatusOr<Value> Finish() override { return Value::Int(count_); }

 private:
  int64_t count_ = 0;
};

class SumAggregator : public Aggregator {
 public:
  absl::Status Add(const Value& v) override {
    if (v.is_null()) return absl::OkStatus();
    if (v.kind() == ValueKind::kInt) {
      if (is_float_) {
        double_sum_ += static_cast<double>(v.AsInt());
      } else if (__builtin_add_overflow(int_sum_, v.AsInt(), &int_sum_)) {
        return ArithmeticError(kIntegerOverflow, "integer overflow in sum()");
      }
      return absl::OkStatus();
    }
    if (v.kind() == ValueKind::kDouble) {
      if (!is_float_) {
        is_float_ = true;
        double_sum_ = static_cast<double>(int_sum_);
      }
      double_sum_ += v.AsDouble();
      return absl::OkStatus();
    }
    return NotANumber("sum", v);
  }
  absl::StatusOr<Value> Finish() override {
    return is_float_ ? Value::Double(double_sum_) : Value::Int(int_sum_);
  }

 private:
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double double_sum_ = 0;
};

class AvgAggregator : public Aggregator {
 public:
  absl::Status Add(const Value& v) override {
    if (v.is_null()) return absl::OkStatus();
    if (v.kind() == ValueKind::kInt) {
      int_sum_ += v.AsInt();  // __int128 cannot overflow within 2^64 rows
    } else if (v.kind() == ValueKind::kDouble) {
      double_sum_ += v.AsDouble();
    } else {
      return NotANumber("avg", v);
    }
    ++count_;
    return absl::OkStatus();
  }
  absl::StatusOr<Value> Finish() override {
    if (count_ == 0) return Value::Null();
    long double total = static_cast<long double>(int_sum_) + double_sum_;
    return Value::Double(static_cast<double>(total / count_));
  }

 private:
  __int128 int_sum_ = 0;
  long double double_sum_ = 0;
  int64_t count_ = 0;
};

class ExtremumAggregator : public Aggregator {
 public:
  explicit ExtremumAggregator(bool want_max) : want_max_(want_max) {}
  absl::Status Add(const Value& v) override {
    if (v.is_null()) return absl::OkStatus();
    if (best_.is_null()) {
      best_ = v;
      return absl::OkStatus();
    }
    int c = OrderCompare(v, best_);
    if (want_max_ ? c > 0 : c < 0) best_ = v;
    return absl::OkStatus();
  }
  absl::StatusOr<Value> Finish() override { return best_; }

 private:
  bool want_max_;
  Value best_;
};

class CollectAggregator : public Aggregator {
 public:
  absl::Status Add(const Value& v) override {
    if (!v.is_null()) values_.push_back(v);
    return absl::OkStatus();
  }
  absl::StatusOr<Value> Finish() override { return Value::List(values_); }

 private:
  graph::ValueList values_;
};

// Forwards each distinct non-null value once.
class DistinctAggregator : public Aggregator {
 public:
  explicit DistinctAggregator(std::unique_ptr<Aggregator> inner)
      : inner_(std::move(inner)) {}
  absl::Status Add(const Value& v) override {
    if (v.is_null()) return absl::OkStatus();
    if (!seen_.insert(v).second) return absl::OkStatus();
    return inner_->Add(v);
  }
  absl::StatusOr<Value> Finish() override { return inner_->Finish(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  absl::flat_hash_set<Value, GroupHasher, GroupEq> seen_;
};

std::unique_ptr<Aggregator> MakePlain(std::string_view name) {
  if (name == "count") return std::make_unique<CountAggregator>();
  if (name == "sum") return std::make_unique<SumAggregator>();
  if (name == "avg") return std::make_unique<AvgAggregator>();
  if (name == "min") return std::make_unique<ExtremumAggregator>(false);
  if (name == "max") return std::make_unique<ExtremumAggregator>(true);
  if (name == "collect") return std::make_unique<CollectAggregator>();
  return nullptr;
}

}  // namespace

bool IsAggregateFunction(std::string_view lowercase_name) {
  return MakePlain(lowercase_name) != nullptr;
}

absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(
    std::string_view lowercase_name, bool distinct) {
  std::unique_ptr<Aggregator> agg = MakePlain(lowercase_name);
  if (agg == nullptr) {
    return SyntaxError("UnknownFunction", "unknown aggregate function " +
                                              std::string(lowercase_name));
  }
  if (distinct) agg = std::make_unique<DistinctAggregator>(std::move(agg));
  return agg;
}

}  // namespace dossier::query
