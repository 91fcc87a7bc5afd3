// Tests of the TCK's Gherkin parser, step vocabulary and inventory reader.
#include "tests/tck/gherkin.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/tck/inventory.h"
#include "tests/tck/steps.h"

namespace dossier::tck {
namespace {

const std::string kTck = std::string(DOSSIER_SHARED_DIR) + "/tck";

TEST_CASE("a feature with background, tags, outline, doc strings, tables") {
  const char* text = R"(# a comment
@featuretag
Feature: Demo
  Some description.

  Background:
    Given an empty graph

  @skipStyleCheck
  Scenario: [1] Plain
    And having executed:
      """
      CREATE (:A {s: 'x|y'})
        # not a comment inside a doc string
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    # a comment between steps
    Then the result should be, in any order:
      | n                 | s        |
      | (:A {s: 'x\|y'})  | 'a\\b\n' |
    And no side effects

  Scenario Outline: [2] Outline <op>
    When executing query:
      """
      RETURN <lhs> <op> 2 AS r
      """
    Then the result should be, in order:
      | r        |
      | <result> |

    Examples:
      | lhs | op | result |
      | 1   | +  | 3      |
      | 4   | -  | 2      |

    @extra
    Examples:
      | lhs | op | result |
      | 3   | *  | 6      |
)";
  auto f = ParseFeature(text, "demo.feature");
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  CHECK(f->name == "Demo");
  REQUIRE(f->scenarios.size() == 4);

  const Scenario& plain = f->scenarios[0];
  CHECK(plain.name == "[1] Plain");
  CHECK(plain.example_index == -1);
  CHECK(plain.tags == std::vector<std::string>{"@featuretag", "@skipStyleCheck"});
  REQUIRE(plain.steps.size() == 5);
  CHECK(plain.steps[0].text == "an empty graph");  // from the Background
  CHECK(*plain.steps[1].doc_string ==
        "CREATE (:A {s: 'x|y'})\n  # not a comment inside a doc string");
  REQUIRE(plain.steps[3].table.size() == 2);
  CHECK(plain.steps[3].table[0] == std::vector<std::string>{"n", "s"});
  CHECK(plain.steps[3].table[1][0] == "(:A {s: 'x|y'})");
  CHECK(plain.steps[3].table[1][1] == "'a\\b\n'");

  const Scenario& row2 = f->scenarios[2];
  CHECK(row2.name == "[2] Outline -");
  CHECK(row2.example_index == 1);
  REQUIRE(row2.steps.size() == 3);
  CHECK(*row2.steps[1].doc_string == "RETURN 4 - 2 AS r");
  CHECK(row2.steps[2].table[1][0] == "2");
  CHECK(f->scenarios[3].tags.back() == "@extra");
  CHECK(*f->scenarios[3].steps[1].doc_string == "RETURN 3 * 2 AS r");

  TypedStep result = ClassifyStep(row2.steps[2]);
  CHECK(result.kind == StepKind::kResult);
  CHECK(result.ordered);
  CHECK_FALSE(result.ignore_list_order);
}

TEST_CASE("malformed features are errors") {
  CHECK_FALSE(ParseFeature("Feature: x\n  Given any graph\n", "a").ok());
  CHECK_FALSE(ParseFeature("Feature: x\nScenario: y\n  When executing query:\n"
                           "    \"\"\"\n    RETURN 1\n", "b").ok());
  CHECK_FALSE(ParseFeature("Feature: x\nScenario Outline: y\n  Given any graph\n",
                           "c").ok());
  CHECK_FALSE(ParseFeature("Feature: x\nScenario: y\n  Then the result should "
                           "be, in any order:\n  | a | b |\n  | 1 |\n", "d").ok());
}

TEST_CASE("step vocabulary") {
  auto kind = [](const std::string& text) {
    Step s;
    s.text = text;
    return ClassifyStep(s);
  };
  CHECK(kind("an empty graph").kind == StepKind::kEmptyGraph);
  CHECK(kind("any graph").kind == StepKind::kAnyGraph);
  CHECK(kind("the binary-tree-1 graph").kind == StepKind::kNamedGraph);
  CHECK(kind("the binary-tree-1 graph").arg == "binary-tree-1");
  CHECK(kind("having executed:").kind == StepKind::kHavingExecuted);
  CHECK(kind("parameters are:").kind == StepKind::kParameters);
  CHECK(kind("there exists a procedure test.doNothing() :: ():").kind ==
        StepKind::kProcedure);
  CHECK(kind("executing query:").kind == StepKind::kExecuting);
  CHECK(kind("executing control query:").kind == StepKind::kExecutingControl);
  CHECK(kind("the result should be empty").kind == StepKind::kResultEmpty);
  TypedStep any = kind("the result should be, in any order:");
  CHECK(any.kind == StepKind::kResult);
  CHECK_FALSE(any.ordered);
  TypedStep both =
      kind("the result should be, in order (ignoring element order for lists):");
  CHECK(both.ordered);
  CHECK(both.ignore_list_order);
  TypedStep lists = kind("the result should be (ignoring element order for lists):");
  CHECK_FALSE(lists.ordered);
  CHECK(lists.ignore_list_order);
  CHECK(kind("no side effects").kind == StepKind::kNoSideEffects);
  CHECK(kind("the side effects should be:").kind == StepKind::kSideEffects);
  TypedStep err =
      kind("a ArgumentError should be raised at runtime: NumberOutOfRange");
  CHECK(err.kind == StepKind::kError);
  CHECK(err.error_type == "ArgumentError");
  CHECK(err.error_detail == "NumberOutOfRange");
  CHECK(err.phase == ErrorPhase::kRuntime);
  TypedStep star = kind("a TypeError should be raised at any time: *");
  CHECK(star.phase == ErrorPhase::kAnyTime);
  CHECK(star.error_detail == "*");
  CHECK(kind("something else").kind == StepKind::kUnknown);
}

TEST_CASE("inventory CSV") {
  auto inv = ParseInventory(
      "path,feature,wave,expanded_total\n"
      "a/B.feature,\"B, with comma\",wave2,7\n");
  REQUIRE(inv.ok());
  REQUIRE(inv->count("a/B.feature") == 1);
  CHECK(inv->at("a/B.feature").wave == "wave2");
  CHECK(inv->at("a/B.feature").expanded_total == 7);
}

// Every copied feature file parses into as many scenarios as the inventory
// says, and every step is in the vocabulary.
TEST_CASE("real feature files match the inventory") {
  auto inv = ReadInventory(kTck + "/inventory.csv");
  REQUIRE_MESSAGE(inv.ok(), inv.status().ToString());
  const std::string root = kTck + "/features";
  int files = 0, scenarios = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".feature") continue;
    std::string rel = std::filesystem::relative(entry.path(), root).string();
    auto f = ParseFeatureFile(entry.path().string());
    REQUIRE_MESSAGE(f.ok(), f.status().ToString());
    INFO(rel);
    REQUIRE(inv->count(rel) == 1);
    CHECK(static_cast<int>(f->scenarios.size()) == inv->at(rel).expanded_total);
    for (const Scenario& s : f->scenarios) {
      for (const Step& step : s.steps) {
        INFO(s.name, ": ", step.text);
        CHECK(ClassifyStep(step).kind != StepKind::kUnknown);
      }
    }
    ++files;
    scenarios += static_cast<int>(f->scenarios.size());
  }
  CHECK(files == 208);
  CHECK(scenarios == 2818 + 62);
}

TEST_CASE("outline expansion in Match1 and the Background of Match5") {
  auto m1 = ParseFeatureFile(kTck + "/features/clauses/match/Match1.feature");
  REQUIRE(m1.ok());
  CHECK(m1->scenarios.size() == 86);
  const std::regex kPlaceholder("<[A-Za-z_]+>");
  for (const Scenario& s : m1->scenarios) {
    for (const Step& step : s.steps) {
      if (step.doc_string) {
        CHECK_FALSE(std::regex_search(*step.doc_string, kPlaceholder));
      }
    }
  }
  auto m5 = ParseFeatureFile(kTck + "/features/clauses/match/Match5.feature");
  REQUIRE(m5.ok());
  REQUIRE(m5->scenarios.size() == 29);
  for (const Scenario& s : m5->scenarios) {
    REQUIRE(s.steps.size() >= 2);
    CHECK(ClassifyStep(s.steps[0]).kind == StepKind::kEmptyGraph);
    CHECK(ClassifyStep(s.steps[1]).kind == StepKind::kHavingExecuted);
  }
}

}  // namespace
}  // namespace dossier::tck
