// Tests for loaders/text/language: seeds and the 40 dev passages.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "loaders/text/language.h"

namespace dossier::loaders {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

TEST_CASE("seed languages") {
  const std::string dir = std::string(DOSSIER_SOURCE_DIR) + "/data/seeds/";
  CHECK(DetectLanguage(Slurp(dir + "000_213851ae49959c44.txt")) == "fr");
  CHECK(DetectLanguage(Slurp(dir + "001_d60f469c9e1ad6ee.txt")) == "fr");
  CHECK(DetectLanguage(Slurp(dir + "002_108a80e4aac9931c.txt")) == "fr");
  CHECK(DetectLanguage(Slurp(dir + "003_e739f60cf9938d85.txt")) == "vi");
  CHECK(DetectLanguage(Slurp(dir + "004_99d60c4f5a05e122.txt")) == "fr");
}

TEST_CASE("the detector agrees with every dev passage") {
  std::ifstream in(std::string(DOSSIER_SHARED_DIR) + "/gold/dev.jsonl");
  REQUIRE(in.good());
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    const std::string text = j.at("text").get<std::string>();
    CAPTURE(j.at("id").get<std::string>());
    CHECK(DetectLanguage(text) == j.at("lang").get<std::string>());
    ++n;
  }
  CHECK(n == 40);
}

TEST_CASE("other languages and noise") {
  CHECK(DetectLanguage("Die Bundesregierung hat heute neue Sanktionen gegen "
                       "mehrere Unternehmen beschlossen, teilte ein Sprecher "
                       "in Berlin mit.") == "de");
  CHECK(DetectLanguage("") == "und");
  CHECK(DetectLanguage("12345 67890") == "und");
  CHECK(DetectLanguage("abc \xFF\xFE def") == "und");
  CHECK(IsSupportedLanguage("vi"));
  CHECK_FALSE(IsSupportedLanguage("de"));
}

}  // namespace
}  // namespace dossier::loaders
