// Internals of graph/bulk_load: CSV header columns, typed field conversion,
// memory-mapped input files and SST sinks. REQUIRES: used by graph/bulk_*.cc
// only.
#ifndef DOSSIER_GRAPH_BULK_INTERNAL_H_
#define DOSSIER_GRAPH_BULK_INTERNAL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/csv_reader.h"
#include "graph/value.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"

namespace dossier::graph::bulk {

enum class Role { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore };
enum class Scalar { kInt, kDouble, kBool, kString };

// One header field.
struct Column {
  Role role = Role::kProperty;
  std::string name;      // Property name (empty for :ID without a name, ...).
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
