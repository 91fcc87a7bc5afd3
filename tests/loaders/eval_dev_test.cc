// The dev gold set (40 passages in en/fr/vi): who-accused-whom and overall
// relation F1, pinned at what the loaders reach (docs/extraction.md).
// Set DOSSIER_EVAL_VERBOSE=1 to print every false positive and negative.
#include <cstdlib>
#include <iostream>

#include "doctest/doctest.h"
#include "loaders/eval/eval.h"
#include "loaders/extract.h"

namespace dossier::loaders {
namespace {

// Pinned just below the measured figures (docs/extraction.md).
constexpr double kDevAccusesF1 = 0.90;
constexpr double kDevOverallF1 = 0.84;

TEST_CASE("dev gold: who accused whom and overall relation F1") {
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  auto report = Evaluate(**extractor, DOSSIER_SHARED_DIR "/gold/dev.jsonl", "");
  REQUIRE(report.ok());
  std::cout << FormatReport(*report,
                            std::getenv("DOSSIER_EVAL_VERBOSE") != nullptr);
  CHECK(report->problems.empty());
  CHECK(report->documents == 40);
  CHECK(report->accuses_pairs.F1() >= kDevAccusesF1);
  CHECK(report->overall.F1() >= kDevOverallF1);
}

}  // namespace
}  // namespace dossier::loaders
