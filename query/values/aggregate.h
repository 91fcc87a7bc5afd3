// Aggregate functions as accumulators: count, sum, avg, min, max, collect.
//
// An Aggregator sees the argument value of each row of its group through
// Add() and gives the group's result from Finish(). Nulls are ignored by
// every aggregate (count(*) is the executor's: it adds a non-null value per
// row). With DISTINCT, values equal under GroupEquals are added once.
//  * count: INTEGER number of non-null values.
//  * sum: 0 on no values; INTEGER while all values are INTEGER (overflow is
//    "ArithmeticError: IntegerOverflow"), FLOAT once a FLOAT is seen.
//  * avg: null on no values, else a FLOAT (exact sum of INTEGERs first).
//  * min/max: null on no values, else the least/greatest by OrderCompare
//    (mixed types follow ORDER BY: max(1, 'a', [1]) is 1).
//  * collect: the list of non-null values in arrival order.
// sum and avg fail with "TypeError: InvalidArgumentType" on a non-number.
// An Aggregator is not thread-safe; use one per group.
#ifndef DOSSIER_QUERY_VALUES_AGGREGATE_H_
#define DOSSIER_QUERY_VALUES_AGGREGATE_H_

#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/value.h"

namespace dossier::query {

class Aggregator {
 public:
  virtual ~Aggregator() = default;

  // Accounts for one row's argument value. Errors: the type and overflow
  // errors above; after an error the aggregator must not be used again.
  virtual absl::Status Add(const graph::Value& v) = 0;

  // The aggregate over everything added. May be called more than once.
  virtual absl::StatusOr<graph::Value> Finish() = 0;
};

// True when `lowercase_name` is an aggregate function (count, sum, avg,
// min, max, collect).
bool IsAggregateFunction(std::string_view lowercase_name);

// Makes a fresh accumulator. Errors: InvalidArgument
// "SyntaxError: UnknownFunction" for a name that is not an aggregate.
absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(
    std::string_view lowercase_name, bool distinct);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_AGGREGATE_H_
