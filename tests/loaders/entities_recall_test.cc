// Entity recall on real data: the seed articles and the dev passages,
// against their gold entities (../shared/gold).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/entities/gazetteer.h"
#include "loaders/entities/recognize.h"
#include "loaders/text/sentences.h"
#include "nlohmann/json.hpp"

namespace dossier::loaders {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Gazetteer& TheGazetteer() {
  static const Gazetteer* g = [] {
    auto made = Gazetteer::Create({});
    REQUIRE(made.ok());
    return made->release();
  }();
  return *g;
}

std::vector<graph::FactEntity> Extract(const std::string& text,
                                       const std::string& lang) {
  Document doc;
  doc.meta.lang = lang;
  doc.text = graph::NormalizeNfc(text);
  std::vector<Sentence> sentences = SplitSentences(doc.text, lang);
  std::vector<Mention> mentions =
      RecognizeEntities(TheGazetteer(), doc, sentences);
  return CollectEntities(doc, mentions);
}

// A gold entity is found when an extracted entity of the same label shares
// its Wikidata id, its folded name, or one folded surface form.
bool Found(const nlohmann::json& gold,
           const std::vector<graph::FactEntity>& got) {
  std::string label = gold["label"];
  std::string name = graph::FoldKey(gold["name"].get<std::string>());
  std::string wd = gold.value("wikidata", "");
  std::vector<std::string> aliases;
  for (const auto& a : gold["aliases"]) {
    aliases.push_back(graph::FoldKey(a.get<std::string>()));
  }
  for (const graph::FactEntity& e : got) {
    if (e.label != label) continue;
    if (!wd.empty() && e.wikidata == wd) return true;
    if (graph::FoldKey(e.name) == name) return true;
    for (const std::string& s : e.aliases) {
      std::string f = graph::FoldKey(s);
      for (const std::string& a : aliases) {
        if (f == a) return true;
      }
      if (f == name) return true;
    }
  }
  return false;
}

struct Tally {
  int found = 0, total = 0;
  double Recall() const { return total == 0 ? 1.0 : double(found) / total; }
};

void Score(const nlohmann::json& doc, const std::vector<graph::FactEntity>& got,
           Tally* state_org, Tally* person, std::string* missed) {
  for (const auto& e : doc["entities"]) {
    std::string label = e["label"];
    Tally* t = label == "Person" ? person
               : (label == "State" || label == "Organisation") ? state_org
                                                               : nullptr;
    if (t == nullptr) continue;
    ++t->total;
    if (Found(e, got)) {
      ++t->found;
    } else {
      *missed += label + ":" + e["name"].get<std::string>() + "; ";
    }
  }
}

TEST_CASE("seed articles: State/Organisation recall per seed") {
  std::ifstream gold(std::string(DOSSIER_SHARED_DIR) + "/gold/seeds.jsonl");
  REQUIRE(gold.good());
  std::string line;
  Tally all_so, all_person;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    nlohmann::json doc = nlohmann::json::parse(line);
    std::string text = ReadFile(std::string(DOSSIER_SOURCE_DIR) +
                                "/data/seeds/" + doc["doc"].get<std::string>());
    REQUIRE(!text.empty());
    auto got = Extract(text, doc["lang"]);
    Tally so, person;
    std::string missed;
    Score(doc, got, &so, &person, &missed);
    std::printf("seed %s: State/Org %d/%d, Person %d/%d; missed: %s\n",
                doc["doc"].get<std::string>().c_str(), so.found, so.total,
                person.found, person.total, missed.c_str());
    CHECK(so.Recall() >= 0.8);
    all_so.found += so.found;
    all_so.total += so.total;
    all_person.found += person.found;
    all_person.total += person.total;
  }
  std::printf("seeds: State/Org recall %.3f, Person recall %.3f\n",
              all_so.Recall(), all_person.Recall());
  CHECK(all_so.Recall() >= 0.9);
  CHECK(all_person.Recall() >= 0.6);
}

TEST_CASE("dev passages: entity recall") {
  std::ifstream gold(std::string(DOSSIER_SHARED_DIR) + "/gold/dev.jsonl");
  REQUIRE(gold.good());
  std::string line;
  Tally so, person;
  std::string missed;
  int docs = 0;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    nlohmann::json doc = nlohmann::json::parse(line);
    auto got = Extract(doc["text"], doc["lang"]);
    std::string doc_missed;
    Score(doc, got, &so, &person, &doc_missed);
    if (!doc_missed.empty()) {
      missed += doc["id"].get<std::string>() + ": " + doc_missed + "\n";
    }
    ++docs;
  }
  std::printf("dev (%d passages): State/Org recall %.3f (%d/%d), Person "
              "recall %.3f (%d/%d)\nmissed:\n%s",
              docs, so.Recall(), so.found, so.total, person.Recall(),
              person.found, person.total, missed.c_str());
  CHECK(docs == 40);
  CHECK(so.Recall() >= 0.8);
  CHECK(person.Recall() >= 0.7);
}

}  // namespace
}  // namespace dossier::loaders
