// A diagnostic, not a check (DESIGN §7: figures come from benchmarks, never
// from timed unit tests): with DOSSIER_EXTRACT_SPEED=N set, extracts the
// seed articles N times on one thread and prints MB/s for the whole
// Extract and for the entity layer alone. Does nothing otherwise.
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "loaders/entities/recognize.h"
#include "loaders/extract.h"
#include "loaders/read/articles.h"
#include "loaders/text/language.h"
#include "loaders/text/sentences.h"

namespace dossier::loaders {
namespace {

TEST_CASE("extraction speed on the seed articles (diagnostic)") {
  const char* env = std::getenv("DOSSIER_EXTRACT_SPEED");
  if (env == nullptr) return;
  int rounds = std::max(1, std::atoi(env));
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  std::vector<Document> docs;
  for (const auto& entry : std::filesystem::directory_iterator(
           DOSSIER_SOURCE_DIR "/data/seeds")) {
    auto read = ReadPath(entry.path().string());
    if (!read.ok()) continue;
    for (Document& d : read->docs) {
      if (d.meta.lang.empty()) d.meta.lang = DetectLanguage(d.text);
      docs.push_back(std::move(d));
    }
  }
  REQUIRE(!docs.empty());
  size_t bytes = 0;
  for (const Document& d : docs) bytes += d.text.size();
  using Clock = std::chrono::steady_clock;
  auto mbps = [&](Clock::duration d) {
    double s = std::chrono::duration<double>(d).count();
    return static_cast<double>(bytes) * rounds / s / 1e6;
  };
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  size_t relations = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const Document& d : docs) {
      auto facts = (*extractor)->Extract(d);
      REQUIRE(facts.ok());
      relations += facts->relations.size();
    }
  }
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  size_t mentions = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const Document& d : docs) {
      auto sentences = SplitSentences(d.text, d.meta.lang);
      mentions += RecognizeEntities((*extractor)->gazetteer(), d, sentences).size();
    }
  }
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  auto cpu_mbps = [&](std::clock_t a, std::clock_t b) {
    double s = static_cast<double>(b - a) / CLOCKS_PER_SEC;
    return static_cast<double>(bytes) * rounds / s / 1e6;
  };
  // Wall clock, then CPU time of this process (one thread: per core).
  std::cout << "extract: " << mbps(t1 - t0) << " MB/s wall, "
            << cpu_mbps(c0, c1) << " MB/s cpu; sentences+entities: "
            << mbps(t2 - t1) << " MB/s wall, " << cpu_mbps(c1, c2)
            << " MB/s cpu (" << bytes * rounds << " bytes, "
            << relations << " relations, " << mentions << " mentions)\n";
}

}  // namespace
}  // namespace dossier::loaders
