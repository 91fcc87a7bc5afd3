// The rows of relationship files (a byte range at a time), ID spaces and
// bad-row bookkeeping of the bulk loader.
#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_internal.h"
#include "graph/records.h"
#include "graph/status_macros.h"

namespace dossier::graph::bulk {

void IdSpace::MakeDense() {
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

absl::Status RecordBadRow(std::string_view where, const absl::Status& why,
                          bool skip, int max_kept, BadRows* bad) {
  std::string msg = absl::StrCat(std::string(where), ": ", why.message());
  if (!skip) {
    return absl::InvalidArgumentError(absl::StrCat(
        msg, " (nothing imported; --skip-bad-rows skips bad rows)"));
  }
  ++bad->count;
  if (static_cast<int>(bad->messages.size()) < max_kept) {
    bad->messages.push_back(std::move(msg));
  }
  return absl::OkStatus();
}

absl::Status RecordReaderError(const absl::Status& error, bool skip,
                               int max_kept, BadRows* bad) {
  const std::string msg(error.message());
  const size_t colon = msg.find(": ");
  return RecordBadRow(msg.substr(0, colon),
                      absl::InvalidArgumentError(msg.substr(colon + 2)), skip,
                      max_kept, bad);
}

absl::StatusOr<uint32_t> ResolveId(const IdSpace* space,
                                   std::string_view space_name,
                                   std::string_view text, bool integer_ids,
                                   const char* role) {
  if (space != nullptr) {
    if (integer_ids) {
      int64_t v;
      if (absl::SimpleAtoi(absl::string_view(text.data(), text.size()), &v)) {
        if (!space->dense.empty()) {
          uint64_t at =
              static_cast<uint64_t>(v) - static_cast<uint64_t>(space->min);
          if (at < space->dense.size() && space->dense[at] != IdSpace::kNone) {
            return space->dense[at];
          }
        } else if (auto it = space->by_int.find(v); it != space->by_int.end()) {
          return it->second;
        }
      }
    } else {
      auto it =
          space->by_text.find(absl::string_view(text.data(), text.size()));
      if (it != space->by_text.end()) return it->second;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown ", role, " '", std::string(text), "'",
      space_name.empty()
          ? ""
          : absl::StrCat(" in ID space ", std::string(space_name))));
}

std::vector<std::string_view> SplitAtLines(std::string_view body, int parts,
                                           size_t min_bytes) {
  std::vector<std::string_view> out;
  if (parts <= 1 || body.size() < 2 * std::max<size_t>(min_bytes, 1) ||
      std::memchr(body.data(), '"', body.size()) != nullptr) {
    out.push_back(body);
    return out;
  }
  const size_t step = std::max(body.size() / parts, min_bytes);
  size_t begin = 0;
  while (begin < body.size()) {
    size_t end = begin + step;
    if (static_cast<int>(out.size()) == parts - 1 || end >= body.size()) {
      end = body.size();
    } else {
      const char* nl = static_cast<const char*>(
          std::memchr(body.data() + end, '\n', body.size() - end));
      end = nl == nullptr ? body.size() : nl - body.data() + 1;
    }
    out.push_back(body.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

namespace {

// Reads one row into chunk; InvalidArgument for a bad row.
class EdgeRowReader {
 public:
  EdgeRowReader(const EdgeFileSpec& spec, EdgeChunk* chunk)
      : spec_(spec), chunk_(chunk) {
    if (spec.has_file_type) {
      chunk->types.emplace_back();
      type_index_.emplace("", 0);
    }
  }

  absl::Status Row(const std::vector<CsvField>& f) {
    props_.clear();
    uint32_t src = 0, dst = 0;
    uint32_t type = spec_.has_file_type ? 0 : kNoType;
    for (size_t i = 0; i < spec_.columns.size(); ++i) {
      const Column& c = spec_.columns[i];
      switch (c.role) {
        case Role::kStartId: {
          DOSSIER_ASSIGN_OR_RETURN(
              src, ResolveId(spec_.spaces[i], c.id_space, f[i].text,
                             spec_.integer_ids, ":START_ID"));
          break;
        }
        case Role::kEndId: {
          DOSSIER_ASSIGN_OR_RETURN(
              dst, ResolveId(spec_.spaces[i], c.id_space, f[i].text,
                             spec_.integer_ids, ":END_ID"));
          break;
        }
        case Role::kType:
          if (!f[i].text.empty()) type = TypeIndex(f[i].text);
          break;
        case Role::kProperty: {
          Value v;
          DOSSIER_RETURN_IF_ERROR(
              ConvertField(c, f[i], spec_.array_delimiter, &v));
          if (!v.is_null()) SetProperty(&props_, spec_.keys[i], std::move(v));
          break;
        }
        case Role::kId:
        case Role::kLabel:
        case Role::kIgnore:
          break;
      }
    }
    if (type == kNoType) {
      return absl::InvalidArgumentError(
          "no relationship type (empty :TYPE and no TYPE=FILE)");
    }
    if (chunk_->types.size() > 65536) {
      return absl::ResourceExhaustedError("too many relationship types");
    }
    if (spec_.has_properties) {
      const size_t before = chunk_->props.size();
      absl::Status s = AppendPropertyList(props_, &chunk_->props);
      if (!s.ok()) {
        chunk_->props.resize(before);
        return s;
      }
      chunk_->props_end.push_back(chunk_->props.size());
    }
    if (chunk_->num_rows == chunk_->rows.size()) {
      return absl::InternalError("more relationship rows than lines");
    }
    chunk_->rows[chunk_->num_rows++] = AdjRow{src, dst, type};
    return absl::OkStatus();
  }

 private:
  static constexpr uint32_t kNoType = 0xffffffffu;

  uint32_t TypeIndex(std::string_view name) {
    auto it = type_index_.find(absl::string_view(name.data(), name.size()));
    if (it != type_index_.end()) return it->second;
    const uint32_t index = static_cast<uint32_t>(chunk_->types.size());
    chunk_->types.emplace_back(name);
    type_index_.emplace(std::string(name), index);
    return index;
  }

  const EdgeFileSpec& spec_;
  EdgeChunk* chunk_;
  absl::flat_hash_map<std::string, uint32_t> type_index_;
  PropertyList props_;
};

}  // namespace

void ParseEdgeChunk(const EdgeFileSpec& spec, EdgeChunk* chunk) {
  CsvReader reader(chunk->data, spec.path, spec.delimiter, chunk->first_line);
  EdgeRowReader rows(spec, chunk);
  std::vector<CsvField> fields;
  size_t last_progress = 0;
  while (true) {
    CsvReader::Step step = reader.Next(&fields);
    if (step == CsvReader::Step::kEnd) break;
    if (reader.offset() - last_progress > (4u << 20)) {
      last_progress = reader.offset();
      chunk->bytes_read.store(last_progress, std::memory_order_relaxed);
    }
    absl::Status s;
    if (step == CsvReader::Step::kError) {
      // "file:line:col: why" — the position stays in the message.
      s = RecordReaderError(reader.error(), spec.skip_bad_rows,
                            spec.max_reported_bad_rows, &chunk->bad);
    } else if (fields.size() != spec.columns.size()) {
      s = RecordBadRow(absl::StrCat(spec.path, ":", reader.record_line()),
                       absl::InvalidArgumentError(
                           absl::StrCat("expected ", spec.columns.size(),
                                        " fields, found ", fields.size())),
                       spec.skip_bad_rows, spec.max_reported_bad_rows,
                       &chunk->bad);
    } else {
      s = rows.Row(fields);
      if (absl::IsInvalidArgument(s)) {
        s = RecordBadRow(absl::StrCat(spec.path, ":", reader.record_line()), s,
                         spec.skip_bad_rows, spec.max_reported_bad_rows,
                         &chunk->bad);
      }
    }
    if (!s.ok()) {
      chunk->status = std::move(s);
      break;
    }
  }
  chunk->bytes_read.store(chunk->data.size(), std::memory_order_relaxed);
}

}  // namespace dossier::graph::bulk
