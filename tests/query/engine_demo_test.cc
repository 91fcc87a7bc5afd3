// The demo query users run first, on a small news graph built by CREATE.
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using V = std::vector<std::string>;

TEST_CASE("the ACCUSES demo query on a small news graph") {
  TestDb db("engine-demo");
  db.Run(
      "CREATE (us:State {name: 'United States', iso2: 'US'}),"
      " (cn:State {name: 'China', iso2: 'CN'}),"
      " (fr:State {name: 'France', iso2: 'FR'}),"
      " (ru:State {name: 'Russia', iso2: 'RU'}),"
      " (art:Article {id: 'a1', title: 'Spies', lang: 'en'}),"
      " (us)-[:ACCUSES {kind: 'espionage', article: 'a1', evidence: 'US accuses China'}]->(cn),"
      " (fr)-[:ACCUSES {kind: 'cyberattack', article: 'a1', evidence: 'France accuses Russia'}]->(ru),"
      " (cn)-[:ACCUSES {kind: 'human_rights', article: 'a1', evidence: 'China accuses the US'}]->(us),"
      " (cn)-[:DENIES]->(us),"
      " (art)-[:MENTIONS]->(us), (art)-[:MENTIONS]->(cn)");
  auto r = db.Run(
      "MATCH (a)-[r:ACCUSES]->(b) RETURN a.name AS accuser, r.kind AS kind, "
      "b.name AS accused ORDER BY accuser, accused");
  CHECK(r.columns == V{"accuser", "kind", "accused"});
  CHECK(Rows(r) == V{"'China' | 'human_rights' | 'United States'",
                     "'France' | 'cyberattack' | 'Russia'",
                     "'United States' | 'espionage' | 'China'"});
  auto who = db.Run(
      "MATCH (a:Article)-[:MENTIONS]->(s:State)<-[:ACCUSES]-(x) "
      "RETURN s.name AS state, collect(x.name) AS accusers ORDER BY state");
  CHECK(Rows(who) == V{"'China' | ['United States']", "'United States' | ['China']"});
}

}  // namespace
}  // namespace dossier::testing
