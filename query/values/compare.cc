#include "query/values/compare.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

namespace dossier::query {

using graph::ValueKind;

Value TriToValue(Tri t) {
  return t == Tri::kNull ? Value::Null() : Value::Bool(t == Tri::kTrue);
}

Tri TriNot(Tri a) {
  switch (a) {
    case Tri::kFalse:
      return Tri::kTrue;
    case Tri::kTrue:
      return Tri::kFalse;
    case Tri::kNull:
      return Tri::kNull;
  }
  return Tri::kNull;
}

Tri TriAnd(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kTrue;
}

Tri TriOr(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kFalse;
}

Tri TriXor(Tri a, Tri b) {
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return ToTri(a != b);
}

int CompareIntDouble(int64_t i, double d) {
  if (std::isnan(d)) return 2;
  // 2^63 is exactly representable; every double >= it exceeds any int64.
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  double t = std::trunc(d);  // in [-2^63, 2^63): fits int64 exactly
  int64_t ti = static_cast<int64_t>(t);
  if (i < ti) return -1;
  if (i > ti) return 1;
  double frac = d - t;  // exact
  if (frac > 0) return -1;
  if (frac < 0) return 1;
  return 0;
}

namespace {

// Numbers: -1/0/1, or 2 when unordered (NaN).
int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::kInt && b.kind() == ValueKind::kInt) {
    return a.AsInt() < b.AsInt() ? -1 : (a.AsInt() > b.AsInt() ? 1 : 0);
  }
  if (a.kind() == ValueKind::kInt) return CompareIntDouble(a.AsInt(), b.AsDouble());
  if (b.kind() == ValueKind::kInt) {
    int c = CompareIntDouble(b.AsInt(), a.AsDouble());
    return c == 2 ? 2 : -c;
  }
  double x = a.AsDouble(), y = b.AsDouble();
  if (std::isnan(x) || std::isnan(y)) return 2;
  return x < y ? -1 : (x > y ? 1 : 0);
}

int CompareStrings(const std::string& a, const std::string& b) {
  // std::char_traits<char>::compare orders as unsigned char, i.e. UTF-8 byte
  // order, which is code point order.
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Folds element results of a list or map equality.
struct EqualityFold {
  bool saw_null = false;
  // Returns false when the fold is decided (an element was false).
  bool Add(Tri t) {
    if (t == Tri::kFalse) return false;
    if (t == Tri::kNull) saw_null = true;
    return true;
  }
  Tri Result() const { return saw_null ? Tri::kNull : Tri::kTrue; }
};

bool PathIdsEqual(const graph::PathValue& a, const graph::PathValue& b) {
  if (a.nodes != b.nodes || a.edges.size() != b.edges.size()) return false;
  for (size_t i = 0; i < a.edges.size(); ++i) {
    if (a.edges[i].id != b.edges[i].id) return false;
  }
  return true;
}

}  // namespace

Tri Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) return ToTri(CompareNumbers(a, b) == 0);
  if (a.kind() != b.kind()) return Tri::kFalse;
  switch (a.kind()) {
    case ValueKind::kNull:
    case ValueKind::kInt:
    case ValueKind::kDouble:
      return Tri::kNull;  // handled above
    case ValueKind::kBool:
      return ToTri(a.AsBool() == b.AsBool());
    case ValueKind::kString:
      return ToTri(a.AsString() == b.AsString());
    case ValueKind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      if (x.size() != y.size()) return Tri::kFalse;
      EqualityFold fold;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!fold.Add(Equals(x[i], y[i]))) return Tri::kFalse;
      }
      return fold.Result();
    }
    case ValueKind::kMap: {
      const auto& x = a.AsMap();
      const auto& y = b.AsMap();
      if (x.size() != y.size()) return Tri::kFalse;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return Tri::kFalse;
      }
      EqualityFold fold;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (!fold.Add(Equals(i->second, j->second))) return Tri::kFalse;
      }
      return fold.Result();
    }
    case ValueKind::kNode:
      return ToTri(a.AsNode() == b.AsNode());
    case ValueKind::kEdge:
      return ToTri(a.AsEdge().id == b.AsEdge().id);
    case ValueKind::kPath:
      return ToTri(PathIdsEqual(a.AsPath(), b.AsPath()));
  }
  return Tri::kNull;
}

Comparison Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Comparison::kNull;
  auto from_int = [](int c) {
    return c == 2 ? Comparison::kUnordered
                  : (c < 0 ? Comparison::kLess
                           : (c > 0 ? Comparison::kGreater : Comparison::kEqual));
  };
  if (a.is_number() && b.is_number()) return from_int(CompareNumbers(a, b));
  if (a.kind() != b.kind()) return Comparison::kNull;
  switch (a.kind()) {
    case ValueKind::kBool:
      return from_int(static_cast<int>(a.AsBool()) -
                      static_cast<int>(b.AsBool()));
    case ValueKind::kString:
      return from_int(CompareStrings(a.AsString(), b.AsString()));
    case ValueKind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        Comparison c = Compare(x[i], y[i]);
        if (c != Comparison::kEqual) return c;
      }
      return from_int(x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0));
    }
    case ValueKind::kNull:
    case ValueKind::kInt:
    case ValueKind::kDouble:
    case ValueKind::kMap:
    case ValueKind::kNode:
    case ValueKind::kEdge:
    case ValueKind::kPath:
      return Comparison::kNull;
  }
  return Comparison::kNull;
}

namespace {

Tri FromComparison(Comparison c, bool if_less, bool if_equal,
                   bool if_greater) {
  switch (c) {
    case Comparison::kLess:
      return ToTri(if_less);
    case Comparison::kEqual:
      return ToTri(if_equal);
    case Comparison::kGreater:
      return ToTri(if_greater);
    case Comparison::kUnordered:
      return Tri::kFalse;
    case Comparison::kNull:
      return Tri::kNull;
  }
  return Tri::kNull;
}

}  // namespace

Tri Less(const Value& a, const Value& b) {
  return FromComparison(Compare(a, b), true, false, false);
}
Tri LessOrEqual(const Value& a, const Value& b) {
  return FromComparison(Compare(a, b), true, true, false);
}
Tri Greater(const Value& a, const Value& b) {
  return FromComparison(Compare(a, b), false, false, true);
}
Tri GreaterOrEqual(const Value& a, const Value& b) {
  return FromComparison(Compare(a, b), false, true, true);
}

namespace {

// Rank of a value's type in the ORDER BY order.
int OrderRank(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kMap:
      return 0;
    case ValueKind::kNode:
      return 1;
    case ValueKind::kEdge:
      return 2;
    case ValueKind::kList:
      return 3;
    case ValueKind::kPath:
      return 4;
    case ValueKind::kString:
      return 5;
    case ValueKind::kBool:
      return 6;
    case ValueKind::kInt:
      return 7;
    case ValueKind::kDouble:
      return std::isnan(v.AsDouble()) ? 8 : 7;
    case ValueKind::kNull:
      return 9;
  }
  return 9;
}

template <typename T>
int Cmp3(const T& x, const T& y) {
  return x < y ? -1 : (y < x ? 1 : 0);
}

}  // namespace

int OrderCompare(const Value& a, const Value& b) {
  int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case ValueKind::kNull:
      return 0;
    case ValueKind::kBool:
      return Cmp3(a.AsBool(), b.AsBool());
    case ValueKind::kInt:
    case ValueKind::kDouble: {
      if (ra == 8) return 0;  // NaN ~ NaN
      return CompareNumbers(a, b);
    }
    case ValueKind::kString:
      return CompareStrings(a.AsString(), b.AsString());
    case ValueKind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        int c = OrderCompare(x[i], y[i]);
        if (c != 0) return c;
      }
      return Cmp3(x.size(), y.size());
    }
    case ValueKind::kMap: {
      const auto& x = a.AsMap();
      const auto& y = b.AsMap();
      // Keys first (as sorted lists of strings), then values in key order.
      auto i = x.begin(), j = y.begin();
      for (; i != x.end() && j != y.end(); ++i, ++j) {
        int c = CompareStrings(i->first, j->first);
        if (c != 0) return c;
      }
      if (x.size() != y.size()) return Cmp3(x.size(), y.size());
      for (i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        int c = OrderCompare(i->second, j->second);
        if (c != 0) return c;
      }
      return 0;
    }
    case ValueKind::kNode:
      return Cmp3(a.AsNode(), b.AsNode());
    case ValueKind::kEdge:
      return Cmp3(a.AsEdge().id, b.AsEdge().id);
    case ValueKind::kPath: {
      const auto& x = a.AsPath();
      const auto& y = b.AsPath();
      // Lexicographic over node, edge, node, ...
      size_t n = std::min(x.nodes.size(), y.nodes.size());
      for (size_t k = 0; k < n; ++k) {
        int c = Cmp3(x.nodes[k], y.nodes[k]);
        if (c != 0) return c;
        if (k < x.edges.size() && k < y.edges.size()) {
          c = Cmp3(x.edges[k].id, y.edges[k].id);
          if (c != 0) return c;
        }
      }
      return Cmp3(x.nodes.size(), y.nodes.size());
    }
  }
  return 0;
}

bool GroupEquals(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    bool nan_a = a.kind() == ValueKind::kDouble && std::isnan(a.AsDouble());
    bool nan_b = b.kind() == ValueKind::kDouble && std::isnan(b.AsDouble());
    if (nan_a || nan_b) return nan_a && nan_b;
    return CompareNumbers(a, b) == 0;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kInt:
    case ValueKind::kDouble:
      return false;  // handled above
    case ValueKind::kBool:
      return a.AsBool() == b.AsBool();
    case ValueKind::kString:
      return a.AsString() == b.AsString();
    case ValueKind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!GroupEquals(x[i], y[i])) return false;
      }
      return true;
    }
    case ValueKind::kMap: {
      const auto& x = a.AsMap();
      const auto& y = b.AsMap();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first || !GroupEquals(i->second, j->second)) {
          return false;
        }
      }
      return true;
    }
    case ValueKind::kNode:
      return a.AsNode() == b.AsNode();
    case ValueKind::kEdge:
      return a.AsEdge().id == b.AsEdge().id;
    case ValueKind::kPath:
      return PathIdsEqual(a.AsPath(), b.AsPath());
  }
  return false;
}

namespace {

size_t Mix(size_t seed, size_t h) {
  // 64-bit variant of boost::hash_combine.
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 12) + (seed >> 4));
}

size_t HashNumber(const Value& v) {
  if (v.kind() == ValueKind::kInt) {
    return std::hash<int64_t>()(v.AsInt());
  }
  double d = v.AsDouble();
  if (std::isnan(d)) return 0x7ff8dead;
  // An integral double in int64 range hashes as that integer so that
  // 1 ~ 1.0 (and -0.0 ~ 0) hash alike.
  if (d == std::trunc(d) && d >= -9223372036854775808.0 &&
      d < 9223372036854775808.0) {
    return std::hash<int64_t>()(static_cast<int64_t>(d));
  }
  return std::hash<double>()(d);
}

}  // namespace

size_t GroupHash(const Value& v) {
  size_t seed = 0;
  switch (v.kind()) {
    case ValueKind::kNull:
      return 0x5eed0001;
    case ValueKind::kBool:
      return v.AsBool() ? 0x5eed0003 : 0x5eed0002;
    case ValueKind::kInt:
    case ValueKind::kDouble:
      return HashNumber(v);
    case ValueKind::kString:
      return std::hash<std::string_view>()(v.AsString());
    case ValueKind::kList:
      seed = 0x5eed0004;
      for (const Value& e : v.AsList()) seed = Mix(seed, GroupHash(e));
      return seed;
    case ValueKind::kMap:
      seed = 0x5eed0005;
      for (const auto& [k, e] : v.AsMap()) {
        seed = Mix(seed, std::hash<std::string_view>()(k));
        seed = Mix(seed, GroupHash(e));
      }
      return seed;
    case ValueKind::kNode:
      return Mix(0x5eed0006, std::hash<uint64_t>()(v.AsNode()));
    case ValueKind::kEdge:
      return Mix(0x5eed0007, std::hash<uint64_t>()(v.AsEdge().id));
    case ValueKind::kPath:
      seed = 0x5eed0008;
      for (auto n : v.AsPath().nodes) seed = Mix(seed, std::hash<uint64_t>()(n));
      for (const auto& e : v.AsPath().edges) {
        seed = Mix(seed, std::hash<uint64_t>()(e.id));
      }
      return seed;
  }
  return seed;
}

Tri ListContains(const Value& list, const Value& element) {
  bool saw_null = false;
  for (const Value& e : list.AsList()) {
    Tri t = Equals(element, e);
    if (t == Tri::kTrue) return Tri::kTrue;
    if (t == Tri::kNull) saw_null = true;
  }
  return saw_null ? Tri::kNull : Tri::kFalse;
}

}  // namespace dossier::query
