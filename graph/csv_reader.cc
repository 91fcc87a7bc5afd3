#include "graph/csv_reader.h"

#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace dossier::graph {

CsvReader::CsvReader(std::string_view data, std::string file, char delimiter,
                     int64_t first_line)
    : data_(data), file_(std::move(file)), delimiter_(delimiter),
      line_(first_line) {}

CsvReader::Step CsvReader::Fail(int64_t line, int64_t column,
                                std::string_view message) {
  record_line_ = line;
  error_ = absl::InvalidArgumentError(
      absl::StrCat(file_, ":", line, ":", column, ": ", std::string(message)));
  return Step::kError;
}

void CsvReader::SkipLine(size_t pos) {
  const char* nl = pos < data_.size()
                       ? static_cast<const char*>(std::memchr(
                             data_.data() + pos, '\n', data_.size() - pos))
                       : nullptr;
  pos_ = nl == nullptr ? data_.size() : static_cast<size_t>(nl - data_.data()) + 1;
  if (nl != nullptr) {
    ++line_;
    line_start_ = pos_;
  }
}

CsvReader::Step CsvReader::Next(std::vector<CsvField>* fields) {
  fields->clear();
  spans_.clear();
  scratch_.clear();
  const size_t n = data_.size();
  const char* d = data_.data();
  // Blank lines hold no record.
  while (pos_ < n) {
    if (d[pos_] == '\n') {
      ++pos_;
      ++line_;
      line_start_ = pos_;
    } else if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') {
      ++pos_;
    } else {
      break;
    }
  }
  if (pos_ >= n) return Step::kEnd;
  record_line_ = line_;

  while (true) {
    if (pos_ < n && d[pos_] == '"') {
      const size_t open = pos_;
      const int64_t open_line = line_;
      const size_t open_line_start = line_start_;
      size_t start = ++pos_;
      bool doubled = false;
      size_t close = n;
      while (pos_ < n) {
        char c = d[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && d[pos_ + 1] == '"') {
            doubled = true;
            pos_ += 2;
            continue;
          }
          close = pos_;
          ++pos_;
          break;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = pos_ + 1;
        }
        ++pos_;
      }
      if (close == n) {
        // Resume at the line after the opening quote.
        line_ = open_line;
        line_start_ = open_line_start;
        SkipLine(open);
        return Fail(open_line, static_cast<int64_t>(open - open_line_start) + 1,
                    "unterminated quoted field (unbalanced quote)");
      }
      if (!doubled) {
        spans_.push_back({start, close - start, false, true});
      } else {
        size_t at = scratch_.size();
        for (size_t i = start; i < close; ++i) {
          scratch_.push_back(d[i]);
          if (d[i] == '"') ++i;  // "" -> "
        }
        spans_.push_back({at, scratch_.size() - at, true, true});
      }
      bool ends = pos_ >= n || d[pos_] == delimiter_ || d[pos_] == '\n' ||
                  (d[pos_] == '\r' && (pos_ + 1 >= n || d[pos_ + 1] == '\n'));
      if (!ends) {
        int64_t line = line_;
        int64_t column = static_cast<int64_t>(pos_ - line_start_) + 1;
        SkipLine(pos_);
        return Fail(line, column, "unexpected text after a closing quote");
      }
      if (pos_ < n && d[pos_] == '\r') ++pos_;
    } else {
      size_t start = pos_;
      while (pos_ < n && d[pos_] != delimiter_ && d[pos_] != '\n') ++pos_;
      size_t end = pos_;
      if ((pos_ >= n || d[pos_] == '\n') && end > start && d[end - 1] == '\r') {
        --end;
      }
      spans_.push_back({start, end - start, false, false});
    }
    if (pos_ < n && d[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    if (pos_ < n) {  // '\n'
      ++pos_;
      ++line_;
      line_start_ = pos_;
    }
    break;
  }
  fields->reserve(spans_.size());
  for (const Span& s : spans_) {
    std::string_view text = s.in_scratch
                                ? std::string_view(scratch_).substr(s.begin, s.size)
                                : data_.substr(s.begin, s.size);
    fields->push_back(CsvField{text, s.quoted});
  }
  return Step::kRecord;
}

}  // namespace dossier::graph
