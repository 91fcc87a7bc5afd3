// The evaluator's scoring on a small invented gold file: entities matched by
// alias, kinds counted, DENIES scored denier → accuser, errors listed.
#include <fstream>
#include <string>

#include "doctest/doctest.h"
#include "loaders/eval/eval.h"
#include "loaders/eval/gold.h"
#include "loaders/extract.h"

namespace dossier::loaders {
namespace {

TEST_CASE("gold parsing rejects records without doc or text") {
  CHECK_FALSE(ParseGold("{\"lang\":\"fr\"}\n").ok());
  CHECK_FALSE(ParseGold("not json\n").ok());
  auto ok = ParseGold(
      "\n{\"text\":\"x\",\"lang\":\"en\",\"entities\":[],"
      "\"relations\":[]}\n");
  REQUIRE(ok.ok());
  CHECK(ok->size() == 1);
}

TEST_CASE("scores: alias matching, kinds, denials, errors") {
  std::string path = DOSSIER_TEST_TMP "/eval_scoring_gold.jsonl";
  std::ofstream out(path);
  out << R"({"id":"t1","lang":"en","text":"Australia accused Russia of hacking the network. Russia denied the allegations.",)"
      << R"("entities":[{"name":"Australia","label":"State","aliases":["Australia"]},)"
      << R"({"name":"Russian Federation","label":"State","aliases":["Russia"]}],)"
      << R"("relations":[{"type":"ACCUSES","source":"Australia","target":"Russian Federation","kind":"cyberattack","evidence":"x"},)"
      << R"({"type":"DENIES","source":"Russian Federation","target":"Australia","kind":"cyberattack","evidence":"y"},)"
      << R"({"type":"SANCTIONS","source":"Australia","target":"Russian Federation","evidence":"z"}]})"
      << "\n";
  out.close();
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  auto report = Evaluate(**extractor, path, "");
  REQUIRE(report.ok());
  CHECK(report->documents == 1);
  CHECK(report->accuses_pairs.tp == 1);
  CHECK(report->accuses_with_kind.tp == 1);
  CHECK(report->by_type["DENIES"].tp == 1);
  CHECK(report->by_type["SANCTIONS"].fn == 1);
  REQUIRE(report->false_negatives.size() == 1);
  CHECK(report->false_negatives[0].type == "SANCTIONS");
  std::string text = FormatReport(*report, true);
  CHECK(text.find("who-accused-whom") != std::string::npos);
  CHECK(text.find("SANCTIONS Australia -> Russian Federation") !=
        std::string::npos);
}

TEST_CASE("a missing gold file is NotFound") {
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  auto report =
      Evaluate(**extractor, DOSSIER_TEST_TMP "/no_such_gold.jsonl", "");
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier::loaders
