// Csr::Build: linear-time construction by stable counting sorts.
//
// The out-adjacency orders each vertex's edges by (type, target, edge id);
// the in-adjacency orders each vertex's incoming edges by (type, source,
// ordinal). Both come out of least-significant-key-first counting sorts over
// a permutation of u32 edge indices, so the whole build is O(V + E + T)
// (T = number of distinct type values, only when more than one is present),
// plus a fix-up of runs of parallel edges (same source, type and target) by
// edge id, which is linear for the short runs real graphs have.
#include "graph/csr.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

namespace dossier::graph {
namespace {

// Stable counting sort of `in` (indices) by key(index) in [0, num_keys) into
// `out`. `count` is scratch of num_keys + 1 entries.
template <typename KeyFn>
void CountingSortBy(const std::vector<uint32_t>& in, std::vector<uint32_t>& out,
                    size_t num_keys, std::vector<uint64_t>& count, KeyFn key) {
  count.assign(num_keys + 1, 0);
  for (uint32_t i : in) ++count[key(i) + 1];
  for (size_t k = 1; k <= num_keys; ++k) count[k] += count[k - 1];
  out.resize(in.size());
  for (uint32_t i : in) out[count[key(i)]++] = i;
}

template <typename T>
uint64_t VectorBytes(const std::vector<T>& v) {
  return static_cast<uint64_t>(v.capacity()) * sizeof(T);
}

}  // namespace

std::shared_ptr<const Csr> Csr::Build(std::vector<NodeId> nodes,
                                      std::vector<EdgeInput> edges) {
  std::shared_ptr<Csr> csr(new Csr());

  // Vertices: node ids ascending, duplicates dropped.
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  csr->ids_ = std::move(nodes);
  const uint32_t n = static_cast<uint32_t>(csr->ids_.size());
  const NodeId max_id = n == 0 ? 0 : csr->ids_.back();
  csr->vertex_of_.assign(n == 0 ? 0 : max_id + 1, kNoVertex);
  for (uint32_t v = 0; v < n; ++v) csr->vertex_of_[csr->ids_[v]] = v;

  // Endpoints as dense vertices; edges with an unknown endpoint are dropped
  // (compacted in place).
  std::vector<uint32_t> src, dst;
  src.reserve(edges.size());
  dst.reserve(edges.size());
  size_t kept = 0;
  TypeId max_type = 0;
  bool several_types = false;
  for (size_t i = 0; i < edges.size(); ++i) {
    const EdgeInput& e = edges[i];
    const Vertex s = csr->VertexOf(e.src);
    const Vertex d = csr->VertexOf(e.dst);
    if (s == kNoVertex || d == kNoVertex) continue;
    assert(e.type < 65536);
    if (kept > 0 && e.type != edges[0].type) several_types = true;
    max_type = std::max(max_type, e.type);
    edges[kept++] = e;
    src.push_back(s);
    dst.push_back(d);
  }
  edges.resize(kept);
  const uint64_t m = kept;
  assert(m < std::numeric_limits<uint32_t>::max());

  // Out-adjacency: order = sort by source, then type, then target (LSD:
  // target first, then type, then source), stable, so ties keep input order.
  std::vector<uint32_t> order(m), tmp;
  std::iota(order.begin(), order.end(), 0u);
  std::vector<uint64_t> count;
  CountingSortBy(order, tmp, n, count, [&](uint32_t i) { return dst[i]; });
  order.swap(tmp);
  if (several_types) {
    CountingSortBy(order, tmp, size_t{max_type} + 1, count,
                   [&](uint32_t i) { return edges[i].type; });
    order.swap(tmp);
  }
  CountingSortBy(order, tmp, n, count, [&](uint32_t i) { return src[i]; });
  order.swap(tmp);
  // count[v] is now the end of v's slice: count[v] - deg(v) its begin.
  csr->out_offset_.assign(size_t{n} + 1, 0);
  for (uint32_t v = 0; v < n; ++v) csr->out_offset_[v + 1] = count[v];

  // Parallel edges (equal source, type, target) ordered by edge id.
  for (uint64_t i = 0; i + 1 < m;) {
    uint64_t j = i + 1;
    const EdgeInput& a = edges[order[i]];
    while (j < m && src[order[j]] == src[order[i]] &&
           edges[order[j]].type == a.type && dst[order[j]] == dst[order[i]]) {
      ++j;
    }
    if (j - i > 1) {
      std::sort(order.begin() + i, order.begin() + j,
                [&](uint32_t x, uint32_t y) { return edges[x].id < edges[y].id; });
    }
    i = j;
  }

  csr->out_target_.resize(m);
  csr->out_type_.resize(m);
  csr->edge_ids_.resize(m);
  for (uint64_t o = 0; o < m; ++o) {
    const uint32_t i = order[o];
    csr->out_target_[o] = dst[i];
    csr->out_type_[o] = static_cast<uint16_t>(edges[i].type);
    csr->edge_ids_[o] = edges[i].id;
  }
  std::vector<EdgeInput>().swap(edges);
  std::vector<uint32_t>().swap(src);
  std::vector<uint32_t>().swap(dst);

  // In-adjacency: ordinals ascending are already sorted by (source, ordinal);
  // stable sorts by type then by target give (target, type, source, ordinal).
  std::iota(order.begin(), order.end(), 0u);
  if (several_types) {
    CountingSortBy(order, tmp, size_t{max_type} + 1, count,
                   [&](uint32_t o) { return csr->out_type_[o]; });
    order.swap(tmp);
  }
  CountingSortBy(order, tmp, n, count,
                 [&](uint32_t o) { return csr->out_target_[o]; });
  order.swap(tmp);
  std::vector<uint32_t>().swap(tmp);
  csr->in_offset_.assign(size_t{n} + 1, 0);
  for (uint32_t v = 0; v < n; ++v) csr->in_offset_[v + 1] = count[v];
  std::vector<uint64_t>().swap(count);

  csr->in_source_.resize(m);
  csr->in_ordinal_ = std::move(order);
  csr->in_type_.resize(m);
  // Walking ordinals by source vertex gives each slot its source without a
  // search: fill a slot-of-ordinal table first.
  {
    std::vector<uint32_t> source_of(m);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t o = csr->out_offset_[v]; o < csr->out_offset_[v + 1]; ++o) {
        source_of[o] = v;
      }
    }
    for (uint64_t s = 0; s < m; ++s) {
      const uint32_t o = csr->in_ordinal_[s];
      csr->in_source_[s] = source_of[o];
      csr->in_type_[s] = csr->out_type_[o];
    }
  }
  return csr;
}

std::pair<uint64_t, uint64_t> Csr::OutRange(Vertex v, TypeId type) const {
  const uint64_t begin = OutBegin(v), end = OutEnd(v);
  if (type > std::numeric_limits<uint16_t>::max()) return {end, end};
  const uint16_t t = static_cast<uint16_t>(type);
  const uint16_t* base = out_type_.data();
  auto [lo, hi] = std::equal_range(base + begin, base + end, t);
  return {static_cast<uint64_t>(lo - base), static_cast<uint64_t>(hi - base)};
}

std::pair<uint64_t, uint64_t> Csr::InRange(Vertex v, TypeId type) const {
  const uint64_t begin = InBegin(v), end = InEnd(v);
  if (type > std::numeric_limits<uint16_t>::max()) return {end, end};
  const uint16_t t = static_cast<uint16_t>(type);
  const uint16_t* base = in_type_.data();
  auto [lo, hi] = std::equal_range(base + begin, base + end, t);
  return {static_cast<uint64_t>(lo - base), static_cast<uint64_t>(hi - base)};
}

Csr::Vertex Csr::SourceOfOrdinal(uint64_t ordinal) const {
  // The last vertex whose begin offset is <= ordinal; empty vertices share
  // their begin with the next one, and upper_bound skips past them.
  auto it = std::upper_bound(out_offset_.begin(), out_offset_.end(), ordinal);
  return static_cast<Vertex>((it - out_offset_.begin()) - 1);
}

uint64_t Csr::OutBytes() const {
  return VectorBytes(out_offset_) + VectorBytes(out_target_) +
         VectorBytes(out_type_);
}

uint64_t Csr::InBytes() const {
  return VectorBytes(in_offset_) + VectorBytes(in_source_) +
         VectorBytes(in_ordinal_) + VectorBytes(in_type_);
}

uint64_t Csr::IdTableBytes() const {
  return VectorBytes(ids_) + VectorBytes(vertex_of_) + VectorBytes(edge_ids_);
}

}  // namespace dossier::graph
