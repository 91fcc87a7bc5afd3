// BulkLoad: CSV rows -> sorted SST files -> one atomic ingestion.
#include "graph/bulk_load.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
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

// The nodes of one ID space, by their CSV id.
struct IdSpace {
  absl::flat_hash_map<std::string, uint32_t> by_text;
  absl::flat_hash_map<int64_t, uint32_t> by_int;
  // Integer ids in a compact range: dense[id - min] (kNone when unused).
  // Built after the node files, for the relationship lookups.
  static constexpr uint32_t kNone = 0xffffffffu;
  int64_t min = 0;
  std::vector<uint32_t> dense;

  void MakeDense() {
    if (by_int.empty()) return;
    int64_t lo = by_int.begin()->first, hi = lo;
    for (const auto& [id, local] : by_int) {
      lo = std::min(lo, id);
      hi = std::max(hi, id);
    }
    uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
    if (span >= 4 * by_int.size() + 1024) return;
    min = lo;
    dense.assign(span + 1, kNone);
    for (const auto& [id, local] : by_int) dense[id - lo] = local;
    absl::flat_hash_map<int64_t, uint32_t>().swap(by_int);
  }
};

struct AdjRow {
  uint32_t src, dst, type, edge;  // Local node indexes and edge ordinal.
};

class Loader {
 public:
  Loader(Store* store, const BulkLoadOptions& options, std::string tmp)
      : store_(store), options_(options), tmp_(std::move(tmp)),
        catalog_(store->catalog()) {}

  absl::Status Run(const std::vector<BulkInput>& nodes,
                   const std::vector<BulkInput>& rels, BulkLoadReport* report);

 private:
  using Fields = std::vector<CsvField>;
  absl::Status ReadCounters();
  absl::Status LoadFile(const BulkInput& input, bool nodes);
  // Row handlers return InvalidArgument for a bad row (message without the
  // file:line prefix).
  absl::Status NodeRow(const std::vector<Column>& cols, const Fields& f,
                       const std::vector<LabelId>& file_labels);
  absl::Status EdgeRow(const std::vector<Column>& cols, const Fields& f,
                       std::optional<TypeId> file_type);
  absl::StatusOr<uint32_t> Resolve(const std::string& space,
                                   std::string_view text, const char* role);
  absl::Status BadRow(const std::string& where, const absl::Status& why);
  absl::Status WriteSorted();
  absl::Status WriteIndexes(bulk::SstSink* label, bulk::SstSink* prop);
  absl::Status WriteAdjacency(bool out, bulk::SstSink* sink) const;
  std::unique_ptr<bulk::SstSink> Sink(Cf cf, const char* name) {
    return std::make_unique<bulk::SstSink>(
        store_->db(), store_->cf(cf), absl::StrCat(tmp_, "/", name, ".sst"));
  }

  Store* store_;
  const BulkLoadOptions& options_;
  std::string tmp_;
  LocalCatalog catalog_;
  BulkLoadReport* report_ = nullptr;
  NodeId base_node_ = 0;
  EdgeId base_edge_ = 0;
  uint64_t num_nodes_ = 0;
  uint64_t num_edges_ = 0;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
  absl::flat_hash_map<std::string, IdSpace> spaces_;
  std::unique_ptr<bulk::SstSink> nodes_sink_, edges_sink_;
  std::vector<std::unique_ptr<bulk::SstSink>> sinks_done_;
  std::vector<uint64_t> label_rows_;  // label << 32 | local node
  std::string prop_arena_;            // prop index keys, back to back
  std::vector<std::pair<uint64_t, uint32_t>> prop_keys_;  // offset, size
  std::vector<AdjRow> adj_;
  absl::flat_hash_map<LabelId, uint64_t> label_counts_;
  absl::flat_hash_map<TypeId, uint64_t> type_counts_;
  // Scratch reused per row.
  NodeRecord node_;
  EdgeRecord edge_;
};

absl::Status Loader::ReadCounters() {
  rocksdb::ReadOptions ro;
  for (auto [key, target] : {std::pair{kNextNodeKey, &base_node_},
                             std::pair{kNextEdgeKey, &base_edge_}}) {
    std::string value;
    rocksdb::Status s = store_->db()->Get(ro, store_->cf(Cf::kMeta),
                                          std::string(key), &value);
    if (s.ok() && value.size() == 8) {
      *target = ReadU64(value);
    } else if (!s.IsNotFound()) {
      return s.ok() ? absl::DataLossError("malformed counter in meta")
                    : FromRocks(s, "cannot read counters");
    }
  }
  return absl::OkStatus();
}

absl::Status Loader::BadRow(const std::string& where, const absl::Status& why) {
  std::string msg = absl::StrCat(where, ": ", std::string(why.message()));
  if (!options_.skip_bad_rows) {
    return absl::InvalidArgumentError(absl::StrCat(
        msg, " (nothing imported; --skip-bad-rows skips bad rows)"));
  }
  ++report_->bad_rows;
  if (static_cast<int>(report_->bad_row_messages.size()) <
      options_.max_reported_bad_rows) {
    report_->bad_row_messages.push_back(std::move(msg));
  }
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> Loader::Resolve(const std::string& space,
                                         std::string_view text,
                                         const char* role) {
  auto sp = spaces_.find(space);
  if (sp != spaces_.end()) {
    if (options_.id_type == BulkLoadOptions::IdType::kInteger) {
      int64_t v;
      if (absl::SimpleAtoi(absl::string_view(text.data(), text.size()), &v)) {
        const IdSpace& space = sp->second;
        if (!space.dense.empty()) {
          uint64_t at = static_cast<uint64_t>(v) - static_cast<uint64_t>(space.min);
          if (at < space.dense.size() && space.dense[at] != IdSpace::kNone) {
            return space.dense[at];
          }
        } else if (auto it = space.by_int.find(v); it != space.by_int.end()) {
          return it->second;
        }
      }
    } else {
      auto it = sp->second.by_text.find(
          absl::string_view(text.data(), text.size()));
      if (it != sp->second.by_text.end()) return it->second;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown ", role, " '", std::string(text), "'",
      space.empty() ? "" : absl::StrCat(" in ID space ", space)));
}

absl::Status Loader::NodeRow(const std::vector<Column>& cols, const Fields& f,
                             const std::vector<LabelId>& file_labels) {
  node_.labels = file_labels;
  node_.props.clear();
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
            if (!absl::SimpleAtoi(absl::string_view(id_text.data(), id_text.size()), &n)) {
              return absl::InvalidArgumentError(absl::StrCat(
                  ":ID '", std::string(id_text), "' is not an integer"));
            }
            v = Value::Int(n);
          }
          SetProperty(&node_.props, catalog_.Id(CatalogKind::kPropKey, c.name),
                      std::move(v));
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
        if (!v.is_null()) {
          SetProperty(&node_.props, catalog_.Id(CatalogKind::kPropKey, c.name),
                      std::move(v));
        }
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
      if (!absl::SimpleAtoi(absl::string_view(id_text.data(), id_text.size()), &n)) {
        return absl::InvalidArgumentError(absl::StrCat(
            ":ID '", std::string(id_text), "' is not an integer"));
      }
      fresh = space.by_int.emplace(n, local).second;
    } else {
      fresh = space.by_text.emplace(std::string(id_text), local).second;
    }
    if (!fresh) {
      return absl::InvalidArgumentError(absl::StrCat(
          "duplicate :ID '", std::string(id_text), "'",
          id_col->id_space.empty() ? ""
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

absl::Status Loader::EdgeRow(const std::vector<Column>& cols, const Fields& f,
                             std::optional<TypeId> file_type) {
  edge_.props.clear();
  uint32_t src = 0, dst = 0;
  std::optional<TypeId> type = file_type;
  for (size_t i = 0; i < cols.size(); ++i) {
    const Column& c = cols[i];
    switch (c.role) {
      case Role::kStartId: {
        DOSSIER_ASSIGN_OR_RETURN(src, Resolve(c.id_space, f[i].text, ":START_ID"));
        break;
      }
      case Role::kEndId: {
        DOSSIER_ASSIGN_OR_RETURN(dst, Resolve(c.id_space, f[i].text, ":END_ID"));
        break;
      }
      case Role::kType:
        if (!f[i].text.empty()) {
          type = catalog_.Id(CatalogKind::kType, f[i].text);
        }
        break;
      case Role::kProperty: {
        Value v;
        DOSSIER_RETURN_IF_ERROR(
            bulk::ConvertField(c, f[i], options_.array_delimiter, &v));
        if (!v.is_null()) {
          SetProperty(&edge_.props, catalog_.Id(CatalogKind::kPropKey, c.name),
                      std::move(v));
        }
        break;
      }
      case Role::kId:
      case Role::kLabel:
      case Role::kIgnore:
        break;
    }
  }
  if (!type) {
    return absl::InvalidArgumentError(
        "no relationship type (empty :TYPE and no TYPE=FILE)");
  }
  if (catalog_.TooManyTypes()) {
    return absl::ResourceExhaustedError("too many relationship types");
  }
  const uint32_t ordinal = static_cast<uint32_t>(num_edges_);
  edge_.id = base_edge_ + ordinal;
  edge_.src = base_node_ + src;
  edge_.dst = base_node_ + dst;
  edge_.type = *type;
  DOSSIER_ASSIGN_OR_RETURN(std::string bytes, EncodeEdgeRecord(edge_));
  DOSSIER_RETURN_IF_ERROR(edges_sink_->Put(EdgeKey(edge_.id), bytes));
  adj_.push_back(AdjRow{src, dst, *type, ordinal});
  ++type_counts_[*type];
  ++num_edges_;
  return absl::OkStatus();
}

absl::Status Loader::LoadFile(const BulkInput& input, bool nodes) {
  DOSSIER_ASSIGN_OR_RETURN(std::unique_ptr<bulk::MappedFile> file,
                           bulk::MappedFile::Open(input.path));
  CsvReader reader(file->data(), input.path, options_.delimiter);
  Fields fields;
  CsvReader::Step step = reader.Next(&fields);
  if (step == CsvReader::Step::kError) return reader.error();
  if (step == CsvReader::Step::kEnd) {
    return absl::InvalidArgumentError(
        absl::StrCat(input.path, ": empty file (a header line is required)"));
  }
  DOSSIER_ASSIGN_OR_RETURN(
      std::vector<Column> cols,
      bulk::ParseHeader(fields, absl::StrCat(input.path, ":",
                                             reader.record_line())));
  auto count = [&](Role r) {
    return std::count_if(cols.begin(), cols.end(),
                         [r](const Column& c) { return c.role == r; });
  };
  std::vector<LabelId> file_labels;
  std::optional<TypeId> file_type;
  if (nodes) {
    if (count(Role::kId) > 1 || count(Role::kStartId) || count(Role::kEndId)) {
      return absl::InvalidArgumentError(absl::StrCat(
          input.path, ": a node file has at most one :ID column and no "
                      ":START_ID/:END_ID"));
    }
    // `export --format csv` writes a node's further labels in a last column
    // headed exactly `labels:string[]` (DESIGN §6): in a node file without a
    // :LABEL column, that column holds labels, so `import` reads back what
    // `export` writes.
    if (count(Role::kLabel) == 0 && !cols.empty() &&
        fields.size() == cols.size() && fields.back().text == "labels:string[]") {
      cols.back().role = Role::kLabel;
    }
    for (absl::string_view l :
         absl::StrSplit(input.name, ':', absl::SkipEmpty())) {
      file_labels.push_back(
          catalog_.Id(CatalogKind::kLabel, std::string_view(l.data(), l.size())));
    }
  } else {
    if (count(Role::kStartId) != 1 || count(Role::kEndId) != 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          input.path, ": a relationship file needs one :START_ID and one "
                      ":END_ID column"));
    }
    if (!input.name.empty()) {
      file_type = catalog_.Id(CatalogKind::kType, input.name);
    } else if (count(Role::kType) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          input.path, ": no :TYPE column; name the type as --relationships "
                      "TYPE=", input.path));
    }
  }
  uint64_t last_progress = 0;
  while (true) {
    step = reader.Next(&fields);
    if (step == CsvReader::Step::kEnd) break;
    if (options_.progress && reader.offset() - last_progress > (8u << 20)) {
      options_.progress(bytes_done_ + reader.offset(), bytes_total_);
      last_progress = reader.offset();
    }
    if (step == CsvReader::Step::kError) {
      std::string where(reader.error().message());
      size_t colon = where.find(": ");
      DOSSIER_RETURN_IF_ERROR(BadRow(
          where.substr(0, colon),
          absl::InvalidArgumentError(where.substr(colon + 2))));
      continue;
    }
    std::string where = absl::StrCat(input.path, ":", reader.record_line());
    if (fields.size() != cols.size()) {
      DOSSIER_RETURN_IF_ERROR(BadRow(
          where, absl::InvalidArgumentError(absl::StrCat(
                     "expected ", cols.size(), " fields, found ",
                     fields.size()))));
      continue;
    }
    absl::Status s = nodes ? NodeRow(cols, fields, file_labels)
                           : EdgeRow(cols, fields, file_type);
    if (absl::IsInvalidArgument(s)) {
      DOSSIER_RETURN_IF_ERROR(BadRow(where, s));
    } else if (!s.ok()) {
      return s;
    }
  }
  bytes_done_ += reader.size();
  if (options_.progress) options_.progress(bytes_done_, bytes_total_);
  return absl::OkStatus();
}

absl::Status Loader::WriteIndexes(bulk::SstSink* label, bulk::SstSink* prop) {
  std::sort(label_rows_.begin(), label_rows_.end());
  for (uint64_t row : label_rows_) {
    DOSSIER_RETURN_IF_ERROR(label->Put(
        LabelKey(static_cast<LabelId>(row >> 32),
                 base_node_ + static_cast<uint32_t>(row)),
        {}));
  }
  DOSSIER_RETURN_IF_ERROR(label->Finish());
  std::vector<uint64_t>().swap(label_rows_);
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
  std::string().swap(prop_arena_);
  std::vector<std::pair<uint64_t, uint32_t>>().swap(prop_keys_);
  return absl::OkStatus();
}

// Buckets adj_ by the first key field (counting sort), then sorts each
// bucket by (type, other end, edge): O(E) plus small sorts.
absl::Status Loader::WriteAdjacency(bool out, bulk::SstSink* sink) const {
  std::vector<uint64_t> start(num_nodes_ + 1, 0);
  for (const AdjRow& r : adj_) ++start[(out ? r.src : r.dst) + 1];
  for (uint64_t v = 0; v < num_nodes_; ++v) start[v + 1] += start[v];
  std::vector<uint32_t> order(adj_.size());
  {
    std::vector<uint64_t> fill(start.begin(), start.end() - 1);
    for (uint32_t i = 0; i < adj_.size(); ++i) {
      order[fill[out ? adj_[i].src : adj_[i].dst]++] = i;
    }
  }
  for (uint64_t v = 0; v < num_nodes_; ++v) {
    auto first = order.begin() + start[v], last = order.begin() + start[v + 1];
    if (last - first > 1) {
      std::sort(first, last, [&](uint32_t a, uint32_t b) {
        const AdjRow& x = adj_[a];
        const AdjRow& y = adj_[b];
        uint32_t xo = out ? x.dst : x.src, yo = out ? y.dst : y.src;
        return std::tie(x.type, xo, x.edge) < std::tie(y.type, yo, y.edge);
      });
    }
    for (auto it = first; it != last; ++it) {
      const AdjRow& r = adj_[*it];
      NodeId from = base_node_ + (out ? r.src : r.dst);
      NodeId to = base_node_ + (out ? r.dst : r.src);
      DOSSIER_RETURN_IF_ERROR(
          sink->Put(AdjKey(from, r.type, to, base_edge_ + r.edge), {}));
    }
  }
  return sink->Finish();
}

// The in-adjacency on a second thread while this one writes the label and
// property indexes and the out-adjacency: each goes to its own SST file
// and reads only what the CSV pass left (adj_, the index rows).
absl::Status Loader::WriteSorted() {
  std::unique_ptr<bulk::SstSink> label = Sink(Cf::kLabel, "label");
  std::unique_ptr<bulk::SstSink> prop = Sink(Cf::kProp, "prop");
  std::unique_ptr<bulk::SstSink> out = Sink(Cf::kOut, "out");
  std::unique_ptr<bulk::SstSink> in = Sink(Cf::kIn, "in");
  absl::Status in_status;
  std::thread in_thread(
      [&] { in_status = WriteAdjacency(false, in.get()); });
  absl::Status status = WriteIndexes(label.get(), prop.get());
  if (status.ok()) status = WriteAdjacency(true, out.get());
  in_thread.join();
  DOSSIER_RETURN_IF_ERROR(status);
  DOSSIER_RETURN_IF_ERROR(in_status);
  for (auto* sink : {&label, &prop, &out, &in}) {
    sinks_done_.push_back(std::move(*sink));
  }
  std::vector<AdjRow>().swap(adj_);
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
  report_ = report;
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
  edges_sink_ = Sink(Cf::kEdges, "edges");
  for (const BulkInput& in : nodes) DOSSIER_RETURN_IF_ERROR(LoadFile(in, true));
  for (auto& [name, space] : spaces_) space.MakeDense();
  for (const BulkInput& in : rels) DOSSIER_RETURN_IF_ERROR(LoadFile(in, false));
  spaces_.clear();
  DOSSIER_RETURN_IF_ERROR(nodes_sink_->Finish());
  DOSSIER_RETURN_IF_ERROR(edges_sink_->Finish());
  sinks_done_.push_back(std::move(nodes_sink_));
  sinks_done_.push_back(std::move(edges_sink_));
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
  for (const auto& [id, n] : label_counts_) {
    report->nodes_by_label[store_->catalog().Name(CatalogKind::kLabel, id)] = n;
  }
  for (const auto& [id, n] : type_counts_) {
    report->relationships_by_type[store_->catalog().Name(CatalogKind::kType, id)] = n;
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
