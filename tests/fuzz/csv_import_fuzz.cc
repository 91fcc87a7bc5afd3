// Fuzz target: a relationship file of `dossier import` held in memory ->
// header columns (ParseHeader) -> rows, types, encoded properties and bad
// rows (ParseEdgeChunk), the parse each import thread runs on its byte
// range. The first byte picks the delimiter, string or integer ids,
// whether bad rows are skipped, and into how many ranges (2 to 4) the rows
// are split. Nodes "a", "b", "0".."9" exist in every ID space.
//
// Invariants: no row beyond the room given; every kept message names the
// file; and the ranges parsed one by one give what one pass gives: the
// same rows (types compared by name), properties, bad-row messages, and
// the same first error when bad rows are not skipped.
#include <string>
#include <string_view>
#include <vector>

#include "graph/bulk_internal.h"
#include "graph/csv_reader.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

using dossier::graph::CsvField;
using dossier::graph::CsvReader;
namespace bulk = dossier::graph::bulk;

struct Parsed {
  std::vector<bulk::AdjRow> rows;
  std::vector<std::string> row_types;
  std::vector<std::string> props;  // Per row, when the file has properties.
  bulk::BadRows bad;
  std::string error;  // Message of the status that ended the parse.
};

// Parses `ranges` (consecutive parts of the body starting on `first_line`)
// one after the other and joins the results as the loader does.
Parsed ParseRanges(const bulk::EdgeFileSpec& spec,
                   const std::vector<std::string_view>& ranges,
                   int64_t first_line) {
  Parsed out;
  int64_t line = first_line;
  for (std::string_view range : ranges) {
    bulk::EdgeChunk chunk;
    chunk.data = range;
    chunk.first_line = line;
    size_t lines = 0;
    for (char c : range) lines += c == '\n';
    line += static_cast<int64_t>(lines);
    std::vector<bulk::AdjRow> room(lines + 1);
    chunk.rows = room;
    bulk::ParseEdgeChunk(spec, &chunk);
    DOSSIER_FUZZ_CHECK(chunk.num_rows <= room.size());
    for (size_t i = 0; i < chunk.num_rows; ++i) {
      out.rows.push_back(room[i]);
      DOSSIER_FUZZ_CHECK(room[i].type < chunk.types.size());
      out.row_types.push_back(chunk.types[room[i].type]);
      if (spec.has_properties) {
        DOSSIER_FUZZ_CHECK(chunk.props_end.size() == chunk.num_rows);
        uint64_t begin = i == 0 ? 0 : chunk.props_end[i - 1];
        out.props.push_back(
            chunk.props.substr(begin, chunk.props_end[i] - begin));
      }
    }
    out.bad.count += chunk.bad.count;
    for (const std::string& m : chunk.bad.messages) {
      DOSSIER_FUZZ_CHECK(m.find("fuzz.csv:") == 0);
      out.bad.messages.push_back(m);
    }
    if (!chunk.status.ok()) {
      out.error = std::string(chunk.status.message());
      DOSSIER_FUZZ_CHECK(!out.error.empty());
      break;
    }
  }
  return out;
}

bool SameRows(const Parsed& a, const Parsed& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (size_t i = 0; i < a.rows.size(); ++i) {
    if (a.rows[i].src != b.rows[i].src || a.rows[i].dst != b.rows[i].dst) {
      return false;
    }
  }
  return a.row_types == b.row_types && a.props == b.props;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr char kDelimiters[] = {',', '\t', '|'};
  const uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  CsvReader reader(text, "fuzz.csv", kDelimiters[mode % 3]);
  std::vector<CsvField> header;
  if (reader.Next(&header) != CsvReader::Step::kRecord) return 0;
  absl::StatusOr<std::vector<bulk::Column>> columns =
      bulk::ParseHeader(header, "fuzz.csv:1");
  if (!columns.ok()) return 0;

  bulk::EdgeFileSpec spec;
  spec.path = "fuzz.csv";
  spec.columns = *columns;
  spec.delimiter = kDelimiters[mode % 3];
  spec.integer_ids = (mode / 3) % 2 == 1;
  spec.skip_bad_rows = (mode / 6) % 2 == 1;
  spec.has_file_type = (mode / 12) % 2 == 1;
  spec.max_reported_bad_rows = 1000;
  const int parts = 2 + (mode / 24) % 3;
  // One ID space per name the header uses, each with the same nodes.
  std::vector<bulk::IdSpace> spaces(spec.columns.size());
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    bulk::IdSpace& s = spaces[i];
    uint32_t local = 0;
    for (const char* id : {"a", "b"}) s.by_text.emplace(id, local++);
    for (int d = 0; d < 10; ++d) {
      s.by_text.emplace(std::to_string(d), local);
      s.by_int.emplace(d, local++);
    }
    if (i % 2 == 1) s.MakeDense();
    spec.spaces.push_back(&s);
    spec.keys.push_back(static_cast<uint32_t>(i));
    if (spec.columns[i].role == bulk::Role::kProperty) {
      spec.has_properties = true;
    }
  }

  const std::string_view body = text.substr(reader.offset());
  int64_t first_line = 1;
  for (char c : text.substr(0, reader.offset())) first_line += c == '\n';
  const Parsed whole = ParseRanges(spec, {body}, first_line);
  const std::vector<std::string_view> ranges =
      bulk::SplitAtLines(body, parts, 1);
  size_t covered = 0;
  for (std::string_view r : ranges) {
    DOSSIER_FUZZ_CHECK(r.data() == body.data() + covered);
    covered += r.size();
    if (r.data() + r.size() != body.data() + body.size()) {
      DOSSIER_FUZZ_CHECK(!r.empty() && r.back() == '\n');
    }
  }
  DOSSIER_FUZZ_CHECK(covered == body.size());
  const Parsed split = ParseRanges(spec, ranges, first_line);
  DOSSIER_FUZZ_CHECK(split.error == whole.error);
  DOSSIER_FUZZ_CHECK(split.bad.messages == whole.bad.messages);
  DOSSIER_FUZZ_CHECK(split.bad.count == whole.bad.count);
  if (whole.error.empty()) DOSSIER_FUZZ_CHECK(SameRows(split, whole));
  return 0;
}
