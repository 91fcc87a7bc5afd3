#include "dossier/result.h"

#include "api/result_impl.h"

namespace dossier {

Result::Result() : impl_(std::make_unique<Impl>()) {}
Result::Result(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Result::~Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;

const std::vector<std::string>& Result::columns() const {
  return impl_->columns;
}
size_t Result::size() const { return impl_->rows.size(); }
bool Result::Valid() const { return cursor_ < impl_->rows.size(); }
void Result::Next() { ++cursor_; }
std::span<const Value> Result::row() const { return impl_->rows[cursor_]; }
const Value& Result::Get(size_t column) const {
  return impl_->rows[cursor_][column];
}
const std::vector<std::vector<Value>>& Result::rows() const {
  return impl_->rows;
}

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
