// A diagnostic, not a check: with DOSSIER_EVAL_DUMP=seeds or =dev, prints
// every sentence of that gold set with its entity mentions in brackets
// ([text|Label|name]) and the relations extracted, to read next to the
// evaluator's false positives and negatives. Does nothing otherwise.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "doctest/doctest.h"
#include "graph/text_fold.h"
#include "loaders/entities/recognize.h"
#include "loaders/eval/gold.h"
#include "loaders/extract.h"
#include "loaders/read/articles.h"
#include "loaders/text/language.h"
#include "loaders/text/sentences.h"

namespace dossier::loaders {
namespace {

TEST_CASE("dump mention-annotated sentences of a gold set (diagnostic)") {
  const char* which = std::getenv("DOSSIER_EVAL_DUMP");
  if (which == nullptr) return;
  std::string set = which;
  std::ifstream in(std::string(DOSSIER_SHARED_DIR "/gold/") + set + ".jsonl");
  std::stringstream ss;
  ss << in.rdbuf();
  auto gold = ParseGold(ss.str());
  REQUIRE(gold.ok());
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  for (const GoldDocument& g : *gold) {
    Document doc;
    if (!g.text.empty()) {
      doc.text = graph::NormalizeNfc(g.text);
      doc.meta.lang = g.lang;
    } else {
      auto read =
          ReadPath(std::string(DOSSIER_SOURCE_DIR "/data/seeds/") + g.doc);
      REQUIRE(read.ok());
      doc = read->docs.front();
    }
    std::string lang =
        doc.meta.lang.empty() ? DetectLanguage(doc.text) : doc.meta.lang;
    auto sentences = SplitSentences(doc.text, lang);
    auto mentions =
        RecognizeEntities((*extractor)->gazetteer(), doc, sentences);
    std::cout << "===== " << (g.doc.empty() ? g.id : g.doc) << " " << lang
              << "\n";
    size_t m = 0;
    for (const Sentence& s : sentences) {
      std::string out;
      size_t pos = s.begin;
      while (m < mentions.size() && mentions[m].end <= s.end) {
        if (mentions[m].begin < pos) {
          ++m;
          continue;
        }
        out += doc.text.substr(pos, mentions[m].begin - pos);
        out += "[" +
               doc.text.substr(mentions[m].begin,
                               mentions[m].end - mentions[m].begin) +
               "|" + mentions[m].label.substr(0, 3) + "|" + mentions[m].name +
               (mentions[m].is_demonym ? "|dem" : "") + "]";
        pos = mentions[m].end;
        ++m;
      }
      out += doc.text.substr(pos, s.end - pos);
      std::cout << "  * " << out << "\n";
    }
    auto facts = (*extractor)->Extract(doc);
    REQUIRE(facts.ok());
    for (const auto& r : facts->relations) {
      std::cout << "  -> " << r.type << " " << r.source << " -> " << r.target
                << " " << r.kind << "\n";
    }
  }
}

}  // namespace
}  // namespace dossier::loaders
