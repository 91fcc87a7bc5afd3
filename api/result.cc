#include "dossier/result.h"

#include <utility>

#include "api/result_impl.h"

namespace dossier {
namespace {

EntityData ToPublic(query::EntityData&& e) {
  EntityData out;
  out.labels = std::move(e.labels);
  out.properties = std::move(e.properties);
  out.src = e.src;
  out.dst = e.dst;
  return out;
}

Stats ToPublic(const query::QueryStats& q) {
  Stats s;
  s.nodes_created = q.nodes_created;
  s.nodes_deleted = q.nodes_deleted;
  s.relationships_created = q.relationships_created;
  s.relationships_deleted = q.relationships_deleted;
  s.properties_set = q.properties_set;
  s.properties_removed = q.properties_removed;
  s.labels_added = q.labels_added;
  s.labels_removed = q.labels_removed;
  return s;
}

Timing ToPublic(const query::StageTimes& t) {
  Timing out;
  out.parse_ms = absl::ToDoubleMilliseconds(t.parse);
  out.plan_ms = absl::ToDoubleMilliseconds(t.plan);
  out.execute_ms = absl::ToDoubleMilliseconds(t.execute);
  return out;
}

}  // namespace

Result MakeResult(query::QueryResult&& r) {
  auto impl = std::make_unique<Result::Impl>();
  impl->columns = std::move(r.columns);
  impl->rows = std::move(r.rows);
  for (auto& [id, e] : r.nodes) impl->nodes.emplace(id, ToPublic(std::move(e)));
  for (auto& [id, e] : r.edges) impl->edges.emplace(id, ToPublic(std::move(e)));
  impl->stats = ToPublic(r.stats);
  impl->plan = std::move(r.plan);
  impl->timing = ToPublic(r.times);
  return Result(std::move(impl));
}

absl::StatusOr<Result> MakeStreamedResult(
    std::unique_ptr<query::QueryCursor> cursor) {
  auto impl = std::make_unique<Result::Impl>();
  impl->columns = cursor->columns();
  bool lazy = cursor->streaming();
  impl->cursor = std::move(cursor);
  impl->streaming = true;
  if (lazy) {
    impl->Fetch();
  } else {
    // The statement already ran to its end (it writes, or is EXPLAIN or
    // PROFILE): hold its rows as an ordinary Result does.
    impl->FetchAll();
    impl->streaming = false;
  }
  if (!impl->status.ok()) return impl->status;
  return Result(std::move(impl));
}

void Result::Impl::SyncFromCursor() {
  stats = ToPublic(cursor->stats());
  plan = cursor->plan();
  timing = ToPublic(cursor->times());
}

bool Result::Impl::Fetch() {
  if (cursor == nullptr) return false;
  std::vector<Value> row;
  absl::StatusOr<bool> more = cursor->Next(&row);
  SyncFromCursor();
  if (more.ok() && *more) {
    absl::flat_hash_map<NodeId, query::EntityData> n;
    absl::flat_hash_map<EdgeId, query::EntityData> e;
    absl::Status s = cursor->Describe(row, &n, &e);
    if (s.ok()) {
      for (auto& [id, d] : n) nodes.try_emplace(id, ToPublic(std::move(d)));
      for (auto& [id, d] : e) edges.try_emplace(id, ToPublic(std::move(d)));
      rows.push_back(std::move(row));
      return true;
    }
    more = s;
  }
  if (!more.ok()) status = more.status();
  cursor.reset();  // Ended: releases the snapshot.
  return false;
}

void Result::Impl::FetchAll() {
  while (Fetch()) {
  }
}

Result::Result() : impl_(std::make_unique<Impl>()) {}
Result::Result(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Result::~Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;

const std::vector<std::string>& Result::columns() const {
  return impl_->columns;
}

size_t Result::size() const {
  if (!impl_->streaming) return impl_->rows.size();
  impl_->FetchAll();
  return impl_->rows.size() - impl_->pos;
}

bool Result::Valid() const { return impl_->pos < impl_->rows.size(); }

void Result::Next() {
  Impl& d = *impl_;
  if (d.pos >= d.rows.size()) return;
  ++d.pos;
  if (!d.streaming || d.pos < d.rows.size()) return;
  // Streamed and past the rows read: drop them, read the next one.
  d.rows.clear();
  d.pos = 0;
  d.nodes.clear();
  d.edges.clear();
  d.Fetch();
}

std::span<const Value> Result::row() const { return impl_->rows[impl_->pos]; }

const Value& Result::Get(size_t column) const {
  return impl_->rows[impl_->pos][column];
}

const std::vector<std::vector<Value>>& Result::rows() const {
  if (impl_->streaming) {
    impl_->FetchAll();
    if (impl_->pos > 0) {
      impl_->rows.erase(
          impl_->rows.begin(),
          impl_->rows.begin() + static_cast<ptrdiff_t>(impl_->pos));
      impl_->pos = 0;
    }
  }
  return impl_->rows;
}

bool Result::streaming() const { return impl_->streaming; }

const absl::Status& Result::status() const { return impl_->status; }

const EntityData* Result::Node(NodeId id) const {
  auto it = impl_->nodes.find(id);
  return it == impl_->nodes.end() ? nullptr : &it->second;
}

const EntityData* Result::Relationship(EdgeId id) const {
  auto it = impl_->edges.find(id);
  return it == impl_->edges.end() ? nullptr : &it->second;
}

const Stats& Result::stats() const { return impl_->stats; }
const std::string& Result::plan() const { return impl_->plan; }
const Timing& Result::timing() const { return impl_->timing; }

}  // namespace dossier
