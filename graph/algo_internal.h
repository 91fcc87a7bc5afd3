// Internal helpers shared by the algorithm files (algorithms.cc,
// algo_*.cc): the cost checker and the neighbour walk. Not for other layers.
#ifndef DOSSIER_GRAPH_ALGO_INTERNAL_H_
#define DOSSIER_GRAPH_ALGO_INTERNAL_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "graph/algorithms.h"
#include "graph/csr.h"

namespace dossier::graph::algo_internal {

// Counts work and consults the AlgoControl every `check_every` units.
// Not thread-safe; one per run.
class Stopper {
 public:
  explicit Stopper(const AlgoControl& control)
      : control_(control),
        every_(static_cast<int64_t>(std::max<uint64_t>(control.check_every, 1))),
        countdown_(every_) {}

  // Counts `work` units; true when the run must stop (see status()).
  bool Tick(uint64_t work) {
    countdown_ -= static_cast<int64_t>(work);
    return countdown_ <= 0 && Check();
  }
  // Consults the control now; true when the run must stop.
  bool Check();
  // Why the run stopped (OK while it may go on).
  const absl::Status& status() const { return status_; }

 private:
  const AlgoControl& control_;
  int64_t every_;
  int64_t countdown_;
  absl::Status status_;
};

// The selected types, sorted and unique (types >= 65536 dropped: they match
// nothing). `any` is true when every type is selected.
struct TypeSet {
  bool any = true;
  std::vector<TypeId> types;
};
TypeSet MakeTypeSet(std::span<const TypeId> types);

// Calls f(neighbour, ordinal) for every relationship leaving u along `dir`
// among `ts`; returns the number of adjacency entries examined.
template <typename F>
inline uint64_t ForEachNeighbor(const Csr& csr, Csr::Vertex u, Direction dir,
                                const TypeSet& ts, F&& f) {
  uint64_t examined = 0;
  if (dir != Direction::kIn) {
    const Csr::Vertex* tgt = csr.out_targets().data();
    if (ts.any) {
      const uint64_t b = csr.OutBegin(u), e = csr.OutEnd(u);
      for (uint64_t o = b; o < e; ++o) f(tgt[o], o);
      examined += e - b;
    } else {
      for (TypeId t : ts.types) {
        auto [b, e] = csr.OutRange(u, t);
        for (uint64_t o = b; o < e; ++o) f(tgt[o], o);
        examined += e - b;
      }
    }
  }
  if (dir != Direction::kOut) {
    const Csr::Vertex* src = csr.in_sources().data();
    if (ts.any) {
      const uint64_t b = csr.InBegin(u), e = csr.InEnd(u);
      for (uint64_t s = b; s < e; ++s) f(src[s], csr.InOrdinal(s));
      examined += e - b;
    } else {
      for (TypeId t : ts.types) {
        auto [b, e] = csr.InRange(u, t);
        for (uint64_t s = b; s < e; ++s) f(src[s], csr.InOrdinal(s));
        examined += e - b;
      }
    }
  }
  return examined;
}

// The opposite walking direction (kBoth stays kBoth).
inline Direction Reverse(Direction d) {
  switch (d) {
    case Direction::kOut:
      return Direction::kIn;
    case Direction::kIn:
      return Direction::kOut;
    case Direction::kBoth:
      return Direction::kBoth;
  }
  return d;
}

absl::Status CheckVertex(const Csr& csr, Csr::Vertex v, const char* what);

}  // namespace dossier::graph::algo_internal

#endif  // DOSSIER_GRAPH_ALGO_INTERNAL_H_
