#include "graph/text_fold.h"

#include <doctest/doctest.h>

namespace dossier::graph {
namespace {

TEST_CASE("folding removes case and diacritics, including đ") {
  CHECK(FoldKey("États-Unis") == "etats-unis");
  CHECK(FoldKey("ETATS-UNIS") == "etats-unis");
  CHECK(FoldKey("Bắc Kinh") == "bac kinh");
  CHECK(FoldKey("Đức") == "duc");
  CHECK(FoldKey("Bộ Công Thương Việt Nam") == "bo cong thuong viet nam");
  CHECK(FoldKey("centre à Bruxelles") == "centre a bruxelles");
  CHECK(FoldKey("Straße") == "strasse");
}

TEST_CASE("folding unifies quotes and dashes and collapses spaces") {
  CHECK(FoldKey("l’Australie") == "l'australie");
  CHECK(FoldKey("  Huawei \t Technologies\n") == "huawei technologies");
  CHECK(FoldKey("Kuala\u00a0Lumpur") == "kuala lumpur");
  CHECK(FoldKey("Rhénanie–Palatinat") == "rhenanie-palatinat");
}

TEST_CASE("NFC composes decomposed text") {
  CHECK(NormalizeNfc("e\u0301") == "\u00e9");
  CHECK(FoldKey("e\u0301tat") == "etat");
}

}  // namespace
}  // namespace dossier::graph
