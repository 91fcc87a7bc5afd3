#include "dossier/database.h"

#include "api/database_impl.h"
#include "api/result_impl.h"
#include "graph/status_macros.h"
#include "query/parse/parser.h"

namespace dossier {

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

absl::StatusOr<std::unique_ptr<Database>> Database::Open(
    std::string_view path, const DatabaseOptions& options) {
  graph::StoreOptions so;
  so.read_only = options.read_only;
  so.create_if_missing = options.create_if_missing;
  so.sync = options.sync;
  so.block_cache_bytes = options.cache_bytes;
  DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<graph::Store> store,
                           graph::Store::Open(path, so));
  auto impl = std::make_unique<Impl>();
  impl->store = std::move(store);
  impl->options = options;
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

absl::StatusOr<Result> Database::Execute(std::string_view statement,
                                         const ValueMap& params,
                                         const ExecuteOptions& options) {
  query::QueryOptions qo;
  qo.timeout = options.timeout == absl::InfiniteDuration()
                   ? impl_->options.timeout
                   : options.timeout;
  qo.max_memory_bytes = options.max_memory_bytes != 0
                            ? options.max_memory_bytes
                            : impl_->options.max_memory_bytes;
  qo.cancel = options.cancel;
  qo.read_only = options.read_only || impl_->options.read_only;
  if (options.stream) {
    ValueMap copy = params;
    DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<query::QueryCursor> cursor,
                             query::QueryCursor::Open(*impl_->store, statement,
                                                      std::move(copy), qo));
    return MakeStreamedResult(std::move(cursor));
  }
  DOSSIER_ASSIGN_OR_RETURN(
      query::QueryResult r,
      query::ExecuteQuery(*impl_->store, statement, params, qo));
  return MakeResult(std::move(r));
}

absl::StatusOr<PreparedStatement> Database::Prepare(
    std::string_view statement) {
  absl::StatusOr<query::Statement> parsed = query::ParseStatement(statement);
  if (!parsed.ok()) return parsed.status();
  return PreparedStatement(this, std::string(statement));
}

absl::StatusOr<Result> PreparedStatement::Execute(
    const ValueMap& params, const ExecuteOptions& options) const {
  return db_->Execute(text_, params, options);
}

const std::string& Database::path() const { return impl_->store->path(); }

}  // namespace dossier
