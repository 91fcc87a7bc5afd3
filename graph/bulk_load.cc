// BulkLoad: CSV rows -> sorted SST files -> one atomic ingestion.
#include "graph/bulk_load.h"

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <latch>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "graph/bulk_internal.h"
#include "graph/catalog.h"
#include "graph/huge_pages.h"
#include "graph/key_codec.h"
#include "graph/records.h"
#include "graph/status_macros.h"
#include "graph/store.h"

namespace dossier::graph {

BulkInput BulkInput::Parse(std::string_view arg) {
  size_t eq = arg.find('=');
  if (eq == std::string_view::npos) return {std::string(arg), ""};
  return {std::string(arg.substr(eq + 1)), std::string(arg.substr(0, eq))};
}

namespace {

using bulk::Column;
using bulk::Role;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Nodes and relationships are numbered within an import by 32-bit indexes.
constexpr uint64_t kMaxPerImport = 0xffffffffu;

// Node and edge counters in the meta family (the Store's keys).
constexpr std::string_view kNextNodeKey = "next_node";
constexpr std::string_view kNextEdgeKey = "next_edge";

// Catalog names of this import: existing ids, or provisional ids after the
// catalog's last, created in the Store only when the import succeeds.
class LocalCatalog {
 public:
  explicit LocalCatalog(const Catalog& catalog) : catalog_(catalog) {
    for (int k = 0; k < 3; ++k) {
      next_[k] = catalog.NextId(static_cast<CatalogKind>(k));
    }
  }
  uint32_t Id(CatalogKind kind, std::string_view name) {
    int k = static_cast<int>(kind);
    auto it = ids_[k].find(absl::string_view(name.data(), name.size()));
    if (it != ids_[k].end()) return it->second;
    uint32_t id;
    if (std::optional<uint32_t> found = catalog_.Find(kind, name)) {
      id = *found;
    } else {
      id = next_[k]++;
      created_[k].emplace_back(name);
    }
    ids_[k].emplace(std::string(name), id);
    return id;
  }
  // Persists the new names; their ids must come out as promised.
  absl::Status Commit(Store* store) {
    for (int k = 0; k < 3; ++k) {
      for (const std::string& name : created_[k]) {
        DOSSIER_ASSIGN_OR_RETURN(
            uint32_t id, store->GetOrCreate(static_cast<CatalogKind>(k), name));
        if (id != ids_[k][name]) {
          return absl::InternalError(
              absl::StrCat("catalog id of '", name, "' changed during import"));
        }
      }
    }
    return absl::OkStatus();
  }
  bool TooManyTypes() const { return next_[1] > 65536; }

 private:
  const Catalog& catalog_;
  uint32_t next_[3];
  absl::flat_hash_map<std::string, uint32_t> ids_[3];
  std::vector<std::string> created_[3];
};

using bulk::AdjRow;
using bulk::IdSpace;

class Loader {
 public:
  Loader(Store* store, const BulkLoadOptions& options, std::string tmp)
      : store_(store),
        options_(options),
        tmp_(std::move(tmp)),
        catalog_(store->catalog()) {}

  absl::Status Run(const std::vector<BulkInput>& nodes,
                   const std::vector<BulkInput>& rels, BulkLoadReport* report);

 private:
  using Fields = std::vector<CsvField>;
  // An open input file with its header read.
  struct CsvFile {
    std::unique_ptr<bulk::MappedFile> map;
    std::unique_ptr<CsvReader> reader;
    std::vector<Column> columns;
    std::vector<PropKeyId> keys;  // Per column: property key of a named
                                  // kId or of kProperty.
  };
  absl::Status ReadCounters();
  absl::StatusOr<CsvFile> OpenCsv(const BulkInput& input, bool nodes);
  absl::Status LoadNodes(const BulkInput& input);
  absl::Status LoadRelationships(const BulkInput& input);
  // Row handler; returns InvalidArgument for a bad row (message without the
  // file:line prefix).
  absl::Status NodeRow(const CsvFile& file, const Fields& f,
                       const std::vector<LabelId>& file_labels);
  // Appends a parsed chunk (in file order) to the import.
  // Moves its rows to adj_[*rows, ...) with catalog type ids and
  // advances *rows.
  absl::Status MergeChunk(bulk::EdgeChunk* chunk,
                          std::optional<TypeId> file_type, size_t* rows);
  absl::Status BadRow(const std::string& where, const absl::Status& why) {
    return bulk::RecordBadRow(where, why, options_.skip_bad_rows,
                              options_.max_reported_bad_rows, &bad_);
  }
  void Progress(uint64_t bytes) const {
    if (options_.progress) options_.progress(bytes, bytes_total_);
  }
  absl::Status WriteSorted();
  absl::Status WriteIndexes(bulk::SstSink* label, bulk::SstSink* prop);
  absl::Status WriteEdges(bulk::SstSink* sink) const;
  absl::Status WriteAdjacency(bool out, bulk::SstSink* sink) const;
  std::unique_ptr<bulk::SstSink> Sink(Cf cf, const char* name) {
    return std::make_unique<bulk::SstSink>(
        store_->db(), store_->cf(cf), absl::StrCat(tmp_, "/", name, ".sst"));
  }

  Store* store_;
  const BulkLoadOptions& options_;
  std::string tmp_;
  LocalCatalog catalog_;
  bulk::BadRows bad_;
  NodeId base_node_ = 0;
  EdgeId base_edge_ = 0;
  uint64_t num_nodes_ = 0;
  uint64_t num_edges_ = 0;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
  absl::flat_hash_map<std::string, IdSpace> spaces_;
  std::unique_ptr<bulk::SstSink> nodes_sink_;
  std::vector<std::unique_ptr<bulk::SstSink>> sinks_done_;
  HugeVector<uint64_t> label_rows_;  // label << 32 | local node
  // Property index keys, back to back, and each one's (offset, size).
  std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>>
      prop_arena_;
  HugeVector<std::pair<uint64_t, uint32_t>> prop_keys_;
  // Every relationship in import order (edge ordinal = position).
  HugeVector<AdjRow> adj_;
  // When some file has property columns: relationship i's encoded property
  // list is edge_props_[edge_props_end_[i - 1], edge_props_end_[i]) (empty:
  // no properties); otherwise edge_props_end_ is empty.
  std::string edge_props_;
  std::vector<uint64_t> edge_props_end_;
  absl::flat_hash_map<LabelId, uint64_t> label_counts_;
  absl::flat_hash_map<TypeId, uint64_t> type_counts_;
  // Scratch reused per row.
  NodeRecord node_;
  std::string key_;
};

absl::Status Loader::ReadCounters() {
  rocksdb::ReadOptions ro;
  for (auto [key, target] : {std::pair{kNextNodeKey, &base_node_},
                             std::pair{kNextEdgeKey, &base_edge_}}) {
    std::string value;
    rocksdb::Status s =
        store_->db()->Get(ro, store_->cf(Cf::kMeta), std::string(key), &value);
    if (s.ok() && value.size() == 8) {
      *target = ReadU64(value);
    } else if (!s.IsNotFound()) {
      return s.ok() ? absl::DataLossError("malformed counter in meta")
                    : FromRocks(s, "cannot read counters");
    }
  }
  return absl::OkStatus();
}

absl::Status Loader::NodeRow(const CsvFile& file, const Fields& f,
                             const std::vector<LabelId>& file_labels) {
  const std::vector<Column>& cols = file.columns;
  node_.labels = file_labels;
  node_.props.clear();
  if (num_nodes_ >= kMaxPerImport) {
    return absl::ResourceExhaustedError(
        "an import holds at most 4,294,967,295 nodes; import the rest "
        "separately");
  }
  const uint32_t local = static_cast<uint32_t>(num_nodes_);
  const Column* id_col = nullptr;
  std::string_view id_text;
  for (size_t i = 0; i < cols.size(); ++i) {
    const Column& c = cols[i];
    switch (c.role) {
      case Role::kId: {
        id_col = &c;
        id_text = f[i].text;
        if (id_text.empty()) return absl::InvalidArgumentError("empty :ID");
        if (!c.name.empty()) {
          Value v = Value::String(id_text);
          if (options_.id_type == BulkLoadOptions::IdType::kInteger) {
            int64_t n;
            if (!absl::SimpleAtoi(
                    absl::string_view(id_text.data(), id_text.size()), &n)) {
              return absl::InvalidArgumentError(absl::StrCat(
                  ":ID '", std::string(id_text), "' is not an integer"));
            }
            v = Value::Int(n);
          }
          SetProperty(&node_.props, file.keys[i], std::move(v));
        }
        break;
      }
      case Role::kLabel:
        for (std::string_view l :
             bulk::SplitArray(f[i].text, options_.array_delimiter)) {
          if (!l.empty()) {
            node_.labels.push_back(catalog_.Id(CatalogKind::kLabel, l));
          }
        }
        break;
      case Role::kProperty: {
        Value v;
        DOSSIER_RETURN_IF_ERROR(
            bulk::ConvertField(c, f[i], options_.array_delimiter, &v));
        if (!v.is_null()) SetProperty(&node_.props, file.keys[i], std::move(v));
        break;
      }
      case Role::kStartId:
      case Role::kEndId:
      case Role::kType:
      case Role::kIgnore:
        break;
    }
  }
  if (id_col != nullptr) {
    IdSpace& space = spaces_[id_col->id_space];
    bool fresh;
    if (options_.id_type == BulkLoadOptions::IdType::kInteger) {
      int64_t n;
      if (!absl::SimpleAtoi(absl::string_view(id_text.data(), id_text.size()),
                            &n)) {
        return absl::InvalidArgumentError(
            absl::StrCat(":ID '", std::string(id_text), "' is not an integer"));
      }
      fresh = space.by_int.emplace(n, local).second;
    } else {
      fresh = space.by_text.emplace(std::string(id_text), local).second;
    }
    if (!fresh) {
      return absl::InvalidArgumentError(
          absl::StrCat("duplicate :ID '", std::string(id_text), "'",
                       id_col->id_space.empty()
                           ? ""
                           : absl::StrCat(" in ID space ", id_col->id_space)));
    }
  }
  std::sort(node_.labels.begin(), node_.labels.end());
  node_.labels.erase(std::unique(node_.labels.begin(), node_.labels.end()),
                     node_.labels.end());
  node_.id = base_node_ + local;
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeNodeRecord(node_));
  DOSSIER_RETURN_IF_ERROR(nodes_sink_->Put(NodeKey(node_.id), bytes));
  for (LabelId l : node_.labels) {
    label_rows_.push_back(uint64_t{l} << 32 | local);
    ++label_counts_[l];
    for (const auto& [key, value] : node_.props) {
      size_t at = prop_arena_.size();
      std::string k = PropPrefix(l, key);
      if (!AppendOrderedValue(value, &k)) continue;
      AppendU64(node_.id, &k);
      prop_arena_.append(k);
      prop_keys_.emplace_back(at, static_cast<uint32_t>(k.size()));
    }
  }
  ++num_nodes_;
  return absl::OkStatus();
}

absl::StatusOr<Loader::CsvFile> Loader::OpenCsv(const BulkInput& input,
                                                bool nodes) {
  CsvFile file;
  DOSSIER_ASSIGN_OR_RETURN(file.map, bulk::MappedFile::Open(input.path));
  file.reader = std::make_unique<CsvReader>(file.map->data(), input.path,
                                            options_.delimiter);
  Fields fields;
  CsvReader::Step step = file.reader->Next(&fields);
  if (step == CsvReader::Step::kError) return file.reader->error();
  if (step == CsvReader::Step::kEnd) {
    return absl::InvalidArgumentError(
        absl::StrCat(input.path, ": empty file (a header line is required)"));
  }
  DOSSIER_ASSIGN_OR_RETURN(
      file.columns,
      bulk::ParseHeader(
          fields, absl::StrCat(input.path, ":", file.reader->record_line())));
  std::vector<Column>& cols = file.columns;
  auto count = [&](Role r) {
    return std::count_if(cols.begin(), cols.end(),
                         [r](const Column& c) { return c.role == r; });
  };
  if (nodes) {
    if (count(Role::kId) > 1 || count(Role::kStartId) || count(Role::kEndId)) {
      return absl::InvalidArgumentError(
          absl::StrCat(input.path,
                       ": a node file has at most one :ID column and no "
                       ":START_ID/:END_ID"));
    }
    // `export --format csv` writes a node's further labels in a last column
    // headed exactly `labels:string[]` (DESIGN §6): in a node file without a
    // :LABEL column, that column holds labels, so `import` reads back what
    // `export` writes.
    if (count(Role::kLabel) == 0 && !cols.empty() &&
        fields.size() == cols.size() &&
        fields.back().text == "labels:string[]") {
      cols.back().role = Role::kLabel;
    }
  } else if (count(Role::kStartId) != 1 || count(Role::kEndId) != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(input.path,
                     ": a relationship file needs one :START_ID and one "
                     ":END_ID column"));
  } else if (input.name.empty() && count(Role::kType) == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(input.path,
                     ": no :TYPE column; name the type as --relationships "
                     "TYPE=",
                     input.path));
  }
  // The header's property keys are named in column order (a column whose
  // fields are all empty names its key too), the same on any thread count.
  file.keys.assign(cols.size(), 0);
  for (size_t i = 0; i < cols.size(); ++i) {
    const Column& c = cols[i];
    if (c.role == Role::kProperty || (c.role == Role::kId && !c.name.empty())) {
      file.keys[i] = catalog_.Id(CatalogKind::kPropKey, c.name);
    }
  }
  return file;
}

absl::Status Loader::LoadNodes(const BulkInput& input) {
  DOSSIER_ASSIGN_OR_RETURN(CsvFile file, OpenCsv(input, /*nodes=*/true));
  std::vector<LabelId> file_labels;
  for (absl::string_view l :
       absl::StrSplit(input.name, ':', absl::SkipEmpty())) {
    file_labels.push_back(
        catalog_.Id(CatalogKind::kLabel, std::string_view(l.data(), l.size())));
  }
  CsvReader& reader = *file.reader;
  // Room for one node per line, so that the index rows and the ID space
  // are not copied as they grow.
  {
    const std::string_view body = file.map->data().substr(reader.offset());
    const size_t lines = std::count(body.begin(), body.end(), '\n') + 1;
    size_t labels = file_labels.size(), props = 0;
    const Column* id_col = nullptr;
    for (const Column& c : file.columns) {
      labels += c.role == Role::kLabel;
      props += c.role == Role::kProperty || (c.role == Role::kId && !c.name.empty());
      if (c.role == Role::kId) id_col = &c;
    }
    label_rows_.reserve(label_rows_.size() + lines * labels);
    prop_keys_.reserve(prop_keys_.size() + lines * labels * props);
    prop_arena_.reserve(prop_arena_.size() + lines * labels * props * 28);
    if (id_col != nullptr) {
      IdSpace& space = spaces_[id_col->id_space];
      if (options_.id_type == BulkLoadOptions::IdType::kInteger) {
        space.by_int.reserve(space.by_int.size() + lines);
      } else {
        space.by_text.reserve(space.by_text.size() + lines);
      }
    }
  }
  Fields fields;
  uint64_t last_progress = 0;
  while (true) {
    CsvReader::Step step = reader.Next(&fields);
    if (step == CsvReader::Step::kEnd) break;
    if (reader.offset() - last_progress > (8u << 20)) {
      Progress(bytes_done_ + reader.offset());
      last_progress = reader.offset();
    }
    if (step == CsvReader::Step::kError) {
      DOSSIER_RETURN_IF_ERROR(
          bulk::RecordReaderError(reader.error(), options_.skip_bad_rows,
                                  options_.max_reported_bad_rows, &bad_));
      continue;
    }
    absl::Status s = fields.size() != file.columns.size()
                         ? absl::InvalidArgumentError(
                               absl::StrCat("expected ", file.columns.size(),
                                            " fields, found ", fields.size()))
                         : NodeRow(file, fields, file_labels);
    if (absl::IsInvalidArgument(s)) {
      DOSSIER_RETURN_IF_ERROR(
          BadRow(absl::StrCat(input.path, ":", reader.record_line()), s));
    } else if (!s.ok()) {
      return s;
    }
  }
  bytes_done_ += reader.size();
  Progress(bytes_done_);
  return absl::OkStatus();
}

// The rows after the header are cut into byte ranges of whole lines, one
// per thread; each range is parsed on its own (ParseEdgeChunk) and the
// results are appended in file order, so ids, types and bad-row reports
// come out as one sequential pass would make them.
absl::Status Loader::LoadRelationships(const BulkInput& input) {
  DOSSIER_ASSIGN_OR_RETURN(CsvFile file, OpenCsv(input, /*nodes=*/false));
  bulk::EdgeFileSpec spec;
  spec.path = input.path;
  spec.columns = file.columns;
  spec.keys = file.keys;
  spec.spaces.assign(spec.columns.size(), nullptr);
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    const Column& c = spec.columns[i];
    if (c.role == Role::kStartId || c.role == Role::kEndId) {
      auto it = spaces_.find(c.id_space);
      if (it != spaces_.end()) spec.spaces[i] = &it->second;
    }
    if (c.role == Role::kProperty) spec.has_properties = true;
  }
  std::optional<TypeId> file_type;
  if (!input.name.empty()) {
    file_type = catalog_.Id(CatalogKind::kType, input.name);
    spec.has_file_type = true;
  }
  spec.delimiter = options_.delimiter;
  spec.array_delimiter = options_.array_delimiter;
  spec.integer_ids = options_.id_type == BulkLoadOptions::IdType::kInteger;
  spec.skip_bad_rows = options_.skip_bad_rows;
  spec.max_reported_bad_rows = options_.max_reported_bad_rows;

  const std::string_view data = file.map->data();
  const size_t body_at = file.reader->offset();
  int threads = options_.threads;
  if (threads <= 0) {
    threads =
        std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  const std::vector<std::string_view> ranges = bulk::SplitAtLines(
      data.substr(body_at), threads, options_.min_range_bytes);
  std::vector<std::unique_ptr<bulk::EdgeChunk>> chunks;
  int64_t line = 1 + std::count(data.begin(), data.begin() + body_at, '\n');
  for (std::string_view range : ranges) {
    chunks.push_back(std::make_unique<bulk::EdgeChunk>());
    chunks.back()->data = range;
  }
  // Each worker counts its range's lines; once every count is known, adj_
  // grows by one row per line and each worker parses its range into its
  // own part of it, knowing the line its range starts on.
  std::vector<size_t> lines(chunks.size(), 0);
  std::vector<size_t> row_at(chunks.size() + 1, adj_.size());
  auto make_room = [&]() noexcept {
    for (size_t k = 0; k < chunks.size(); ++k) {
      row_at[k + 1] = row_at[k] + lines[k] + 1;
    }
    adj_.resize(row_at.back());
  };
  std::barrier counted(static_cast<std::ptrdiff_t>(chunks.size()), make_room);
  std::latch parsed(static_cast<std::ptrdiff_t>(chunks.size()));
  auto work = [&](size_t k) {
    bulk::EdgeChunk& chunk = *chunks[k];
    lines[k] = std::count(chunk.data.begin(), chunk.data.end(), '\n');
    counted.arrive_and_wait();
    chunk.first_line = line;
    for (size_t j = 0; j < k; ++j) chunk.first_line += lines[j];
    chunk.rows = std::span<AdjRow>(adj_.data() + row_at[k], lines[k] + 1);
    bulk::ParseEdgeChunk(spec, &chunk);
    parsed.count_down();
  };
  std::vector<std::thread> workers;
  for (size_t k = 0; k < chunks.size(); ++k) workers.emplace_back(work, k);
  // Progress is reported from this thread; without a callback it just waits
  // (no polling delay per file).
  while (options_.progress && !parsed.try_wait()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    uint64_t read = body_at;
    for (const auto& chunk : chunks) {
      read += chunk->bytes_read.load(std::memory_order_relaxed);
    }
    Progress(bytes_done_ + read);
  }
  for (std::thread& t : workers) t.join();
  size_t rows = row_at[0];
  for (auto& chunk : chunks) {
    absl::Status s = MergeChunk(chunk.get(), file_type, &rows);
    if (!s.ok()) {
      adj_.resize(row_at[0]);
      return s;
    }
    chunk.reset();
  }
  adj_.resize(rows);
  bytes_done_ += data.size();
  Progress(bytes_done_);
  return absl::OkStatus();
}

absl::Status Loader::MergeChunk(bulk::EdgeChunk* chunk,
                                std::optional<TypeId> file_type, size_t* rows) {
  bad_.count += chunk->bad.count;
  for (std::string& m : chunk->bad.messages) {
    if (static_cast<int>(bad_.messages.size()) >=
        options_.max_reported_bad_rows) {
      break;
    }
    bad_.messages.push_back(std::move(m));
  }
  DOSSIER_RETURN_IF_ERROR(chunk->status);
  // Chunk type indexes -> catalog ids, named in order of first use.
  std::vector<TypeId> types;
  for (const std::string& name : chunk->types) {
    types.push_back(name.empty() ? *file_type
                                 : catalog_.Id(CatalogKind::kType, name));
  }
  if (catalog_.TooManyTypes()) {
    return absl::ResourceExhaustedError("too many relationship types");
  }
  if (*rows + chunk->num_rows > kMaxPerImport) {
    return absl::ResourceExhaustedError(
        "an import holds at most 4,294,967,295 relationships; import the "
        "rest separately");
  }
  std::vector<uint64_t> per_type(types.size(), 0);
  if (!chunk->props_end.empty() && edge_props_end_.size() < *rows) {
    edge_props_end_.resize(*rows, edge_props_.size());
  }
  AdjRow* to = adj_.data() + *rows;
  if (to != chunk->rows.data()) {
    std::memmove(to, chunk->rows.data(), chunk->num_rows * sizeof(AdjRow));
  }
  for (AdjRow* r = to; r != to + chunk->num_rows; ++r) {
    ++per_type[r->type];
    r->type = types[r->type];
  }
  *rows += chunk->num_rows;
  for (size_t t = 0; t < types.size(); ++t) {
    if (per_type[t] > 0) type_counts_[types[t]] += per_type[t];
  }
  if (!chunk->props_end.empty()) {
    const uint64_t at = edge_props_.size();
    edge_props_.append(chunk->props);
    for (uint64_t end : chunk->props_end) edge_props_end_.push_back(at + end);
  } else if (!edge_props_end_.empty()) {
    edge_props_end_.resize(*rows, edge_props_.size());
  }
  return absl::OkStatus();
}

absl::Status Loader::WriteIndexes(bulk::SstSink* label, bulk::SstSink* prop) {
  std::sort(label_rows_.begin(), label_rows_.end());
  for (uint64_t row : label_rows_) {
    DOSSIER_RETURN_IF_ERROR(
        label->Put(LabelKey(static_cast<LabelId>(row >> 32),
                            base_node_ + static_cast<uint32_t>(row)),
                   {}));
  }
  DOSSIER_RETURN_IF_ERROR(label->Finish());
  HugeVector<uint64_t>().swap(label_rows_);
  const char* arena = prop_arena_.data();
  std::sort(prop_keys_.begin(), prop_keys_.end(),
            [arena](const auto& a, const auto& b) {
              int c = std::memcmp(arena + a.first, arena + b.first,
                                  std::min(a.second, b.second));
              return c != 0 ? c < 0 : a.second < b.second;
            });
  for (const auto& [at, size] : prop_keys_) {
    DOSSIER_RETURN_IF_ERROR(prop->Put(std::string_view(arena + at, size), {}));
  }
  DOSSIER_RETURN_IF_ERROR(prop->Finish());
  decltype(prop_arena_)().swap(prop_arena_);
  decltype(prop_keys_)().swap(prop_keys_);
  return absl::OkStatus();
}

// The edges family: key = edge id, value = edge record, in id order.
absl::Status Loader::WriteEdges(bulk::SstSink* sink) const {
  std::string key, value, no_props;
  DOSSIER_RETURN_IF_ERROR(AppendPropertyList({}, &no_props));
  uint64_t props_at = 0;
  for (size_t i = 0; i < adj_.size(); ++i) {
    const AdjRow& r = adj_[i];
    key.clear();
    AppendU64(base_edge_ + i, &key);
    value.clear();
    AppendEdgeHead(base_node_ + r.src, base_node_ + r.dst, r.type, &value);
    std::string_view props = no_props;
    if (!edge_props_end_.empty()) {
      const uint64_t end = edge_props_end_[i];
      if (end > props_at) {
        props = std::string_view(edge_props_).substr(props_at, end - props_at);
      }
      props_at = end;
    }
    value.append(props);
    DOSSIER_RETURN_IF_ERROR(sink->Put(key, value));
  }
  return sink->Finish();
}

// Buckets adj_ by the first key field with a counting sort that keeps the
// edge order, each slot holding (other end << 32 | edge): a bucket sorts in
// place without reaching back into adj_, unless the import has several
// types (then the type, read from adj_, comes first). O(E) plus small sorts.
absl::Status Loader::WriteAdjacency(bool out, bulk::SstSink* sink) const {
  HugeVector<uint64_t> start(num_nodes_ + 1, 0);
  for (const AdjRow& r : adj_) ++start[(out ? r.src : r.dst) + 1];
  for (uint64_t v = 0; v < num_nodes_; ++v) start[v + 1] += start[v];
  HugeVector<uint64_t> slots(adj_.size());
  {
    HugeVector<uint64_t> fill(start.begin(), start.end() - 1);
    for (uint32_t e = 0; e < adj_.size(); ++e) {
      const AdjRow& r = adj_[e];
      slots[fill[out ? r.src : r.dst]++] =
          uint64_t{out ? r.dst : r.src} << 32 | e;
    }
  }
  const bool one_type = type_counts_.size() <= 1;
  const TypeId only_type = one_type && !adj_.empty() ? adj_[0].type : 0;
  auto type_of = [&](uint64_t slot) {
    return one_type ? only_type : adj_[static_cast<uint32_t>(slot)].type;
  };
  std::string key;
  for (uint64_t v = 0; v < num_nodes_; ++v) {
    auto first = slots.begin() + start[v], last = slots.begin() + start[v + 1];
    if (last - first > 1) {
      if (one_type) {
        std::sort(first, last);
      } else {
        std::sort(first, last, [&](uint64_t a, uint64_t b) {
          const TypeId ta = type_of(a), tb = type_of(b);
          return ta != tb ? ta < tb : a < b;
        });
      }
    }
    for (auto it = first; it != last; ++it) {
      key.clear();
      AppendAdjKey(base_node_ + v, type_of(*it),
                   base_node_ + static_cast<uint32_t>(*it >> 32),
                   base_edge_ + static_cast<uint32_t>(*it), &key);
      DOSSIER_RETURN_IF_ERROR(sink->Put(key, {}));
    }
  }
  return sink->Finish();
}

// Three writers at once, each to its own SST file and reading only what
// the CSV passes left: the in-adjacency, the edge records, and on this
// thread the label and property indexes then the out-adjacency.
absl::Status Loader::WriteSorted() {
  std::unique_ptr<bulk::SstSink> label = Sink(Cf::kLabel, "label");
  std::unique_ptr<bulk::SstSink> prop = Sink(Cf::kProp, "prop");
  std::unique_ptr<bulk::SstSink> out = Sink(Cf::kOut, "out");
  std::unique_ptr<bulk::SstSink> in = Sink(Cf::kIn, "in");
  std::unique_ptr<bulk::SstSink> edges = Sink(Cf::kEdges, "edges");
  absl::Status in_status, edges_status;
  std::thread in_thread([&] { in_status = WriteAdjacency(false, in.get()); });
  std::thread edges_thread([&] { edges_status = WriteEdges(edges.get()); });
  absl::Status status = WriteIndexes(label.get(), prop.get());
  if (status.ok()) status = WriteAdjacency(true, out.get());
  in_thread.join();
  edges_thread.join();
  DOSSIER_RETURN_IF_ERROR(status);
  DOSSIER_RETURN_IF_ERROR(in_status);
  DOSSIER_RETURN_IF_ERROR(edges_status);
  for (auto* sink : {&label, &prop, &out, &in, &edges}) {
    sinks_done_.push_back(std::move(*sink));
  }
  HugeVector<AdjRow>().swap(adj_);
  std::string().swap(edge_props_);
  std::vector<uint64_t>().swap(edge_props_end_);
  auto meta = Sink(Cf::kMeta, "meta");
  std::string v;
  AppendU64(base_edge_ + num_edges_, &v);
  DOSSIER_RETURN_IF_ERROR(meta->Put(kNextEdgeKey, v));
  v.clear();
  AppendU64(base_node_ + num_nodes_, &v);
  DOSSIER_RETURN_IF_ERROR(meta->Put(kNextNodeKey, v));
  DOSSIER_RETURN_IF_ERROR(meta->Finish());
  sinks_done_.push_back(std::move(meta));
  return absl::OkStatus();
}

absl::Status Loader::Run(const std::vector<BulkInput>& nodes,
                         const std::vector<BulkInput>& rels,
                         BulkLoadReport* report) {
  DOSSIER_RETURN_IF_ERROR(ReadCounters());
  for (const auto* list : {&nodes, &rels}) {
    for (const BulkInput& in : *list) {
      std::error_code ec;
      uint64_t size = std::filesystem::file_size(in.path, ec);
      if (ec) {
        return absl::NotFoundError(
            absl::StrCat(in.path, ": cannot read (", ec.message(), ")"));
      }
      bytes_total_ += size;
    }
  }
  report->input_bytes = bytes_total_;
  Clock::time_point start = Clock::now();
  nodes_sink_ = Sink(Cf::kNodes, "nodes");
  for (const BulkInput& in : nodes) DOSSIER_RETURN_IF_ERROR(LoadNodes(in));
  DOSSIER_RETURN_IF_ERROR(nodes_sink_->Finish());
  sinks_done_.push_back(std::move(nodes_sink_));
  for (auto& [name, space] : spaces_) space.MakeDense();
  for (const BulkInput& in : rels) {
    DOSSIER_RETURN_IF_ERROR(LoadRelationships(in));
  }
  num_edges_ = adj_.size();
  spaces_.clear();
  DOSSIER_RETURN_IF_ERROR(WriteSorted());
  report->read_seconds = Since(start);

  // Everything is on disk: name the new catalog entries, then ingest all
  // families at once.
  Clock::time_point ingest = Clock::now();
  DOSSIER_RETURN_IF_ERROR(catalog_.Commit(store_));
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (const auto& sink : sinks_done_) {
    if (sink->path().empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = sink->cf();
    arg.external_files = {sink->path()};
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    arg.options.allow_blocking_flush = true;
    args.push_back(std::move(arg));
  }
  DOSSIER_RETURN_IF_ERROR(FromRocks(store_->db()->IngestExternalFiles(args),
                                    "ingesting the imported files"));
  report->ingest_seconds = Since(ingest);

  report->nodes = num_nodes_;
  report->relationships = num_edges_;
  report->bad_rows = bad_.count;
  report->bad_row_messages = std::move(bad_.messages);
  for (const auto& [id, n] : label_counts_) {
    report->nodes_by_label[store_->catalog().Name(CatalogKind::kLabel, id)] = n;
  }
  for (const auto& [id, n] : type_counts_) {
    report->relationships_by_type[store_->catalog().Name(CatalogKind::kType,
                                                         id)] = n;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BulkLoadReport> BulkLoad(
    std::string_view db_path, const std::vector<BulkInput>& nodes,
    const std::vector<BulkInput>& relationships,
    const BulkLoadOptions& options) {
  Clock::time_point start = Clock::now();
  const std::string path(db_path);
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  const std::string tmp = absl::StrCat(path, "/import.tmp");
  BulkLoadReport report;
  absl::Status status;
  {
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path);
    if (!store.ok()) {
      if (!existed) std::filesystem::remove_all(path, ec);
      return store.status();
    }
    std::filesystem::remove_all(tmp, ec);
    std::filesystem::create_directories(tmp, ec);
    if (ec) {
      status = absl::UnavailableError(
          absl::StrCat("cannot create ", tmp, ": ", ec.message()));
    } else {
      Loader loader(store->get(), options, tmp);
      status = loader.Run(nodes, relationships, &report);
    }
  }
  std::filesystem::remove_all(tmp, ec);
  if (!status.ok()) {
    if (!existed) std::filesystem::remove_all(path, ec);
    return status;
  }
  report.total_seconds = Since(start);
  return report;
}

}  // namespace dossier::graph
