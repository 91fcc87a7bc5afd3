// A parser of Gherkin feature files, as far as the openCypher TCK uses them.
//
// Understood: `Feature:`, `Background:`, `Scenario:` (or `Example:`),
// `Scenario Outline:` (or `Scenario Template:`) with one or more `Examples:`
// (or `Scenarios:`) tables, tags (`@name` lines), comments (`#` lines outside
// doc strings), steps (Given/When/Then/And/But/*), doc strings (`"""` or
// ```` ``` ````, indentation of the opening delimiter removed) and data tables
// (`| a | b |`, with Gherkin's cell escapes `\|`, `\\` and `\n`).
//
// Outlines come back expanded: one Scenario per Examples row, `<name>`
// placeholders replaced in the scenario name, step texts, doc strings and
// table cells. Background steps are prepended to every scenario's steps, so
// a Scenario is self-contained.
#ifndef DOSSIER_TESTS_TCK_GHERKIN_H_
#define DOSSIER_TESTS_TCK_GHERKIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::tck {

// A data table: rows of trimmed, unescaped cells (the header, if the step
// has one, is row 0).
using DataTable = std::vector<std::vector<std::string>>;

// One step, keyword and text separated ("Given", "an empty graph").
struct Step {
  std::string keyword;                    // Given, When, Then, And, But or *
  std::string text;                       // after the keyword, trimmed
  std::optional<std::string> doc_string;  // the `"""` block, if any
  DataTable table;                        // empty when the step has none
  int line = 0;                           // 1-based line of the keyword
};

// One runnable scenario (a plain Scenario or one row of an outline).
struct Scenario {
  std::string name;               // title, placeholders substituted
  std::vector<std::string> tags;  // feature, scenario and Examples tags
  std::vector<Step> steps;        // Background steps first
  int line = 0;                   // line of the Scenario keyword
  // For outline rows: 0-based index of the row among all Examples rows of
  // the outline; -1 for a plain Scenario.
  int example_index = -1;
};

// A parsed feature file.
struct Feature {
  std::string path;  // as given to the parser
  std::string name;  // the text after `Feature:`
  std::vector<std::string> tags;
  std::vector<Scenario> scenarios;  // outlines expanded, in file order
};

// Parses the text of a feature file; `path` is used in error messages only.
// Errors: InvalidArgument naming path and line for a step outside a
// scenario, an unterminated doc string, an outline without Examples rows or
// a row whose cell count differs from its header.
absl::StatusOr<Feature> ParseFeature(std::string_view text,
                                     std::string_view path);

// Reads and parses a feature file. Errors: NotFound when it cannot be read,
// otherwise as ParseFeature.
absl::StatusOr<Feature> ParseFeatureFile(const std::string& path);

// Splits a table row (`| a | b\|c |`) into unescaped, trimmed cells.
std::vector<std::string> SplitTableRow(std::string_view line);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_GHERKIN_H_
