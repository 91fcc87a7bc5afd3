// Lexicon files: loading extra files, errors naming file:line.
#include <fstream>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "loaders/entities/gazetteer.h"

namespace dossier::loaders {
namespace {

std::string Write(const std::string& name, const std::string& content) {
  std::string path = std::string(DOSSIER_TEST_TMP) + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST_CASE("an extra lexicon file adds entities") {
  std::string path = Write("extra_lexicon.tsv",
                           "# test\nOrganisation\tQuillon Systems\t\tcompany\tFR\t"
                           "Quillon|=QS\t\n");
  std::vector<std::string> paths{path};
  auto g = Gazetteer::Create(paths);
  REQUIRE(g.ok());
  auto ms = (*g)->Match("Quillon a vendu des routeurs. qs ne compte pas.");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].name == "Quillon Systems");
  CHECK(ms[0].home_state_key == "wd:Q142");
}

TEST_CASE("a bad lexicon line is reported as file:line") {
  std::string path = Write("bad_lexicon.tsv",
                           "# comment\nOrganisation\tGood\t\tcompany\t\t\t\n"
                           "Organisation\tBad\tX12\tcompany\t\t\t\n");
  std::vector<std::string> paths{path};
  auto g = Gazetteer::Create(paths);
  REQUIRE(!g.ok());
  CHECK(g.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(g.status().message()).find(path + ":3:") != std::string::npos);
}

TEST_CASE("unknown labels, extra columns and dangling references fail") {
  using Files = std::vector<std::pair<std::string, std::string>>;
  Files bad_label{{"a.tsv", "Country\tX\t\t\t\t\t\n"}};
  auto g1 = Gazetteer::CreateFromTexts(bad_label);
  REQUIRE(!g1.ok());
  CHECK(std::string(g1.status().message()).find("a.tsv:1:") != std::string::npos);
  Files extra{{"b.tsv", "State\tX\t\t\tXX\t\t\textra\n"}};
  CHECK(!Gazetteer::CreateFromTexts(extra).ok());
  Files dangling{{"c.tsv", "Demonym\tNowhere\t\t\tZZ\tnowherian\t\n"}};
  auto g3 = Gazetteer::CreateFromTexts(dangling);
  REQUIRE(!g3.ok());
  CHECK(std::string(g3.status().message()).find("c.tsv:1:") != std::string::npos);
}

TEST_CASE("missing file is NotFound") {
  std::vector<std::string> paths{"/nonexistent/lexicon.tsv"};
  auto g = Gazetteer::Create(paths);
  REQUIRE(!g.ok());
  CHECK(g.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier::loaders
