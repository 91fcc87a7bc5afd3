#include "query/exec/context.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "graph/status_macros.h"
#include "query/exec/row.h"
#include "query/values/errors.h"

namespace dossier::query {

namespace {

class SystemClockImpl : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

}  // namespace

const Clock* SystemClock() {
  static const SystemClockImpl* clock = new SystemClockImpl();
  return clock;
}

ExecContext::ExecContext(graph::Store* store, graph::Transaction* txn,
                         const graph::ValueMap* params,
                         const QueryOptions& options, std::string_view text)
    : store_(store),
      txn_(txn),
      params_(params),
      options_(options),
      text_(text),
      clock_(options.clock != nullptr ? options.clock : SystemClock()) {
  deadline_ = options.timeout == absl::InfiniteDuration()
                  ? absl::InfiniteFuture()
                  : clock_->Now() + options.timeout;
}

absl::Status ExecContext::CheckBudget() const {
  if (options_.cancel != nullptr &&
      options_.cancel->load(std::memory_order_relaxed)) {
    return absl::CancelledError("query cancelled");
  }
  if (deadline_ != absl::InfiniteFuture() && clock_->Now() > deadline_) {
    return absl::DeadlineExceededError(
        absl::StrCat("query exceeded its time limit of ",
                     absl::FormatDuration(options_.timeout)));
  }
  if (options_.max_memory_bytes != 0 &&
      memory_ > static_cast<int64_t>(options_.max_memory_bytes)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("query exceeded its memory limit of ",
                     options_.max_memory_bytes, " bytes"));
  }
  return absl::OkStatus();
}

absl::Status ExecContext::CheckBudgetWith(int64_t extra) const {
  if (options_.max_memory_bytes != 0 &&
      memory_ + extra > static_cast<int64_t>(options_.max_memory_bytes)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("query exceeded its memory limit of ",
                     options_.max_memory_bytes, " bytes"));
  }
  return CheckBudget();
}

int64_t ExecContext::MembershipBytes(const graph::LabelMembers& set) {
  // The bitmap when there is one (the ids are then not needed for checks).
  return static_cast<int64_t>(set.bits.empty() ? set.ids.size() * 8
                                               : set.bits.size() * 8);
}

absl::Status ExecContext::Charge(int64_t bytes) {
  memory_ += bytes;
  if (bytes > 0 && options_.max_memory_bytes != 0 &&
      memory_ > static_cast<int64_t>(options_.max_memory_bytes)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("query exceeded its memory limit of ",
                     options_.max_memory_bytes, " bytes"));
  }
  return absl::OkStatus();
}

std::optional<uint32_t> ExecContext::FindCatalog(graph::CatalogKind kind,
                                                 std::string_view name) const {
  // Ids never change once handed out, so found ones are cached (a name not
  // found yet may be created later in the query: not cached).
  // A few recent names per kind answer without hashing (a row usually
  // reads the same one or two keys and labels as the row before).
  RecentName& recent =
      recent_names_[static_cast<int>(kind)]
                   [(name.size() * 31 + (name.empty() ? 0 : name.back())) %
                    kRecentNames];
  if (recent.known && recent.name == name) return recent.id;
  auto& cache = catalog_cache_[static_cast<int>(kind)];
  std::optional<uint32_t> id;
  if (auto it = cache.find(absl::string_view(name.data(), name.size()));
      it != cache.end()) {
    id = it->second;
  } else {
    id = store_->catalog().Find(kind, name);
    if (id) cache.emplace(std::string(name), *id);
  }
  if (id) {
    recent.known = true;
    recent.name.assign(name.data(), name.size());
    recent.id = *id;
  }
  return id;
}
std::optional<graph::LabelId> ExecContext::FindLabel(
    std::string_view name) const {
  return FindCatalog(graph::CatalogKind::kLabel, name);
}
std::optional<graph::TypeId> ExecContext::FindType(
    std::string_view name) const {
  return FindCatalog(graph::CatalogKind::kType, name);
}
std::optional<graph::PropKeyId> ExecContext::FindKey(
    std::string_view name) const {
  return FindCatalog(graph::CatalogKind::kPropKey, name);
}
absl::StatusOr<uint32_t> ExecContext::GetOrCreate(graph::CatalogKind kind,
                                                  std::string_view name) {
  return store_->GetOrCreate(kind, name);
}
std::string ExecContext::Name(graph::CatalogKind kind, uint32_t id) const {
  return store_->catalog().Name(kind, id);
}

absl::StatusOr<const graph::NodeRecord*> ExecContext::Node(graph::NodeId id) {
  if (deleted_nodes_.contains(id)) {
    return QueryError(kEntityNotFound, "DeletedEntityAccess",
                      "the node was deleted by this query");
  }
  auto it = node_cache_.find(id);
  if (it != node_cache_.end()) return &it->second;
  DOSSIER_ASSIGN_OR_RETURN(auto rec, txn_->GetNode(id));
  if (!rec) {
    graph::NodeRecord empty;
    empty.id = id;
    rec = std::move(empty);
  }
  if (node_cache_.size() > (1u << 20)) node_cache_.clear();
  return &node_cache_.insert_or_assign(id, std::move(*rec)).first->second;
}

absl::StatusOr<const graph::EdgeRecord*> ExecContext::Edge(graph::EdgeId id) {
  if (deleted_edges_.contains(id)) {
    return QueryError(kEntityNotFound, "DeletedEntityAccess",
                      "the relationship was deleted by this query");
  }
  auto it = edge_cache_.find(id);
  if (it != edge_cache_.end()) return &it->second;
  DOSSIER_ASSIGN_OR_RETURN(auto rec, txn_->GetEdge(id));
  if (!rec) {
    graph::EdgeRecord empty;
    empty.id = id;
    rec = std::move(empty);
  }
  if (edge_cache_.size() > (1u << 20)) edge_cache_.clear();
  return &edge_cache_.insert_or_assign(id, std::move(*rec)).first->second;
}

absl::StatusOr<std::shared_ptr<const std::vector<graph::NodeId>>>
ExecContext::ScanNodes(std::optional<graph::LabelId> label) {
  int64_t key = label ? static_cast<int64_t>(*label) : -1;
  auto it = scan_cache_.find(key);
  if (it != scan_cache_.end() && it->second.generation == write_generation_) {
    return it->second.ids;
  }
  ScanCache fresh;
  fresh.generation = write_generation_;
  if (MaySeeShared()) {
    DOSSIER_ASSIGN_OR_RETURN(
        std::shared_ptr<const graph::LabelMembers> shared,
        txn_->SharedLabelMembers(label, [this](int64_t) {
          return CheckBudget();  // Node lists are not charged (as scans).
        }));
    if (shared != nullptr) {
      fresh.ids = std::shared_ptr<const std::vector<graph::NodeId>>(
          shared, &shared->ids);
    }
  }
  if (fresh.ids == nullptr) {
    auto ids = std::make_shared<std::vector<graph::NodeId>>();
    absl::Status budget;
    DOSSIER_RETURN_IF_ERROR(txn_->ScanNodes(label, [&](graph::NodeId id) {
      if (deleted_nodes_.contains(id)) return true;
      ids->push_back(id);
      if (ids->size() % kCheckEvery == 0) {
        budget = CheckBudget();
        if (!budget.ok()) return false;
      }
      return true;
    }));
    DOSSIER_RETURN_IF_ERROR(budget);
    fresh.ids = std::move(ids);
  }
  auto& slot = scan_cache_[key];
  slot = std::move(fresh);
  return slot.ids;
}

absl::StatusOr<bool> ExecContext::HasLabel(graph::NodeId id,
                                           graph::LabelId label) {
  if (write_generation_ == 0 && deleted_nodes_.empty()) {
    auto it = label_sets_.find(label);
    if (it != label_sets_.end()) return it->second->Contains(id);
    if (labels_peeked_.insert(label).second) {
      if (auto shared = txn_->PublishedLabelMembers(label)) {
        DOSSIER_RETURN_IF_ERROR(Charge(MembershipBytes(*shared)));
        const bool has = shared->Contains(id);
        label_sets_.emplace(label, std::move(shared));
        return has;
      }
    }
    if (++label_checks_ > kLabelChecksFromRecords) {
      std::shared_ptr<const graph::LabelMembers> set;
      if (!txn_->HasPendingWrites()) {
        DOSSIER_ASSIGN_OR_RETURN(
            set, txn_->SharedLabelMembers(
                     label, [this](int64_t) { return CheckBudget(); }));
      }
      if (set == nullptr) {
        DOSSIER_ASSIGN_OR_RETURN(
            std::shared_ptr<const std::vector<graph::NodeId>> ids,
            ScanNodes(label));
        set = std::make_shared<const graph::LabelMembers>(
            graph::LabelMembers::FromSortedIds(*ids));  // Ids in id order.
      }
      DOSSIER_RETURN_IF_ERROR(Charge(MembershipBytes(*set)));
      const bool has = set->Contains(id);
      label_sets_.emplace(label, std::move(set));
      return has;
    }
  }
  DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, Node(id));
  return rec->HasLabel(label);
}

absl::StatusOr<graph::Value> ExecContext::NodeProperty(graph::NodeId id,
                                                       graph::PropKeyId key) {
  constexpr graph::NodeId kMaxDenseId = graph::NodeId{1} << 24;
  PropertyColumn* col = nullptr;
  if (write_generation_ == 0 && deleted_nodes_.empty() && id < kMaxDenseId) {
    // Small queries read records: the column pays off on many reads.
    const bool many = ++property_reads_ > 4096;
    if (last_column_ == nullptr || last_column_key_ != key) {
      std::unique_ptr<PropertyColumn>& slot = columns_[key];
      if (slot == nullptr) slot = std::make_unique<PropertyColumn>();
      last_column_ = slot.get();
      last_column_key_ = key;
    }
    col = last_column_;
    if (!col->peeked) {
      col->peeked = true;
      col->shared = txn_->PublishedPropertyColumn(key);
    }
    if (col->shared != nullptr) {
      // Charged once the query reads as many values as would have made it
      // keep a column of its own.
      if (many && !col->shared_charged) {
        col->shared_charged = true;
        DOSSIER_RETURN_IF_ERROR(Charge(col->shared->Bytes()));
      }
      return col->shared->Get(id);
    }
    if (!many) col = nullptr;
  }
  if (col != nullptr) {
    if (id < col->state.size()) {
      switch (col->state[id]) {
        case PropertyColumn::kInt:
          return graph::Value::Int(col->ints[id]);
        case PropertyColumn::kNotInt:
          if (col->complete) return graph::Value::Null();
          break;
        case PropertyColumn::kOther:
          return col->others.at(id);
        default:
          break;
      }
    }
    // Reading every record in one pass costs about as much as a sixteenth
    // of them read one by one: fill the whole column once the query has
    // read that many.
    const graph::NodeId bound = txn_->node_id_bound();
    if (!col->complete && bound <= kMaxDenseId &&
        ++col->record_reads >= std::max<int64_t>(4096, bound / 16)) {
      if (!txn_->HasPendingWrites()) {
        DOSSIER_ASSIGN_OR_RETURN(
            col->shared, txn_->SharedPropertyColumn(key, [this](int64_t bytes) {
              return CheckBudgetWith(bytes);
            }));
      }
      if (col->shared != nullptr) {
        col->shared_charged = true;
        DOSSIER_RETURN_IF_ERROR(Charge(col->shared->Bytes()));
        return col->shared->Get(id);
      }
      DOSSIER_RETURN_IF_ERROR(FillColumn(key, bound, col));
      return NodeProperty(id, key);
    }
  }
  DOSSIER_ASSIGN_OR_RETURN(const graph::NodeRecord* rec, Node(id));
  const graph::Value* v = graph::FindProperty(rec->props, key);
  if (col != nullptr && !col->complete) {
    DOSSIER_RETURN_IF_ERROR(GrowColumn(id + 1, col));
    if (v != nullptr && v->kind() == graph::ValueKind::kInt) {
      col->state[id] = PropertyColumn::kInt;
      col->ints[id] = v->AsInt();
    } else {
      col->state[id] = PropertyColumn::kNotInt;
    }
  }
  return v == nullptr ? graph::Value::Null() : *v;
}

absl::Status ExecContext::GrowColumn(size_t size, PropertyColumn* col) {
  if (size <= col->state.size()) return absl::OkStatus();
  size = std::max(size, col->state.size() * 2);
  DOSSIER_RETURN_IF_ERROR(Charge(static_cast<int64_t>(
      (size - col->state.size()) * (sizeof(uint8_t) + sizeof(int64_t)))));
  col->state.resize(size, PropertyColumn::kUnknown);
  col->ints.resize(size, 0);
  return absl::OkStatus();
}

absl::Status ExecContext::FillColumn(graph::PropKeyId key, graph::NodeId bound,
                                     PropertyColumn* col) {
  DOSSIER_RETURN_IF_ERROR(GrowColumn(bound, col));
  absl::Status inner;
  int64_t seen = 0;
  DOSSIER_RETURN_IF_ERROR(
      txn_->ScanNodeRecords([&](const graph::NodeRecord& rec) {
        if (rec.id >= col->state.size()) return true;
        const graph::Value* v = graph::FindProperty(rec.props, key);
        if (v == nullptr) {
          col->state[rec.id] = PropertyColumn::kNotInt;
        } else if (v->kind() == graph::ValueKind::kInt) {
          col->state[rec.id] = PropertyColumn::kInt;
          col->ints[rec.id] = v->AsInt();
        } else {
          col->state[rec.id] = PropertyColumn::kOther;
          inner = Charge(EstimateBytes(*v) + 16);
          col->others.insert_or_assign(rec.id, *v);
        }
        if (++seen % kCheckEvery == 0 && inner.ok()) inner = CheckBudget();
        return inner.ok();
      }));
  DOSSIER_RETURN_IF_ERROR(inner);
  col->complete = true;
  return absl::OkStatus();
}

void ExecContext::MarkDeletedNode(graph::NodeRecord last) {
  node_cache_.erase(last.id);
  deleted_nodes_.insert_or_assign(last.id, std::move(last));
  NoteWrite();
}

void ExecContext::MarkDeletedEdge(graph::EdgeRecord last) {
  edge_cache_.erase(last.id);
  deleted_edges_.insert_or_assign(last.id, std::move(last));
  NoteWrite();
}

const graph::NodeRecord* ExecContext::DeletedNodeRecord(
    graph::NodeId id) const {
  auto it = deleted_nodes_.find(id);
  return it == deleted_nodes_.end() ? nullptr : &it->second;
}

const graph::EdgeRecord* ExecContext::DeletedEdgeRecord(
    graph::EdgeId id) const {
  auto it = deleted_edges_.find(id);
  return it == deleted_edges_.end() ? nullptr : &it->second;
}

absl::Status ExecContext::TouchNode(graph::NodeId id) {
  if (touched_nodes_.contains(id)) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(auto rec, txn_->GetNode(id));
  touched_nodes_.emplace(id, std::move(rec));
  return absl::OkStatus();
}

absl::Status ExecContext::TouchEdge(graph::EdgeId id) {
  if (touched_edges_.contains(id)) return absl::OkStatus();
  DOSSIER_ASSIGN_OR_RETURN(auto rec, txn_->GetEdge(id));
  touched_edges_.emplace(id, std::move(rec));
  return absl::OkStatus();
}

namespace {

// Counts keys added or changed (plus) and removed or changed (minus).
void DiffProps(const graph::PropertyList* before,
               const graph::PropertyList* after, int64_t* plus,
               int64_t* minus) {
  static const graph::PropertyList kEmpty;
  if (before == nullptr) before = &kEmpty;
  if (after == nullptr) after = &kEmpty;
  for (const auto& [k, v] : *after) {
    const graph::Value* old = graph::FindProperty(*before, k);
    if (old == nullptr || !(*old == v)) ++*plus;
  }
  for (const auto& [k, v] : *before) {
    const graph::Value* now = graph::FindProperty(*after, k);
    if (now == nullptr || !(*now == v)) ++*minus;
  }
}

}  // namespace

absl::Status ExecContext::FinalizeStats(const graph::Transaction& before) {
  int64_t plus = 0, minus = 0;
  absl::flat_hash_set<graph::LabelId> labels;
  for (const auto& [id, original] : touched_nodes_) {
    std::optional<graph::NodeRecord> now;
    if (!deleted_nodes_.contains(id)) {
      DOSSIER_ASSIGN_OR_RETURN(now, txn_->GetNode(id));
    }
    DiffProps(original ? &original->props : nullptr,
              now ? &now->props : nullptr, &plus, &minus);
    if (original)
      labels.insert(original->labels.begin(), original->labels.end());
    if (now) labels.insert(now->labels.begin(), now->labels.end());
  }
  for (const auto& [id, original] : touched_edges_) {
    std::optional<graph::EdgeRecord> now;
    if (!deleted_edges_.contains(id)) {
      DOSSIER_ASSIGN_OR_RETURN(now, txn_->GetEdge(id));
    }
    DiffProps(original ? &original->props : nullptr,
              now ? &now->props : nullptr, &plus, &minus);
  }
  // Entities created and deleted by the same query leave no trace.
  for (const auto& [id, original] : touched_nodes_) {
    if (!original && deleted_nodes_.contains(id)) {
      --stats_.nodes_created;
      --stats_.nodes_deleted;
    }
  }
  for (const auto& [id, original] : touched_edges_) {
    if (!original && deleted_edges_.contains(id)) {
      --stats_.relationships_created;
      --stats_.relationships_deleted;
    }
  }
  stats_.properties_set = plus;
  stats_.properties_removed = minus;
  // A label counts when it appears in (or vanishes from) the graph.
  stats_.labels_added = 0;
  stats_.labels_removed = 0;
  for (graph::LabelId label : labels) {
    bool was = false, is = false;
    DOSSIER_RETURN_IF_ERROR(before.ScanNodes(label, [&](graph::NodeId) {
      was = true;
      return false;
    }));
    DOSSIER_RETURN_IF_ERROR(txn_->ScanNodes(label, [&](graph::NodeId id) {
      if (deleted_nodes_.contains(id)) return true;
      is = true;
      return false;
    }));
    if (!was && is) ++stats_.labels_added;
    if (was && !is) ++stats_.labels_removed;
  }
  return absl::OkStatus();
}

}  // namespace dossier::query
