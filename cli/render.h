// Rendering results: table, csv, tsv, json, jsonl, markdown.
//
// json / jsonl follow DESIGN §6: rows are objects keyed by column name in
// column order; nodes, relationships and paths take the APOC export form;
// ids are decimal strings; integers exact; NaN and ±Inf as strings.
#ifndef DOSSIER_CLI_RENDER_H_
#define DOSSIER_CLI_RENDER_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "dossier/result.h"
#include "nlohmann/json.hpp"

namespace dossier::cli {

enum class Format { kTable, kCsv, kTsv, kJson, kJsonl, kMarkdown };

// Parses a --format name; nullopt when unknown.
std::optional<Format> ParseFormat(std::string_view name);

// Writes the rows of `result` from its current one on (consuming it) to
// `out` in `format`. Table and markdown end with a row count line when
// `footer` is set. Returns the error that ended a streamed result early:
// csv, tsv, json (a closed array), jsonl and markdown have then written the
// rows before it, a table nothing.
absl::Status Render(Result& result, Format format, std::ostream& out,
                    bool footer = true);

// The display text of a value in table/csv/tsv cells: strings bare at the
// top level, quoted inside lists and maps; nodes as (:Label {k: v}).
std::string CellText(const Result& result, const Value& value);

// The JSON form of a value (APOC form for entities).
nlohmann::ordered_json ToJson(const Result& result, const Value& value);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_RENDER_H_
