// ExpandCount: count(*) grouped by keys of the input row (and maybe the
// relationship type) over one expansion, without a row per relationship.
//
// Planned by query/plan/rule_expand_count.cc. Per input row the counts per
// type come from the Csr (the length of a type's range in the vertex's
// sorted slice) when the transaction changed no relationship, else from
// Transaction::Expand. The keys are evaluated once per input row that has
// relationships (as the Aggregate would see them: rows without any
// relationship make no group); groups keep their first-seen order.
//
// With one key that is not the type (a count per node property, say) a
// group is an integer, a count and, for a key that is not an INTEGER, the
// index of its Value: integer keys (and floats with an integral value,
// which group with them) are found by an array over their range while the
// keys are dense (at most four slots per group), else by a map of int64_t;
// other keys by a map of Value under GroupHash/GroupEquals.
//
// Told the order of a TopK above (`top_slots`, query/plan/
// rule_count_top_k.cc), it outputs only the groups that can be among the
// TopK's first rows: the best `count` (+ `skip`) under that order, ties by
// first-seen order, handed on in first-seen order.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "graph/status_macros.h"
#include "query/exec/evaluator.h"
#include "query/exec/operators.h"
#include "query/values/compare.h"

namespace dossier::query::internal {

using graph::Csr;
using graph::EdgeRef;
using graph::Value;
using graph::ValueKind;

namespace {

// The group of each integer key: slots over the keys' range while it is at
// most four per group (plus 64 Ki), which a scan in key order fills front
// to back; past that, a hash map.
class IntGroupIndex {
 public:
  void Clear() {
    slots_ = std::vector<uint32_t>();
    map_.clear();
    dense_ = true;
    lo_ = 0;
  }

  // True with *group set when `key` has a group; else records `fresh` as
  // its group and returns false. *grown: bytes the index grew by.
  bool FindOrAdd(int64_t key, size_t fresh, size_t* group, int64_t* grown) {
    *grown = 0;
    if (dense_ && !Covers(key)) {
      const int64_t before = Bytes();
      if (!Grow(key, fresh)) ToMap();
      *grown = Bytes() - before;
    }
    if (dense_) {
      uint32_t& s =
          slots_[static_cast<uint64_t>(key) - static_cast<uint64_t>(lo_)];
      if (s != 0) {
        *group = s - 1;
        return true;
      }
      if (fresh >= kMaxGroups) {
        ToMap();  // Beyond what a slot holds.
      } else {
        s = static_cast<uint32_t>(fresh + 1);
        return false;
      }
    }
    const size_t before = map_.capacity();
    auto [at, inserted] = map_.try_emplace(key, fresh);
    *grown += static_cast<int64_t>(map_.capacity() - before) * kMapSlotBytes;
    *group = at->second;
    return !inserted;
  }

 private:
  static constexpr size_t kMaxGroups = 0xfffffffe;
  static constexpr int64_t kMapSlotBytes = 17;

  int64_t Bytes() const {
    return static_cast<int64_t>(slots_.capacity() * sizeof(uint32_t) +
                                map_.capacity() * kMapSlotBytes);
  }
  bool Covers(int64_t key) const {
    return !slots_.empty() && key >= lo_ &&
           static_cast<uint64_t>(key) - static_cast<uint64_t>(lo_) <
               slots_.size();
  }
  // Widens the slots to cover `key`; false when that would pass the limit.
  bool Grow(int64_t key, size_t groups) {
    const __int128 limit = 4 * (static_cast<__int128>(groups) + 1) + 65536;
    if (slots_.empty()) {
      lo_ = key;
      slots_.assign(1024, 0);
      return true;
    }
    const __int128 old_lo = lo_;
    const __int128 old_hi = old_lo + static_cast<__int128>(slots_.size());
    const __int128 lo = std::min<__int128>(old_lo, key);
    const __int128 hi =
        std::max<__int128>(old_hi, static_cast<__int128>(key) + 1);
    if (hi - lo > limit) return false;
    __int128 size =
        std::max<__int128>(hi - lo, 2 * static_cast<__int128>(slots_.size()));
    size = std::min(size, limit);
    // Room on the side the keys grow to.
    __int128 new_lo = key < lo_ ? hi - size : lo;
    const __int128 kMin = std::numeric_limits<int64_t>::min();
    const __int128 kMax = std::numeric_limits<int64_t>::max();
    if (new_lo < kMin) new_lo = kMin;
    if (new_lo + size - 1 > kMax) size = kMax - new_lo + 1;
    std::vector<uint32_t> slots(static_cast<size_t>(size), 0);
    std::copy(slots_.begin(), slots_.end(),
              slots.begin() + static_cast<ptrdiff_t>(old_lo - new_lo));
    slots_ = std::move(slots);
    lo_ = static_cast<int64_t>(new_lo);
    return true;
  }
  void ToMap() {
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i] != 0) {
        map_.emplace(static_cast<int64_t>(static_cast<uint64_t>(lo_) + i),
                     slots_[i] - 1);
      }
    }
    slots_ = std::vector<uint32_t>();
    dense_ = false;
  }

  bool dense_ = true;
  int64_t lo_ = 0;
  std::vector<uint32_t> slots_;  // Group + 1 of key lo_ + i; 0 when none.
  absl::flat_hash_map<int64_t, size_t> map_;
};

class ExpandCountOp : public PhysicalOperator {
 public:
  using PhysicalOperator::PhysicalOperator;

 protected:
  absl::Status OpenImpl() override {
    if (charged_ != 0) ctx_->Charge(-charged_).IgnoreError();
    charged_ = 0;
    groups_.clear();
    index_.clear();
    single_ = op_->items.size() == 1 && op_->key_is_type.size() == 1 &&
              !op_->key_is_type[0];
    single_groups_.clear();
    other_keys_.clear();
    int_index_.Clear();
    value_index_.clear();
    selected_.clear();
    top_ = !op_->top_slots.empty();
    if (top_) top_k_ = TopKBound(*op_, ctx_, eval_);
    pos_ = 0;
    done_ = false;
    return PhysicalOperator::OpenImpl();
  }

  absl::StatusOr<bool> NextImpl(Row* row) override {
    if (!done_) {
      DOSSIER_RETURN_IF_ERROR(Consume());
      done_ = true;
    }
    // Filled in place: the caller's row keeps its capacity.
    row->clear();
    int64_t count;
    size_t at = pos_++;
    if (top_) {
      if (at >= selected_.size()) return false;
      at = selected_[at];
    }
    if (single_) {
      if (at >= single_groups_.size()) return false;
      SingleGroup& group = single_groups_[at];
      row->reserve(1 + op_->aggregates.size());
      row->push_back(group.other < 0 ? Value::Int(group.int_key)
                                     : std::move(other_keys_[group.other]));
      count = group.count;
    } else {
      if (at >= groups_.size()) return false;
      auto& [key, n] = groups_[at];
      row->reserve(key.size() + op_->aggregates.size());
      for (Value& v : key) row->push_back(std::move(v));
      count = n;
    }
    for (size_t i = 0; i < op_->aggregates.size(); ++i) {
      row->push_back(Value::Int(count));
    }
    return true;
  }

 private:
  absl::Status Consume() {
    std::vector<graph::TypeId> types;
    for (const auto& t : op_->types) {
      if (auto id = ctx_->FindType(t)) types.push_back(*id);
    }
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    bool none = !op_->types.empty() && types.empty();
    label_ids_.clear();
    for (const std::string& l : op_->target_labels) {
      std::optional<graph::LabelId> id = ctx_->FindLabel(l);
      if (!id) none = true;  // No node has it: nothing counts.
      if (id) label_ids_.push_back(*id);
    }
    bool by_type = false;
    for (bool b : op_->key_is_type) by_type = by_type || b;
    std::shared_ptr<const Csr> csr;
    Row in;
    std::vector<std::pair<graph::TypeId, int64_t>> counts;  // per type
    if (ScansDirectly()) {
      if (!none) DOSSIER_RETURN_IF_ERROR(CountScan(types, &counts));
      return top_ ? SelectTop() : absl::OkStatus();
    }
    while (true) {
      DOSSIER_ASSIGN_OR_RETURN(bool more, child().Next(&in));
      if (!more) break;
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (none) continue;
      if (op_->all_nodes) {
        DOSSIER_RETURN_IF_ERROR(CountAll(in, types, by_type, &counts));
        continue;
      }
      const Value& from = in[op_->from_slot];
      if (from.kind() != ValueKind::kNode) continue;
      counts.clear();
      if (!ctx_->txn().HasAdjacencyChanges()) {
        if (csr == nullptr) {
          DOSSIER_ASSIGN_OR_RETURN(csr, ctx_->txn().GetCsr());
        }
        DOSSIER_RETURN_IF_ERROR(
            CsrCounts(*csr, from.AsNode(), types, by_type, &counts));
      } else {
        DOSSIER_RETURN_IF_ERROR(
            ExpandCounts(from.AsNode(), types, by_type, &counts));
      }
      DOSSIER_RETURN_IF_ERROR(AddGroups(in, counts, by_type));
    }
    if (groups_.empty() && op_->items.empty()) groups_.emplace_back(Row{}, 0);
    if (top_) return SelectTop();
    return absl::OkStatus();
  }

  // True when the input is a NodeScan over the query's one empty row, the
  // one key is a property of its node and the counts come from the Csr:
  // CountScan then reads the scan's node list itself, no row per node.
  bool ScansDirectly() const {
    if (!single_ || op_->all_nodes || children_.empty()) return false;
    const LogicalOp& scan = children_[0]->logical();
    if (scan.kind != LogicalOpKind::kNodeScan || scan.slot != op_->from_slot ||
        scan.seek_value != nullptr ||
        scan.children.size() != 1 ||
        scan.children[0]->kind != LogicalOpKind::kOnce) {
      return false;
    }
    const Expr* e = op_->items[0].expr;
    if (e == nullptr || e->kind() != ExprKind::kProperty) return false;
    const Expr& object = *e->As<PropertyExpr>().object;
    if (object.kind() != ExprKind::kVariable ||
        object.As<VariableExpr>().name != scan.layout.name(scan.slot)) {
      return false;
    }
    return !ctx_->txn().HasAdjacencyChanges() && ctx_->write_generation() == 0;
  }

  // The groups of every node of the scan's label (all nodes without one):
  // its degree from the Csr, its key from NodeProperty, as the rows of the
  // scan would give them.
  absl::Status CountScan(
      const std::vector<graph::TypeId>& types,
      std::vector<std::pair<graph::TypeId, int64_t>>* counts) {
    const LogicalOp& scan = children_[0]->logical();
    std::optional<graph::LabelId> label;
    if (!scan.label.empty()) {
      label = ctx_->FindLabel(scan.label);
      if (!label) return absl::OkStatus();
    }
    DOSSIER_ASSIGN_OR_RETURN(
        std::shared_ptr<const std::vector<graph::NodeId>> ids,
        ctx_->ScanNodes(label));
    DOSSIER_ASSIGN_OR_RETURN(std::shared_ptr<const Csr> csr,
                             ctx_->txn().GetCsr());
    const std::optional<graph::PropKeyId> key =
        ctx_->FindKey(op_->items[0].expr->As<PropertyExpr>().key);
    for (graph::NodeId id : *ids) {
      DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      counts->clear();
      DOSSIER_RETURN_IF_ERROR(CsrCounts(*csr, id, types, false, counts));
      if (counts->empty()) continue;
      if (!key) {
        DOSSIER_RETURN_IF_ERROR(AddSingle(null_, *counts));
        continue;
      }
      DOSSIER_ASSIGN_OR_RETURN(Value v, ctx_->NodeProperty(id, *key));
      DOSSIER_RETURN_IF_ERROR(AddSingle(v, *counts));
    }
    return absl::OkStatus();
  }

  size_t NumGroups() const {
    return single_ ? single_groups_.size() : groups_.size();
  }
  int64_t CountOf(size_t g) const {
    return single_ ? single_groups_[g].count : groups_[g].second;
  }

  // The order of groups a and b under top_slots: negative when a comes
  // first; ties by first-seen order.
  int CompareGroups(size_t a, size_t b) const {
    const int keys = static_cast<int>(op_->items.size());
    for (const auto& [slot, desc] : op_->top_slots) {
      int c;
      if (slot >= keys) {
        const int64_t x = CountOf(a), y = CountOf(b);
        c = x < y ? -1 : (x > y ? 1 : 0);
      } else if (single_) {
        const SingleGroup& x = single_groups_[a];
        const SingleGroup& y = single_groups_[b];
        if (x.other < 0 && y.other < 0) {
          c = x.int_key < y.int_key ? -1 : (x.int_key > y.int_key ? 1 : 0);
        } else {
          c = OrderCompare(
              x.other < 0 ? Value::Int(x.int_key) : other_keys_[x.other],
              y.other < 0 ? Value::Int(y.int_key) : other_keys_[y.other]);
        }
      } else {
        c = OrderCompare(groups_[a].first[slot], groups_[b].first[slot]);
      }
      if (c != 0) return desc ? -c : c;
    }
    return a < b ? -1 : (a > b ? 1 : 0);
  }

  // Keeps in selected_ the first top_k_ groups of the TopK's order, in
  // first-seen order (a max-heap of k holds the best seen so far).
  absl::Status SelectTop() {
    const size_t n = NumGroups();
    const size_t k = top_k_ < 0 ? 0
                     : static_cast<uint64_t>(top_k_) < n
                         ? static_cast<size_t>(top_k_)
                         : n;
    selected_.clear();
    selected_.reserve(k);
    if (k == n) {
      for (size_t g = 0; g < n; ++g) selected_.push_back(g);
      return absl::OkStatus();
    }
    auto before = [this](size_t a, size_t b) {
      return CompareGroups(a, b) < 0;
    };
    for (size_t g = 0; g < n && k > 0; ++g) {
      if ((g & 4095) == 0) DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
      if (selected_.size() < k) {
        selected_.push_back(g);
        std::push_heap(selected_.begin(), selected_.end(), before);
        continue;
      }
      if (!before(g, selected_.front())) continue;
      std::pop_heap(selected_.begin(), selected_.end(), before);
      selected_.back() = g;
      std::push_heap(selected_.begin(), selected_.end(), before);
    }
    std::sort(selected_.begin(), selected_.end());
    return absl::OkStatus();
  }

  // all_nodes: the counts of every node's relationships together. From the
  // Csr's type array when the query has not written (the scan it replaces
  // would see exactly the Csr's vertices), else node by node over the scan.
  absl::Status CountAll(
      const Row& in, const std::vector<graph::TypeId>& types, bool by_type,
      std::vector<std::pair<graph::TypeId, int64_t>>* counts) {
    if (ctx_->txn().HasAdjacencyChanges() || ctx_->write_generation() != 0) {
      DOSSIER_ASSIGN_OR_RETURN(
          std::shared_ptr<const std::vector<graph::NodeId>> ids,
          ctx_->ScanNodes(std::nullopt));
      for (graph::NodeId id : *ids) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        counts->clear();
        DOSSIER_RETURN_IF_ERROR(ExpandCounts(id, types, by_type, counts));
        DOSSIER_RETURN_IF_ERROR(AddGroups(in, *counts, by_type));
      }
      return absl::OkStatus();
    }
    DOSSIER_ASSIGN_OR_RETURN(std::shared_ptr<const Csr> csr,
                             ctx_->txn().GetCsr());
    // Relationships and self-loops per type id.
    std::vector<int64_t> per_type, loops;
    const uint64_t m = csr->num_edges();
    for (uint64_t o = 0; o < m; ++o) {
      if ((o & 0xffff) == 0) DOSSIER_RETURN_IF_ERROR(ctx_->CheckBudget());
      const graph::TypeId t = csr->Type(o);
      if (t >= per_type.size()) per_type.resize(t + 1, 0);
      ++per_type[t];
    }
    loops.assign(per_type.size(), 0);
    if (op_->direction == Direction::kBoth) {
      for (Csr::Vertex v = 0; v < csr->num_vertices(); ++v) {
        for (uint64_t o = csr->OutBegin(v); o < csr->OutEnd(v); ++o) {
          if (csr->Target(o) == v) ++loops[csr->Type(o)];
        }
      }
    }
    counts->clear();
    auto add = [&](graph::TypeId t) {
      if (t >= per_type.size() || per_type[t] == 0) return;
      int64_t n = per_type[t];
      if (op_->direction == Direction::kBoth) n = 2 * n - loops[t];
      graph::TypeId key = by_type ? t : 0;
      if (!counts->empty() && counts->back().first == key) {
        counts->back().second += n;
      } else {
        counts->emplace_back(key, n);
      }
    };
    if (types.empty()) {
      for (graph::TypeId t = 0; t < per_type.size(); ++t) add(t);
    } else {
      for (graph::TypeId t : types) add(t);
    }
    return AddGroups(in, *counts, by_type);
  }

  // Adds the counts of one input row to its groups (keys evaluated once).
  absl::Status AddGroups(
      const Row& in,
      const std::vector<std::pair<graph::TypeId, int64_t>>& counts,
      bool by_type) {
    const Layout& layout = child().logical().layout;
    if (counts.empty()) return absl::OkStatus();
    if (single_) {
      // Not by type: the counts are of type 0 (one entry).
      const NamedExpr& it = op_->items[0];
      if (it.expr == nullptr) {
        int slot = layout.Find(it.name);
        return AddSingle(slot >= 0 ? in[slot] : null_, counts);
      }
      absl::StatusOr<Value> v = eval_->Eval(*it.expr, layout, in);
      if (!v.ok()) return v.status();
      return AddSingle(*v, counts);
    }
    Row base;
    for (size_t k = 0; k < op_->items.size(); ++k) {
      const NamedExpr& it = op_->items[k];
      if (op_->key_is_type[k]) {
        base.push_back(Value::Null());  // Filled per type below.
      } else if (it.expr == nullptr) {
        int slot = layout.Find(it.name);
        base.push_back(slot >= 0 ? in[slot] : Value::Null());
      } else {
        absl::StatusOr<Value> v = eval_->Eval(*it.expr, layout, in);
        if (!v.ok()) return v.status();
        base.push_back(*std::move(v));
      }
    }
    for (size_t c = 0; c < counts.size(); ++c) {
      const auto& [type, n] = counts[c];
      Row key;
      if (c + 1 == counts.size()) {
        key = std::move(base);  // The last group of the row takes it.
      } else {
        key = base;
      }
      if (by_type) {
        Value name = Value::String(ctx_->Name(graph::CatalogKind::kType, type));
        for (size_t k = 0; k < key.size(); ++k) {
          if (op_->key_is_type[k]) key[k] = name;
        }
      }
      DOSSIER_RETURN_IF_ERROR(Add(std::move(key), n));
    }
    return absl::OkStatus();
  }

  // The integer a number groups with under GroupEquals: an INTEGER, or a
  // FLOAT with an integral value in int64 range (1 ~ 1.0, -0.0 ~ 0).
  static bool IntegerKey(const Value& v, int64_t* out) {
    if (v.kind() == ValueKind::kInt) {
      *out = v.AsInt();
      return true;
    }
    if (v.kind() != ValueKind::kDouble) return false;
    const double d = v.AsDouble();
    if (d == std::trunc(d) && d >= -9223372036854775808.0 &&
        d < 9223372036854775808.0) {
      *out = static_cast<int64_t>(d);
      return true;
    }
    return false;  // NaN, infinities, fractions, beyond int64.
  }

  // Adds counts to the group of a single key (copied when it is new).
  absl::Status AddSingle(
      const Value& key,
      const std::vector<std::pair<graph::TypeId, int64_t>>& counts) {
    int64_t n = 0;
    for (const auto& c : counts) n += c.second;
    int64_t i = 0;
    size_t group;
    const size_t next = single_groups_.size();
    const bool integer = IntegerKey(key, &i);
    if (integer) {
      int64_t grown = 0;
      const bool found = int_index_.FindOrAdd(i, next, &group, &grown);
      if (grown != 0) {
        charged_ += grown;
        DOSSIER_RETURN_IF_ERROR(ctx_->Charge(grown));
      }
      if (found) {
        single_groups_[group].count += n;
        return absl::OkStatus();
      }
    } else {
      auto [at, inserted] = value_index_.try_emplace(key, next);
      if (!inserted) {
        single_groups_[at->second].count += n;
        return absl::OkStatus();
      }
    }
    // Charged as the one-value Row key of the generic map.
    int64_t bytes = (24 + EstimateBytes(key)) * 2 + 64;
    charged_ += bytes;
    SingleGroup g{i, n, -1};
    if (key.kind() != ValueKind::kInt) {
      g.other = static_cast<int64_t>(other_keys_.size());
      other_keys_.push_back(key);
    }
    single_groups_.push_back(g);
    return ctx_->Charge(bytes);
  }

  absl::Status Add(Row key, int64_t n) {
    auto found = index_.find(key);
    if (found != index_.end()) {
      groups_[found->second].second += n;
      return absl::OkStatus();
    }
    int64_t bytes = EstimateBytes(key) * 2 + 64;
    charged_ += bytes;
    DOSSIER_RETURN_IF_ERROR(ctx_->Charge(bytes));
    index_.emplace(key, groups_.size());
    groups_.emplace_back(std::move(key), n);
    return absl::OkStatus();
  }

  // Adds to *counts the relationships of `node` per type (one entry of type
  // 0 when not by type), from the Csr: a vertex's out-edges (and in-edges)
  // are sorted by type.
  absl::Status CsrCounts(
      const Csr& csr, graph::NodeId node,
      const std::vector<graph::TypeId>& types, bool by_type,
      std::vector<std::pair<graph::TypeId, int64_t>>* counts) {
    Csr::Vertex v = csr.VertexOf(node);
    if (v == Csr::kNoVertex) return absl::OkStatus();
    const bool out = op_->direction != Direction::kLeft;
    const bool in = op_->direction != Direction::kRight;
    auto add = [&](graph::TypeId t, int64_t n) {
      if (n == 0) return;
      if (!by_type) t = 0;
      for (auto& [ct, cn] : *counts) {
        if (ct == t) {
          cn += n;
          return;
        }
      }
      counts->emplace_back(t, n);
    };
    // Counts [b, e) of a slice sorted by type, run by run when by type;
    // `drop_self` (in-slices of an undirected pattern) leaves out the
    // self-loops, already counted with the out-edges.
    auto slice = [&](uint64_t b, uint64_t e, auto type_of, auto other_of,
                     bool drop_self) -> absl::Status {
      if (!by_type && !drop_self && label_ids_.empty()) {
        add(0, static_cast<int64_t>(e - b));
        return absl::OkStatus();
      }
      for (uint64_t i = b; i < e;) {
        DOSSIER_RETURN_IF_ERROR(ctx_->Tick());
        const graph::TypeId t = type_of(i);
        int64_t n = 0;
        for (; i < e && type_of(i) == t; ++i) {
          const Csr::Vertex other = other_of(i);
          if (drop_self && other == v) continue;
          if (!label_ids_.empty()) {
            DOSSIER_ASSIGN_OR_RETURN(bool has,
                                     HasTargetLabels(csr.NodeOf(other)));
            if (!has) continue;
          }
          ++n;
        }
        add(t, n);
      }
      return absl::OkStatus();
    };
    auto out_type = [&](uint64_t o) { return csr.Type(o); };
    auto in_type = [&](uint64_t s) { return csr.InType(s); };
    auto target = [&](uint64_t o) { return csr.Target(o); };
    auto source = [&](uint64_t s) { return csr.InSource(s); };
    absl::Status status;
    if (out) {
      csr.ForOutRanges(v, types, [&](uint64_t b, uint64_t e) {
        status = slice(b, e, out_type, target, false);
        return status.ok();
      });
      DOSSIER_RETURN_IF_ERROR(status);
    }
    if (in) {
      csr.ForInRanges(v, types, [&](uint64_t b, uint64_t e) {
        status = slice(b, e, in_type, source, out);
        return status.ok();
      });
    }
    return status;
  }

  // True when `node` has every label of label_ids_.
  absl::StatusOr<bool> HasTargetLabels(graph::NodeId node) {
    for (graph::LabelId l : label_ids_) {
      DOSSIER_ASSIGN_OR_RETURN(bool has, ctx_->HasLabel(node, l));
      if (!has) return false;
    }
    return true;
  }

  // The same counts through Transaction::Expand (this transaction's own
  // relationship changes included).
  absl::Status ExpandCounts(
      graph::NodeId node, const std::vector<graph::TypeId>& types, bool by_type,
      std::vector<std::pair<graph::TypeId, int64_t>>* counts) {
    absl::Status budget;
    DOSSIER_RETURN_IF_ERROR(ctx_->txn().Expand(
        node, ToGraphDirection(op_->direction), types, [&](const EdgeRef& e) {
          bool counted = !ctx_->IsDeletedEdge(e.id);
          if (counted && !label_ids_.empty()) {
            absl::StatusOr<bool> has =
                HasTargetLabels(e.src == node ? e.dst : e.src);
            if (!has.ok()) {
              budget = has.status();
              return false;
            }
            counted = *has;
          }
          if (counted) {
            graph::TypeId t = by_type ? e.type : 0;
            bool found = false;
            for (auto& [ct, cn] : *counts) {
              if (ct == t) {
                ++cn;
                found = true;
                break;
              }
            }
            if (!found) counts->emplace_back(t, 1);
          }
          budget = ctx_->Tick();
          return budget.ok();
        }));
    return budget;
  }

  std::vector<std::pair<Row, int64_t>> groups_;
  absl::flat_hash_map<std::vector<Value>, size_t, KeyHash, KeyEq> index_;
  // One key that is not the type: groups_ and index_ stay empty.
  bool single_ = false;
  struct SingleGroup {
    int64_t int_key;  // The key (when other < 0), else its integer if any.
    int64_t count;
    int64_t other;  // The key is other_keys_[other] when not negative.
  };
  std::vector<SingleGroup> single_groups_;
  std::vector<Value> other_keys_;
  IntGroupIndex int_index_;
  absl::flat_hash_map<Value, size_t, GroupHasher, GroupEq> value_index_;
  // Told a TopK's order: the groups to output.
  bool top_ = false;
  int64_t top_k_ = 0;
  std::vector<size_t> selected_;
  const Value null_ = Value::Null();
  std::vector<graph::LabelId> label_ids_;  // Of op_->target_labels.
  size_t pos_ = 0;
  bool done_ = false;
  int64_t charged_ = 0;
};

}  // namespace

PhysPtr MakeExpandCount(const LogicalOp* op, ExecContext* ctx,
                        Evaluator* eval) {
  return std::make_unique<ExpandCountOp>(op, ctx, eval);
}

}  // namespace dossier::query::internal
