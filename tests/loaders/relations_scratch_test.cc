#include <iostream>
#include "relations_fixture.h"
namespace dossier::loaders {
TEST_CASE("scratch") {
  const char* t = std::getenv("SCRATCH_TEXT");
  const char* l = std::getenv("SCRATCH_LANG");
  if (!t) return;
  for (auto& r : testing::Relations(t, l ? l : "fr")) std::cout << r << "\n";
}
}
#include <chrono>
#include <fstream>
#include <sstream>
#include "loaders/read/articles.h"
#include "loaders/text/sentences.h"
#include "loaders/entities/recognize.h"
#include "loaders/relations/relations.h"
namespace dossier::loaders {
TEST_CASE("scratch speed") {
  if (!std::getenv("SCRATCH_SPEED")) return;
  auto ex = Extractor::Create({});
  REQUIRE(ex.ok());
  auto read = ReadPath(DOSSIER_SOURCE_DIR "/data/seeds");
  REQUIRE(read.ok());
  size_t bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int rep = 0; rep < 100; ++rep)
    for (auto& d : read->docs) { auto f = (*ex)->Extract(d); bytes += d.text.size(); }
  double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << bytes / sec / 1e6 << " MB/s\n";
  // Components.
  double t_sent = 0, t_ent = 0, t_rel = 0, t_coll = 0;
  for (int rep = 0; rep < 100; ++rep)
    for (auto& d : read->docs) {
      auto a = std::chrono::steady_clock::now();
      auto sents = SplitSentences(d.text, d.meta.lang);
      auto b = std::chrono::steady_clock::now();
      auto ms = RecognizeEntities((*ex)->gazetteer(), d, sents);
      auto c = std::chrono::steady_clock::now();
      auto rs = ExtractRelations(d.text, d.meta.lang, sents, ms);
      auto e = std::chrono::steady_clock::now();
      auto es = CollectEntities(d, ms);
      auto f = std::chrono::steady_clock::now();
      t_sent += std::chrono::duration<double>(b - a).count();
      t_ent += std::chrono::duration<double>(c - b).count();
      t_rel += std::chrono::duration<double>(e - c).count();
      t_coll += std::chrono::duration<double>(f - e).count();
    }
  std::cout << "sentences " << t_sent << " entities " << t_ent << " relations " << t_rel << " collect " << t_coll << "\n";
}
}
