// CsvReader: an RFC 4180 reader over a byte buffer.
//
// Fields are separated by one delimiter byte (',' by default) and records by
// LF or CRLF. A field may be quoted with '"': inside quotes the delimiter and
// line breaks are data and '""' is one quote. A quote inside an unquoted field
// is data. Lines holding nothing are skipped. The reader never allocates per
// field for unquoted data: fields are views into the buffer (quoted fields with
// doubled quotes are unescaped into a scratch buffer).
//
// Errors carry file:line:column (1-based; the column counts bytes): an
// unterminated quote (reported at the opening quote; reading resumes at the
// line after it) and bytes after a closing quote (reading resumes at the next
// record). After an error, Next() may be called again to continue.
//
// Thread safety: one thread at a time. Fuzzed through Next() on any bytes.
#ifndef DOSSIER_GRAPH_CSV_READER_H_
#define DOSSIER_GRAPH_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace dossier::graph {

struct CsvField {
  std::string_view text;
  bool quoted = false;  // Written in quotes ("" is an empty string, not absent).
};

class CsvReader {
 public:
  enum class Step { kRecord, kEnd, kError };

  // `data` must outlive the reader; `file` names it in errors. `first_line`
  // numbers the line `data` starts with (a part of a file that begins at a
  // line start).
  CsvReader(std::string_view data, std::string file, char delimiter = ',',
            int64_t first_line = 1);

  // Reads the next record into *fields (cleared first). kRecord: fields hold
  // the record, views valid until the next call; kEnd: no more records;
  // kError: error() describes the bad record, which is skipped.
  Step Next(std::vector<CsvField>* fields);

  // The error of the last kError step: InvalidArgument "file:line:col: ...".
  const absl::Status& error() const { return error_; }
  // 1-based line on which the last record (or error) began.
  int64_t record_line() const { return record_line_; }
  // Bytes consumed so far (for progress).
  size_t offset() const { return pos_; }
  size_t size() const { return data_.size(); }
  const std::string& file() const { return file_; }

 private:
  Step Fail(int64_t line, int64_t column, std::string_view message);
  // Skips to the byte after the next line break at or after `pos`.
  void SkipLine(size_t pos);

  std::string_view data_;
  std::string file_;
  char delimiter_;
  size_t pos_ = 0;
  int64_t line_ = 1;         // Line of data_[pos_].
  size_t line_start_ = 0;    // Offset where line_ begins.
  int64_t record_line_ = 0;
  absl::Status error_;
  std::string scratch_;
  struct Span {
    size_t begin;
    size_t size;
    bool in_scratch;
    bool quoted;
  };
  std::vector<Span> spans_;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_CSV_READER_H_
