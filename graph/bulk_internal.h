// Internals of graph/bulk_load: CSV header columns, typed field conversion,
// ID spaces, the parse of a relationship file's byte ranges, memory-mapped
// input files and SST sinks. REQUIRES: used by graph/bulk_*.cc only.
#ifndef DOSSIER_GRAPH_BULK_INTERNAL_H_
#define DOSSIER_GRAPH_BULK_INTERNAL_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/csv_reader.h"
#include "graph/huge_pages.h"
#include "graph/value.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"

namespace dossier::graph::bulk {

enum class Role { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore };
enum class Scalar { kInt, kDouble, kBool, kString };

// One header field.
struct Column {
  Role role = Role::kProperty;
  std::string name;  // Property name (empty for :ID without a name, ...).
  Scalar type = Scalar::kString;
  bool array = false;
  std::string id_space;  // For kId, kStartId, kEndId.
};

// Parses a header record. `where` prefixes errors ("file:1").
// Errors: InvalidArgument for an unknown type or a malformed field.
absl::StatusOr<std::vector<Column>> ParseHeader(
    const std::vector<CsvField>& fields, std::string_view where);

// Converts one field of a property column. An empty unquoted field gives
// null (absent); an empty element of a non-string array is a null element.
// Errors: InvalidArgument naming the column and the text.
absl::Status ConvertField(const Column& column, const CsvField& field,
                          char array_delimiter, Value* out);

// Splits `text` at `delimiter` (an empty text gives no parts).
std::vector<std::string_view> SplitArray(std::string_view text, char delimiter);

// The nodes of one ID space, by their CSV id (local node indexes).
struct IdSpace {
  absl::flat_hash_map<std::string, uint32_t> by_text;
  absl::flat_hash_map<int64_t, uint32_t> by_int;
  // Integer ids in a compact range: dense[id - min] (kNone when unused).
  // Built by MakeDense after the node files, for the relationship lookups.
  static constexpr uint32_t kNone = 0xffffffffu;
  int64_t min = 0;
  HugeVector<uint32_t> dense;  // Read at random: few TLB entries.

  // Moves by_int into `dense` when the ids span at most 4 slots per id.
  void MakeDense();
};

// One relationship of the import: local node indexes of its ends and its
// type (an index into EdgeChunk::types, later a catalog id). Its ordinal is
// its position.
struct AdjRow {
  uint32_t src, dst, type;
};

// Bad rows of a part of the input: all counted, the first messages kept.
struct BadRows {
  uint64_t count = 0;
  std::vector<std::string> messages;  // "file:line[:col]: why"
};

// How the rows of one relationship file are read: its header's columns,
// each with what it needs resolved once per file.
struct EdgeFileSpec {
  std::string path;
  std::vector<Column> columns;
  // Per column: the ID space of kStartId/kEndId (nullptr: no node has it).
  std::vector<const IdSpace*> spaces;
  // Per column: the property key of kProperty.
  std::vector<PropKeyId> keys;
  bool has_file_type = false;   // TYPE=FILE names the type of untyped rows.
  bool has_properties = false;  // Some column is kProperty.
  char delimiter = ',';
  char array_delimiter = ';';
  bool integer_ids = false;
  bool skip_bad_rows = false;
  int max_reported_bad_rows = 100;
};

// What one byte range of a relationship file holds once parsed.
struct EdgeChunk {
  std::string_view data;   // Whole lines of the file.
  int64_t first_line = 1;  // Line number of data's first line.
  // Rows go to rows[0, num_rows); the caller gives room for one row per
  // line (rows.size() > the number of line breaks in data).
  std::span<AdjRow> rows;
  size_t num_rows = 0;
  // Type names in order of first use; "" is the file's type (TYPE=FILE).
  std::vector<std::string> types;
  // With spec.has_properties: the encoded property list of rows[i] is
  // props[props_end[i - 1], props_end[i]) (graph/records.h layout).
  std::string props;
  std::vector<uint64_t> props_end;
  BadRows bad;
  // The error that ends the import, if any: the first bad row when bad
  // rows are not skipped, or a failure that is not about a row.
  absl::Status status;
  std::atomic<uint64_t> bytes_read{0};  // Progress, read by other threads.
};

// Parses chunk->data under `spec` into chunk (rows, types, props, bad rows,
// status). Reads spec's ID spaces only: chunks of one file may be parsed
// on several threads at once. Bad rows are counted and kept in chunk->bad
// with skip_bad_rows; without it the first one ends the parse with its
// message in chunk->status. Fuzzed through this function on any bytes.
void ParseEdgeChunk(const EdgeFileSpec& spec, EdgeChunk* chunk);

// Splits `body` (whole lines) into at most `parts` ranges of whole lines,
// each at least `min_bytes` long except the last. A body holding a quote
// is one range (a quoted field may hold a line break).
std::vector<std::string_view> SplitAtLines(std::string_view body, int parts,
                                           size_t min_bytes);

// Records a bad row at `where` ("file:line"): with `skip`, counts it in
// *bad (keeping `max_kept` messages) and returns OK; without, returns the
// InvalidArgument error that ends the import.
absl::Status RecordBadRow(std::string_view where, const absl::Status& why,
                          bool skip, int max_kept, BadRows* bad);

// RecordBadRow for an error of CsvReader, whose message already begins with
// "file:line:column".
absl::Status RecordReaderError(const absl::Status& error, bool skip,
                               int max_kept, BadRows* bad);

// Looks `text` up in `space` (nullptr: an ID space without nodes). Errors:
// InvalidArgument "unknown <role> '<text>'[ in ID space <name>]".
absl::StatusOr<uint32_t> ResolveId(const IdSpace* space,
                                   std::string_view space_name,
                                   std::string_view text, bool integer_ids,
                                   const char* role);

// A read-only memory map of a whole file.
class MappedFile {
 public:
  // Errors: NotFound when the file is missing; Unavailable on I/O errors.
  static absl::StatusOr<std::unique_ptr<MappedFile>> Open(
      const std::string& path);
  ~MappedFile();
  std::string_view data() const { return {data_, size_}; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Writes one SST file of a column family; keys must come in strictly
// increasing order. Opened at the first Put: a sink without keys leaves no
// file.
class SstSink {
 public:
  SstSink(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string path);
  absl::Status Put(std::string_view key, std::string_view value);
  // Closes the file. Returns OK and leaves path() empty when nothing was put.
  absl::Status Finish();
  const std::string& path() const { return written_; }
  rocksdb::ColumnFamilyHandle* cf() const { return cf_; }
  uint64_t entries() const { return entries_; }

 private:
  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* cf_;
  std::string path_;
  std::string written_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  uint64_t entries_ = 0;
};

}  // namespace dossier::graph::bulk

#endif  // DOSSIER_GRAPH_BULK_INTERNAL_H_
