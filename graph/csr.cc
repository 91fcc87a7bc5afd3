// Csr::Build: counting-sort construction.
//
// Out-adjacency: one pass counts out-degrees; one counting-sort pass
// scatters each edge as a 16-byte record (type, target, edge id) into its
// source's slice; each slice is put in order (a linear check, and a sort,
// in cache, only of slices that need it); a sequential pass splits the
// records into the final arrays. In-adjacency: walking the ordinals in order
// and appending each to its target's slice leaves every slice in (source,
// ordinal) order, final when the slice holds one type; other slices are
// stable-sorted by type. Time O(V + E) for input already in order (as the
// store's `out` column family delivers it), O(V + E log d) otherwise (d: the
// largest degree). Peak memory: the input plus the result plus 16 bytes per
// edge of records.
#include "graph/csr.h"

#include <sys/mman.h>

#include <algorithm>
#include <cassert>
#include <limits>
#include <memory>
#include <optional>

namespace dossier::graph {
namespace {

// A scratch array of trivially copyable T, uninitialised, in anonymous
// memory asked to be backed by transparent huge pages: the random scatter
// passes below then take far fewer page faults and TLB misses. Falls back to
// the heap when mmap fails.
template <typename T>
class ScratchArray {
 public:
  explicit ScratchArray(size_t n) : bytes_(std::max<size_t>(n * sizeof(T), 1)) {
    void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      heap_.reset(new T[n]);
      data_ = heap_.get();
    } else {
      madvise(p, bytes_, MADV_HUGEPAGE);
      data_ = static_cast<T*>(p);
    }
  }
  ~ScratchArray() {
    if (!heap_) munmap(data_, bytes_);
  }
  ScratchArray(const ScratchArray&) = delete;
  ScratchArray& operator=(const ScratchArray&) = delete;
  T* data() { return data_; }
  T& operator[](size_t i) { return data_[i]; }

 private:
  size_t bytes_;
  std::unique_ptr<T[]> heap_;
  T* data_;
};

// Marks an input edge dropped for an unknown endpoint.
constexpr uint64_t kDropped = ~uint64_t{0};

// An out-edge while building, ordered by (type, target, edge id).
struct OutKey {
  uint32_t type;
  uint32_t target;
  EdgeId id;
  friend bool operator<(const OutKey& a, const OutKey& b) {
    if (a.type != b.type) return a.type < b.type;
    if (a.target != b.target) return a.target < b.target;
    return a.id < b.id;
  }
};

// An in-edge while building.
struct InKey {
  uint32_t source;
  uint32_t ordinal;
  uint32_t type;
};

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
  const uint32_t n = static_cast<uint32_t>(nodes.size());
  csr->num_vertices_ = n;
  if (n != 0 && nodes.back() - nodes.front() == n - 1) {
    csr->consecutive_ = true;
    csr->first_id_ = nodes.front();
    nodes = std::vector<NodeId>();
  } else {
    csr->ids_ = std::move(nodes);
    const NodeId max_id = n == 0 ? 0 : csr->ids_.back();
    csr->vertex_of_.assign(n == 0 ? 0 : max_id + 1, kNoVertex);
    for (uint32_t v = 0; v < n; ++v) csr->vertex_of_[csr->ids_[v]] = v;
  }

  // Out-degrees; edges with an unknown endpoint are dropped.
  const uint64_t total = edges.size();
  std::vector<uint64_t>& out_offset = csr->out_offset_;
  out_offset.assign(size_t{n} + 1, 0);
  uint64_t m = 0;
  for (EdgeInput& e : edges) {
    const Vertex s = csr->VertexOf(e.src);
    const Vertex d = csr->VertexOf(e.dst);
    if (s == kNoVertex || d == kNoVertex) {
      e.src = kDropped;
      continue;
    }
    assert(e.type < 65536);
    e.src = s;  // reuse the id fields for the dense vertices
    e.dst = d;
    ++out_offset[s + 1];
    ++m;
  }
  assert(m < std::numeric_limits<uint32_t>::max());
  for (uint32_t v = 0; v < n; ++v) out_offset[v + 1] += out_offset[v];

  // One counting-sort pass scatters each edge as one 16-byte record into
  // its source's slice (one cache line touched per edge); each slice is then
  // put in (type, target, edge id) order (a linear check; a sort, in cache,
  // only where needed) and the records split into the final arrays.
  std::optional<ScratchArray<OutKey>> out_keys(std::in_place, m);
  {
    std::vector<uint64_t> pos(out_offset.begin(), out_offset.end() - 1);
    for (uint64_t i = 0; i < total; ++i) {
      const EdgeInput& e = edges[i];
      if (e.src == kDropped) continue;
      (*out_keys)[pos[e.src]++] = {e.type, static_cast<Vertex>(e.dst), e.id};
    }
  }
  std::vector<EdgeInput>().swap(edges);
  for (uint32_t v = 0; v < n; ++v) {
    OutKey* b = out_keys->data() + out_offset[v];
    OutKey* e = out_keys->data() + out_offset[v + 1];
    if (!std::is_sorted(b, e)) std::sort(b, e);
  }
  csr->out_target_.resize(m);
  csr->out_type_.resize(m);
  csr->edge_ids_.resize(m);
  std::vector<uint64_t>& in_offset = csr->in_offset_;
  in_offset.assign(size_t{n} + 1, 0);
  for (uint64_t o = 0; o < m; ++o) {
    const OutKey& k = (*out_keys)[o];
    csr->out_target_[o] = k.target;
    csr->out_type_[o] = static_cast<uint16_t>(k.type);
    csr->edge_ids_[o] = k.id;
    ++in_offset[k.target + 1];
  }
  out_keys.reset();
  for (uint32_t v = 0; v < n; ++v) in_offset[v + 1] += in_offset[v];

  // In-adjacency: walking the ordinals in order (source ascending, then
  // ordinal) and appending each, as one record, to its target's slice leaves
  // every slice in (source, ordinal) order, final when the slice holds one
  // type; other slices are stable-sorted by type.
  ScratchArray<InKey> in_keys(m);
  {
    std::vector<uint64_t> pos(in_offset.begin(), in_offset.end() - 1);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t o = out_offset[v]; o < out_offset[v + 1]; ++o) {
        in_keys[pos[csr->out_target_[o]]++] = {v, static_cast<uint32_t>(o),
                                               csr->out_type_[o]};
      }
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    InKey* b = in_keys.data() + in_offset[v];
    InKey* e = in_keys.data() + in_offset[v + 1];
    auto by_type = [](const InKey& x, const InKey& y) {
      return x.type < y.type;
    };
    if (!std::is_sorted(b, e, by_type)) std::stable_sort(b, e, by_type);
  }
  csr->in_source_.resize(m);
  csr->in_ordinal_.resize(m);
  csr->in_type_.resize(m);
  for (uint64_t s = 0; s < m; ++s) {
    csr->in_source_[s] = in_keys[s].source;
    csr->in_ordinal_[s] = in_keys[s].ordinal;
    csr->in_type_[s] = in_keys[s].type;
  }
  if (m > 0 &&
      std::all_of(csr->out_type_.begin(), csr->out_type_.end(),
                  [&](uint16_t t) { return t == csr->out_type_[0]; })) {
    csr->only_type_ = csr->out_type_[0];
  }
  return csr;
}

std::pair<uint64_t, uint64_t> Csr::OutRange(Vertex v, TypeId type) const {
  const uint64_t begin = OutBegin(v), end = OutEnd(v);
  if (only_type_ >= 0) {
    return type == static_cast<TypeId>(only_type_) ? std::make_pair(begin, end)
                                                   : std::make_pair(end, end);
  }
  if (type > std::numeric_limits<uint16_t>::max()) return {end, end};
  const uint16_t t = static_cast<uint16_t>(type);
  const uint16_t* base = out_type_.data();
  auto [lo, hi] = std::equal_range(base + begin, base + end, t);
  return {static_cast<uint64_t>(lo - base), static_cast<uint64_t>(hi - base)};
}

std::pair<uint64_t, uint64_t> Csr::InRange(Vertex v, TypeId type) const {
  const uint64_t begin = InBegin(v), end = InEnd(v);
  if (only_type_ >= 0) {
    return type == static_cast<TypeId>(only_type_) ? std::make_pair(begin, end)
                                                   : std::make_pair(end, end);
  }
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
