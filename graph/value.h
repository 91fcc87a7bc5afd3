// Value: the one value type of Dossier.
//
// A Value is null, a boolean, a 64-bit integer, a double, a UTF-8 string, a
// list, a map, or (at query time only) a reference to a node, a relationship
// or a path. Property values stored in the graph are the first seven kinds
// ("storable" values); node, relationship and path values exist while a query
// runs and in results.
//
// Values are regular types: copyable, movable, comparable with operator== for
// structural identity (this is NOT Cypher equality, which is three-valued and
// lives in query/).
#ifndef DOSSIER_GRAPH_VALUE_H_
#define DOSSIER_GRAPH_VALUE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dossier::graph {

using NodeId = uint64_t;     // Stable id of a node; never reused.
using EdgeId = uint64_t;     // Stable id of a relationship; never reused.
using LabelId = uint32_t;    // Catalog id of a node label.
using TypeId = uint32_t;     // Catalog id of a relationship type.
using PropKeyId = uint32_t;  // Catalog id of a property key.

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;

// A reference to a stored node.
struct NodeRef {
  NodeId id = 0;
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};

// A reference to a stored relationship, with its endpoints and type so that
// direction and type need no lookup.
struct EdgeRef {
  EdgeId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  TypeId type = 0;
  friend bool operator==(const EdgeRef&, const EdgeRef&) = default;
};

// A path: nodes.size() == edges.size() + 1; edges[i] joins nodes[i] and
// nodes[i + 1] in either direction.
struct PathValue {
  std::vector<NodeId> nodes;
  std::vector<EdgeRef> edges;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

// Text of a double as the query language prints it (the TCK's notation):
// shortest round-trip digits, plain decimal with at least one fractional
// digit when 1e-7 <= |d| < 1e21 (1.0, 0.00001, 1000.0), otherwise mantissa
// 'e' exponent (1e-305, 1.23456789e308); NaN, Infinity, -Infinity; -0.0 is
// written 0.0. The one double formatter: every surface calls it.
std::string DoubleText(double d);

// The kinds of Value, in the order of their variant alternatives.
enum class ValueKind : uint8_t {
  kNull = 0,
  kBool,
  kInt,
  kDouble,
  kString,
  kList,
  kMap,
  kNode,
  kEdge,
  kPath,
};

// Returns the Cypher name of a kind ("NULL", "BOOLEAN", "INTEGER", "FLOAT",
// "STRING", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH").
std::string_view KindName(ValueKind kind);

class Value {
 public:
  // A null value.
  Value() = default;

  static Value Null() { return Value(); }
  static Value Bool(bool b) { return Value(Repr(std::in_place_index<1>, b)); }
  static Value Int(int64_t i) { return Value(Repr(std::in_place_index<2>, i)); }
  static Value Double(double d) {
    return Value(Repr(std::in_place_index<3>, d));
  }
  static Value String(std::string s) {
    return Value(Repr(std::in_place_index<4>, std::move(s)));
  }
  static Value String(std::string_view s) { return String(std::string(s)); }
  static Value String(const char* s) { return String(std::string(s)); }
  static Value List(ValueList l) {
    return Value(Repr(std::in_place_index<5>, std::move(l)));
  }
  static Value Map(ValueMap m) {
    return Value(Repr(std::in_place_index<6>, std::move(m)));
  }
  static Value Node(NodeId id) {
    return Value(Repr(std::in_place_index<7>, NodeRef{id}));
  }
  static Value Edge(EdgeRef e) {
    return Value(Repr(std::in_place_index<8>, e));
  }
  static Value Path(PathValue p) {
    return Value(Repr(std::in_place_index<9>, std::move(p)));
  }

  ValueKind kind() const { return static_cast<ValueKind>(repr_.index()); }
  bool is_null() const { return kind() == ValueKind::kNull; }
  bool is_number() const {
    return kind() == ValueKind::kInt || kind() == ValueKind::kDouble;
  }

  // Accessors. REQUIRES: kind() is the accessor's kind.
  bool AsBool() const { return std::get<1>(repr_); }
  int64_t AsInt() const { return std::get<2>(repr_); }
  double AsDouble() const { return std::get<3>(repr_); }
  const std::string& AsString() const { return std::get<4>(repr_); }
  const ValueList& AsList() const { return std::get<5>(repr_); }
  ValueList& MutableList() { return std::get<5>(repr_); }
  const ValueMap& AsMap() const { return std::get<6>(repr_); }
  ValueMap& MutableMap() { return std::get<6>(repr_); }
  NodeId AsNode() const { return std::get<7>(repr_).id; }
  const EdgeRef& AsEdge() const { return std::get<8>(repr_); }
  const PathValue& AsPath() const { return std::get<9>(repr_); }

  // Numeric value as double. REQUIRES: is_number().
  double NumberAsDouble() const {
    return kind() == ValueKind::kInt ? static_cast<double>(AsInt())
                                     : AsDouble();
  }

  // True when the value (recursively) holds no node, relationship or path,
  // so that it can be stored as a property.
  bool IsStorable() const;

  // A Cypher-literal rendering: null, true, 42, 1.5, 'text', [1, 2],
  // {a: 1}; nodes as (#12), relationships as [#7], paths as <...>.
  std::string DebugString() const;

  // Structural identity (same kind, same contents; NaN == NaN here).
  friend bool operator==(const Value& a, const Value& b);

 private:
  using Repr = std::variant<std::monostate, bool, int64_t, double, std::string,
                            ValueList, ValueMap, NodeRef, EdgeRef, PathValue>;
  explicit Value(Repr r) : repr_(std::move(r)) {}
  Repr repr_;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_VALUE_H_
