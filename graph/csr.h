// Csr: an immutable compressed-sparse-row adjacency of the whole graph.
//
// Vertices are dense indices 0..num_vertices()-1 mapped from NodeIds through
// one table. Every relationship has an ordinal 0..num_edges()-1: its slot in
// the out-adjacency, where a vertex's edges are sorted by (type, target).
// The in-adjacency lists, per target vertex, sorted by (type, source), the
// source vertex and the ordinal of each incoming edge.
//
// Memory per stored relationship: out 6 bytes (target u32, type u16), in 10
// bytes (source u32, ordinal u32, type u16), plus per-vertex offsets; edge ids
// (u64 per ordinal) and node ids (u64 per vertex, none when the node ids
// are consecutive) live in the id tables.
//
// Thread safety: a built Csr is immutable and may be read from any thread.
#ifndef DOSSIER_GRAPH_CSR_H_
#define DOSSIER_GRAPH_CSR_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "graph/value.h"

namespace dossier::graph {

class Csr {
 public:
  using Vertex = uint32_t;
  using Ordinal = uint32_t;
  static constexpr Vertex kNoVertex = 0xffffffffu;

  // One relationship handed to Build.
  struct EdgeInput {
    NodeId src;
    NodeId dst;
    EdgeId id;
    TypeId type;
  };

  // Builds the adjacency of `nodes` (any order, no duplicates) and `edges`
  // (any order; every endpoint must be in `nodes`, others are dropped).
  // Type ids must be < 65536.
  static std::shared_ptr<const Csr> Build(std::vector<NodeId> nodes,
                                          std::vector<EdgeInput> edges);

  uint32_t num_vertices() const { return num_vertices_; }
  uint64_t num_edges() const { return out_target_.size(); }

  // The dense vertex of a node, or kNoVertex when the node is not in it.
  // When the node ids are one run without gaps (a graph never deleted
  // from), vertex and node id differ by a constant and no table is read.
  Vertex VertexOf(NodeId id) const {
    if (consecutive_) {
      const NodeId v = id - first_id_;  // Wraps above num_vertices_ if below.
      return v < num_vertices_ ? static_cast<Vertex>(v) : kNoVertex;
    }
    return id < vertex_of_.size() ? vertex_of_[id] : kNoVertex;
  }
  NodeId NodeOf(Vertex v) const {
    return consecutive_ ? first_id_ + v : ids_[v];
  }

  // Out-edges of v are the ordinals [OutBegin(v), OutEnd(v)).
  uint64_t OutBegin(Vertex v) const { return out_offset_[v]; }
  uint64_t OutEnd(Vertex v) const { return out_offset_[v + 1]; }
  // The out-edges of v of one type: ordinals [first, second).
  std::pair<uint64_t, uint64_t> OutRange(Vertex v, TypeId type) const;
  Vertex Target(uint64_t ordinal) const { return out_target_[ordinal]; }
  TypeId Type(uint64_t ordinal) const { return out_type_[ordinal]; }
  EdgeId EdgeOf(uint64_t ordinal) const { return edge_ids_[ordinal]; }
  // The vertex an out-edge leaves from (binary search over the offsets).
  Vertex SourceOfOrdinal(uint64_t ordinal) const;

  // In-edges of v are the in-slots [InBegin(v), InEnd(v)).
  uint64_t InBegin(Vertex v) const { return in_offset_[v]; }
  uint64_t InEnd(Vertex v) const { return in_offset_[v + 1]; }
  std::pair<uint64_t, uint64_t> InRange(Vertex v, TypeId type) const;
  Vertex InSource(uint64_t slot) const { return in_source_[slot]; }
  uint64_t InOrdinal(uint64_t slot) const { return in_ordinal_[slot]; }
  TypeId InType(uint64_t slot) const { return in_type_[slot]; }

  // Calls range(first, last) for the out-ordinals of v whose type is in
  // `types` (every out-edge of v when `types` is empty): one contiguous
  // range per type, in the order of `types`. Stops at the first call that
  // returns false, and then returns false.
  template <typename Fn>
  bool ForOutRanges(Vertex v, std::span<const TypeId> types, Fn&& range) const {
    if (types.empty()) return range(OutBegin(v), OutEnd(v));
    for (TypeId t : types) {
      auto [b, e] = OutRange(v, t);
      if (!range(b, e)) return false;
    }
    return true;
  }
  // The same over the in-slots of v (InSource, InOrdinal, InType).
  template <typename Fn>
  bool ForInRanges(Vertex v, std::span<const TypeId> types, Fn&& range) const {
    if (types.empty()) return range(InBegin(v), InEnd(v));
    for (TypeId t : types) {
      auto [b, e] = InRange(v, t);
      if (!range(b, e)) return false;
    }
    return true;
  }

  // Raw arrays for tight loops (targets of all out-edges, offsets).
  std::span<const uint64_t> out_offsets() const { return out_offset_; }
  std::span<const Vertex> out_targets() const { return out_target_; }
  std::span<const uint64_t> in_offsets() const { return in_offset_; }
  std::span<const Vertex> in_sources() const { return in_source_; }

  // Bytes held by the adjacency arrays of each direction (offsets, targets
  // or sources, types, ordinals), not counting the id tables.
  uint64_t OutBytes() const;
  uint64_t InBytes() const;
  // Bytes held by the id tables (node ids, vertex lookup, edge ids).
  uint64_t IdTableBytes() const;

 private:
  Csr() = default;

  uint32_t num_vertices_ = 0;
  // Node ids are first_id_ .. first_id_ + num_vertices_ - 1: the two
  // tables below are empty.
  bool consecutive_ = false;
  NodeId first_id_ = 0;
  std::vector<NodeId> ids_;        // vertex -> node id (ascending)
  std::vector<Vertex> vertex_of_;  // node id -> vertex (kNoVertex if none)
  std::vector<uint64_t> out_offset_;
  std::vector<Vertex> out_target_;
  std::vector<uint16_t> out_type_;
  std::vector<EdgeId> edge_ids_;
  std::vector<uint64_t> in_offset_;
  std::vector<Vertex> in_source_;
  std::vector<uint32_t> in_ordinal_;
  std::vector<uint16_t> in_type_;
  // The type of every relationship when they all have one (-1 otherwise):
  // OutRange/InRange then read no type array.
  int32_t only_type_ = -1;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_CSR_H_
