// Gherkin parsing: a line-by-line state machine; outlines are expanded when
// the next scenario (or the end of the file) closes them.
#include "tests/tck/gherkin.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tests/tck/text.h"

namespace dossier::tck {
namespace {

// One `Examples:` block of an outline.
struct Examples {
  std::vector<std::string> tags;
  DataTable table;  // header first
  int line = 0;
};

// What the lines being read belong to.
enum class Block { kNone, kBackground, kScenario, kOutline, kExamples };

// Removes `prefix` (a keyword with its colon) from `line`; the rest trimmed.
bool TakeKeyword(std::string_view line, std::string_view prefix,
                 std::string* rest) {
  if (!line.starts_with(prefix)) return false;
  *rest = std::string(Strip(line.substr(prefix.size())));
  return true;
}

// Number of leading whitespace characters.
size_t Indent(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view path)
      : lines_(Split(text, '\n')), path_(path) {
    feature_.path = std::string(path);
  }

  absl::StatusOr<Feature> Run() {
    for (line_no_ = 1; line_no_ <= static_cast<int>(lines_.size());
         ++line_no_) {
      std::string_view raw = lines_[line_no_ - 1];
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (absl::Status s = Line(raw); !s.ok()) return s;
    }
    if (in_doc_) return Error("unterminated doc string");
    if (absl::Status s = CloseScenario(); !s.ok()) return s;
    return std::move(feature_);
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(path_), ":", line_no_, ": ",
                     std::string(what)));
  }

  absl::Status Line(std::string_view raw) {
    std::string_view line = Strip(raw);
    if (in_doc_) return DocLine(raw, line);
    if (line.empty() || line[0] == '#') return absl::OkStatus();
    if (line[0] == '@') {
      for (std::string_view tag : Split(line, ' ')) {
        tag = Strip(tag);
        if (tag.empty()) continue;
        if (tag[0] == '#') break;  // a trailing comment
        tags_.emplace_back(tag);
      }
      return absl::OkStatus();
    }
    if (line[0] == '|') return TableLine(line);
    if (line.substr(0, 3) == "\"\"\"" || line.substr(0, 3) == "```") {
      if (current_step_ == nullptr) return Error("doc string outside a step");
      in_doc_ = true;
      doc_delim_ = std::string(line.substr(0, 3));
      doc_indent_ = Indent(raw);
      doc_lines_.clear();
      return absl::OkStatus();
    }
    std::string rest;
    if (TakeKeyword(line, "Feature:", &rest)) {
      feature_.name = rest;
      feature_.tags = std::exchange(tags_, {});
      return absl::OkStatus();
    }
    if (TakeKeyword(line, "Background:", &rest)) {
      if (absl::Status s = CloseScenario(); !s.ok()) return s;
      block_ = Block::kBackground;
      tags_.clear();
      return absl::OkStatus();
    }
    if (TakeKeyword(line, "Scenario Outline:", &rest) ||
        TakeKeyword(line, "Scenario Template:", &rest)) {
      return OpenScenario(Block::kOutline, rest);
    }
    if (TakeKeyword(line, "Scenario:", &rest) ||
        TakeKeyword(line, "Example:", &rest)) {
      return OpenScenario(Block::kScenario, rest);
    }
    if (TakeKeyword(line, "Examples:", &rest) ||
        TakeKeyword(line, "Scenarios:", &rest)) {
      if (block_ != Block::kOutline && block_ != Block::kExamples) {
        return Error("Examples outside a Scenario Outline");
      }
      block_ = Block::kExamples;
      examples_.push_back(Examples{std::exchange(tags_, {}), {}, line_no_});
      current_step_ = nullptr;
      return absl::OkStatus();
    }
    for (std::string_view kw : {"Given ", "When ", "Then ", "And ", "But ",
                                "* "}) {
      if (line.starts_with(kw)) return StepLine(kw, line);
    }
    // Free text (feature or scenario description): ignored.
    return absl::OkStatus();
  }

  absl::Status StepLine(std::string_view kw, std::string_view line) {
    std::vector<Step>* steps = nullptr;
    switch (block_) {
      case Block::kBackground:
        steps = &background_;
        break;
      case Block::kScenario:
      case Block::kOutline:
        steps = &scenario_.steps;
        break;
      case Block::kNone:
      case Block::kExamples:
        return Error("step outside a scenario");
    }
    Step step;
    step.keyword = std::string(Strip(kw));
    step.text = std::string(Strip(line.substr(kw.size())));
    step.line = line_no_;
    steps->push_back(std::move(step));
    current_step_ = &steps->back();
    return absl::OkStatus();
  }

  absl::Status TableLine(std::string_view line) {
    DataTable* table = nullptr;
    if (block_ == Block::kExamples) {
      table = &examples_.back().table;
    } else if (current_step_ != nullptr) {
      table = &current_step_->table;
    } else {
      return Error("table outside a step or Examples");
    }
    std::vector<std::string> cells = SplitTableRow(line);
    if (!table->empty() && table->front().size() != cells.size()) {
      return Error(absl::StrCat("table row has ", cells.size(),
                                " cells, the first row ",
                                table->front().size()));
    }
    table->push_back(std::move(cells));
    return absl::OkStatus();
  }

  absl::Status DocLine(std::string_view raw, std::string_view line) {
    if (line == doc_delim_) {
      std::string doc;
      for (size_t i = 0; i < doc_lines_.size(); ++i) {
        if (i > 0) doc += '\n';
        doc += doc_lines_[i];
      }
      if (doc_delim_ == "\"\"\"") {
        doc = absl::StrReplaceAll(doc, {{"\\\"\\\"\\\"", "\"\"\""}});
      }
      current_step_->doc_string = std::move(doc);
      in_doc_ = false;
      return absl::OkStatus();
    }
    size_t strip = std::min(Indent(raw), doc_indent_);
    doc_lines_.emplace_back(raw.substr(strip));
    return absl::OkStatus();
  }

  absl::Status OpenScenario(Block block, const std::string& name) {
    if (absl::Status s = CloseScenario(); !s.ok()) return s;
    block_ = block;
    scenario_ = Scenario{};
    scenario_.name = name;
    scenario_.line = line_no_;
    scenario_.tags = feature_.tags;
    for (std::string& t : tags_) scenario_.tags.push_back(std::move(t));
    tags_.clear();
    examples_.clear();
    current_step_ = nullptr;
    return absl::OkStatus();
  }

  // Emits the scenario (or the outline's rows) being read, if any.
  absl::Status CloseScenario() {
    Block block = std::exchange(block_, Block::kNone);
    current_step_ = nullptr;
    if (block == Block::kScenario) {
      feature_.scenarios.push_back(WithBackground(std::move(scenario_)));
      return absl::OkStatus();
    }
    if (block != Block::kOutline && block != Block::kExamples) {
      return absl::OkStatus();
    }
    int index = 0;
    for (const Examples& ex : examples_) {
      if (ex.table.empty()) continue;
      const std::vector<std::string>& header = ex.table.front();
      for (size_t r = 1; r < ex.table.size(); ++r) {
        std::vector<std::pair<std::string, std::string>> subst;
        for (size_t c = 0; c < header.size(); ++c) {
          subst.emplace_back(absl::StrCat("<", header[c], ">"),
                             ex.table[r][c]);
        }
        Scenario s = Substitute(scenario_, subst);
        s.example_index = index++;
        for (const std::string& t : ex.tags) s.tags.push_back(t);
        feature_.scenarios.push_back(WithBackground(std::move(s)));
      }
    }
    if (index == 0) {
      line_no_ = scenario_.line;
      return Error("Scenario Outline without Examples rows");
    }
    return absl::OkStatus();
  }

  static Scenario Substitute(
      const Scenario& tmpl,
      const std::vector<std::pair<std::string, std::string>>& subst) {
    auto apply = [&](const std::string& s) {
      return absl::StrReplaceAll(s, subst);
    };
    Scenario out = tmpl;
    out.name = apply(out.name);
    for (Step& step : out.steps) {
      step.text = apply(step.text);
      if (step.doc_string) step.doc_string = apply(*step.doc_string);
      for (auto& row : step.table) {
        for (std::string& cell : row) cell = apply(cell);
      }
    }
    return out;
  }

  Scenario WithBackground(Scenario s) const {
    if (background_.empty()) return s;
    std::vector<Step> steps = background_;
    for (Step& st : s.steps) steps.push_back(std::move(st));
    s.steps = std::move(steps);
    return s;
  }

  std::vector<std::string_view> lines_;
  std::string_view path_;
  int line_no_ = 0;
  Feature feature_;
  std::vector<std::string> tags_;  // tags waiting for their element
  Block block_ = Block::kNone;
  std::vector<Step> background_;
  Scenario scenario_;               // the scenario or outline being read
  std::vector<Examples> examples_;  // the outline's Examples blocks
  Step* current_step_ = nullptr;    // where tables and doc strings go
  bool in_doc_ = false;
  std::string doc_delim_;
  size_t doc_indent_ = 0;
  std::vector<std::string> doc_lines_;
};

}  // namespace

std::vector<std::string> SplitTableRow(std::string_view line) {
  line = Strip(line);
  std::vector<std::string> cells;
  if (line.empty() || line[0] != '|') return cells;
  std::string cell;
  for (size_t i = 1; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      char n = line[i + 1];
      if (n == '|' || n == '\\') {
        cell += n;
        ++i;
        continue;
      }
      if (n == 'n') {
        cell += '\n';
        ++i;
        continue;
      }
      cell += c;
      continue;
    }
    if (c == '|') {
      cells.emplace_back(Strip(cell));
      cell.clear();
      continue;
    }
    cell += c;
  }
  // Text after the last pipe is not a cell (Gherkin ignores it).
  return cells;
}

absl::StatusOr<Feature> ParseFeature(std::string_view text,
                                     std::string_view path) {
  return Parser(text, path).Run();
}

absl::StatusOr<Feature> ParseFeatureFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream text;
  text << in.rdbuf();
  return ParseFeature(text.str(), path);
}

}  // namespace dossier::tck
