// Cypher equality, comparison, ORDER BY order and grouping equivalence.
//
// Four different relations over graph::Value, as openCypher defines them:
//  * Equals: the `=` operator, three-valued (null when unknown).
//  * Compare: the `<`, `<=`, `>`, `>=` operators; null across types (except
//    INTEGER/FLOAT), false against NaN.
//  * OrderCompare: the total order of ORDER BY, min() and max():
//    MAP < NODE < RELATIONSHIP < LIST < PATH < STRING < BOOLEAN < NUMBER < NaN
//    < NULL.
//  * GroupEquals/GroupHash: equivalence for DISTINCT and grouping keys: like
//    Equals but null ~ null and NaN ~ NaN; 1 ~ 1.0.
// All functions are pure and thread-safe.
#ifndef DOSSIER_QUERY_VALUES_COMPARE_H_
#define DOSSIER_QUERY_VALUES_COMPARE_H_

#include <cstddef>
#include <cstdint>

#include "graph/value.h"

namespace dossier::query {

using graph::Value;

// A three-valued boolean.
enum class Tri { kFalse, kTrue, kNull };

// Tri from a bool.
inline Tri ToTri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }
// Value::Bool or Value::Null.
Value TriToValue(Tri t);
// Three-valued NOT, AND, OR, XOR (Kleene logic).
Tri TriNot(Tri a);
Tri TriAnd(Tri a, Tri b);
Tri TriOr(Tri a, Tri b);
Tri TriXor(Tri a, Tri b);

// Cypher `a = b`. Null if either side is null or if a null inside a list or
// map decides; numbers compare exactly across INTEGER and FLOAT; NaN equals
// nothing; lists equal element-wise (different sizes: false); maps equal
// when they have the same keys and equal values; nodes and relationships by
// id; paths by their node and relationship ids. `a <> b` is TriNot(Equals).
Tri Equals(const Value& a, const Value& b);

// The outcome of comparing two values with `<` and friends.
enum class Comparison {
  kLess,
  kEqual,
  kGreater,
  kUnordered,  // a NaN is involved: every inequality is false
  kNull,       // incomparable types or null: every inequality is null
};

// Compares for `<`, `<=`, `>`, `>=`. Numbers compare exactly (an INTEGER
// against a FLOAT too, above 2^53 included), strings by code point,
// booleans false < true, lists lexicographically (the first element pair
// that is not equal decides; a prefix is smaller). Everything else, and
// any pair of different types, is kNull.
Comparison Compare(const Value& a, const Value& b);

// The operators on top of Compare.
Tri Less(const Value& a, const Value& b);
Tri LessOrEqual(const Value& a, const Value& b);
Tri Greater(const Value& a, const Value& b);
Tri GreaterOrEqual(const Value& a, const Value& b);

// The ORDER BY total order: negative, zero or positive. Ascending order puts
// MAP < NODE < RELATIONSHIP < LIST < PATH < STRING < BOOLEAN < NUMBER < NaN
// < NULL; within a type: maps by sorted keys then values, nodes and
// relationships by id, lists and paths lexicographically, numbers exactly
// (1 and 1.0 are tied).
int OrderCompare(const Value& a, const Value& b);

// Grouping equivalence for DISTINCT, grouping keys and aggregate(DISTINCT):
// null ~ null, NaN ~ NaN, 1 ~ 1.0, lists and maps element-wise.
bool GroupEquals(const Value& a, const Value& b);

// A hash consistent with GroupEquals.
size_t GroupHash(const Value& v);

// Hash and equality functors for absl/std hash containers keyed by Value.
struct GroupHasher {
  size_t operator()(const Value& v) const { return GroupHash(v); }
};
struct GroupEq {
  bool operator()(const Value& a, const Value& b) const {
    return GroupEquals(a, b);
  }
};

// Cypher `element IN list`: true if some element Equals, else null if some
// comparison was null, else false. REQUIRES: list is a LIST (the caller
// handles null and type errors).
Tri ListContains(const Value& list, const Value& element);

// Compares an INTEGER with a FLOAT exactly: -1, 0, 1, or 2 when d is NaN.
int CompareIntDouble(int64_t i, double d);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_VALUES_COMPARE_H_
