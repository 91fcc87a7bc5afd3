#include "graph/ingest.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "graph/facts_json.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::RawDump;
using testing::TempDir;

FactEntity Entity(std::string key, std::string label, std::string name,
                  std::vector<std::string> aliases, std::string wd = "") {
  FactEntity e;
  e.key = std::move(key);
  e.label = std::move(label);
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  e.wikidata = std::move(wd);
  return e;
}

FactRelation Rel(std::string type, std::string s, std::string t,
                 std::string kind, std::string evidence) {
  FactRelation r;
  r.type = std::move(type);
  r.source = std::move(s);
  r.target = std::move(t);
  r.kind = std::move(kind);
  r.evidence = std::move(evidence);
  return r;
}

Facts ArticleA() {
  Facts f;
  f.article.id = "aaaa";
  f.article.title = "Huawei ouvre un centre";
  f.article.lang = "fr";
  f.entities = {
      Entity("wd:Q30", "State", "United States", {"États-Unis"}, "Q30"),
      Entity("wd:Q160120", "Organisation", "Huawei",
             {"Huawei", "le géant chinois"}, "Q160120")};
  f.relations = {Rel("ACCUSES", "wd:Q30", "wd:Q160120", "espionage",
                     "les accusations d'espionnage des États-Unis"),
                 Rel("DENIES", "wd:Q160120", "wd:Q30", "espionage",
                     "Huawei a toujours nié")};
  return f;
}

Facts ArticleB() {
  Facts f;
  f.article.id = "bbbb";
  f.article.lang = "vi";
  f.entities = {
      Entity("wd:Q30", "State", "United States", {"Mỹ"}, "Q30"),
      Entity("wd:Q160120", "Organisation", "Huawei", {"Huawei"}, "Q160120"),
      Entity("Person:ken hu", "Person", "Ken Hu", {"ông Ken Hu"})};
  f.relations = {
      Rel("BANS", "wd:Q30", "wd:Q160120", "", "Mỹ cấm Huawei"),
      Rel("WORKS_FOR", "Person:ken hu", "wd:Q160120", "", "ông Ken Hu"),
      Rel("BANS", "wd:Q30", "wd:Q160120", "", "duplicate")};
  return f;
}

// A text dump of the graph that ignores internal ids.
std::vector<std::string> Dump(Store& store) {
  auto t = store.BeginRead();
  const Catalog& c = store.catalog();
  std::map<NodeId, std::string> names;
  std::vector<std::string> lines;
  auto props_text = [&](const PropertyList& props) {
    ValueMap m;
    for (const auto& [k, v] : props) m[c.Name(CatalogKind::kPropKey, k)] = v;
    return Value::Map(m).DebugString();
  };
  REQUIRE(t->ScanNodes(std::nullopt, [&](NodeId id) {
             auto n = t->GetNode(id);
             REQUIRE(n.ok());
             std::string s;
             for (LabelId l : (*n)->labels)
               s += ":" + c.Name(CatalogKind::kLabel, l);
             s += props_text((*n)->props);
             names[id] = s;
             lines.push_back(s);
             return true;
           }).ok());
  REQUIRE(t->ScanEdges([&](const EdgeRef& e) {
             auto r = t->GetEdge(e.id);
             REQUIRE(r.ok());
             lines.push_back(names[e.src] + "-[" +
                             c.Name(CatalogKind::kType, e.type) +
                             props_text((*r)->props) + "]->" + names[e.dst]);
             return true;
           }).ok());
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Node lines start with their labels.
size_t CountNodes(const std::vector<std::string>& dump, std::string_view head) {
  return std::count_if(dump.begin(), dump.end(), [&](const std::string& s) {
    return s.starts_with(head) && s.find("]->") == std::string::npos;
  });
}

// Node lines holding `needle`.
size_t CountNodesWith(const std::vector<std::string>& dump,
                      std::string_view needle) {
  return std::count_if(dump.begin(), dump.end(), [&](const std::string& s) {
    return s.find("]->") == std::string::npos &&
           s.find(needle) != std::string::npos;
  });
}

size_t Count(const std::vector<std::string>& dump, std::string_view needle) {
  return std::count_if(dump.begin(), dump.end(), [&](const std::string& s) {
    return s.find(needle) != std::string::npos;
  });
}

TEST_CASE("facts round-trip through their JSON line") {
  Facts f = ArticleB();
  f.article.extra["section"] = "monde";
  f.relations[0].start = 3;
  f.relations[0].end = 42;
  std::string line = FactsToJson(f);
  CHECK(line.find('\n') == std::string::npos);
  auto back = ParseFactsJson(line);
  REQUIRE(back.ok());
  CHECK(FactsToJson(*back) == line);
  CHECK(back->relations[0].end == 42);
  CHECK(back->article.extra.at("section") == "monde");
}

TEST_CASE("bad facts lines are clear errors") {
  for (
      std::string_view bad :
      {"", "{", "[]", "{\"format\":\"dossier-facts\",\"version\":2}",
       "{\"format\":\"gold\"}", "{\"text\":\"an article line\"}",
       "{\"format\":\"dossier-facts\",\"version\":1,\"article\":{\"id\":\"x\"},"
       "\"entities\":[],\"relations\":[{\"type\":\"ACCUSES\",\"source\":\"a\","
       "\"target\":\"b\"}]}",
       "{\"format\":\"dossier-facts\",\"version\":1,\"article\":{\"id\":\"x\"},"
       "\"entities\":[{\"key\":\"k\",\"label\":\"Planet\",\"name\":\"n\"}]}",
       "{\"format\":\"dossier-facts\",\"version\":1,\"article\":{\"id\":7}}",
       "\xff\xfe"}) {
    auto f = ParseFactsJson(bad);
    INFO(bad);
    CHECK(absl::IsInvalidArgument(f.status()));
  }
}

TEST_CASE("ingest builds accusations, resolves entities and is idempotent") {
  TempDir dir("ingest");
  auto store = Store::Open(dir.path());
  REQUIRE(store.ok());
  auto a = IngestFacts(**store, ArticleA());
  REQUIRE(a.ok());
  CHECK(a->entities_created == 2);
  CHECK(a->relations_written == 2);
  auto b = IngestFacts(**store, ArticleB());
  REQUIRE(b.ok());
  CHECK(b->entities_created == 1);
  CHECK(b->entities_merged == 2);
  CHECK(b->relations_written == 2);  // The duplicate BANS is dropped.
  std::vector<std::string> dump = Dump(**store);
  CHECK(CountNodes(dump, ":State{") == 1);
  CHECK(CountNodes(dump, ":Organisation{") == 1);
  CHECK(CountNodes(dump, ":Accusation{") == 1);
  CHECK(Count(dump, "aliases: ['Huawei', 'le géant chinois']") >= 1);
  CHECK(Count(dump, "aliases: ['Mỹ', 'États-Unis']") >= 1);
  CHECK(Count(dump, "-[MAKES") == 1);
  CHECK(Count(dump, "-[AGAINST") == 1);
  CHECK(Count(dump, "-[ACCUSES{accusation: 'aaaa#0', article: 'aaaa'") == 1);
  // DENIES points at the Accusation node.
  CHECK(Count(dump,
              "-[DENIES{article: 'aaaa', evidence: 'Huawei a toujours nié', "
              "kind: 'espionage'}]->:Accusation") == 1);
  CHECK(Count(dump, "-[MENTIONS{}]->") == 5);
  auto again = IngestFacts(**store, ArticleA());
  REQUIRE(again.ok());
  CHECK(again->already_loaded);
  CHECK(Dump(**store) == dump);
}

TEST_CASE("the graph does not depend on ingest order") {
  TempDir one("order1"), two("order2");
  auto s1 = Store::Open(one.path());
  auto s2 = Store::Open(two.path());
  REQUIRE(s1.ok());
  REQUIRE(s2.ok());
  REQUIRE(IngestFacts(**s1, ArticleA()).ok());
  REQUIRE(IngestFacts(**s1, ArticleB()).ok());
  REQUIRE(IngestFacts(**s2, ArticleB()).ok());
  REQUIRE(IngestFacts(**s2, ArticleA()).ok());
  CHECK(Dump(**s1) == Dump(**s2));
}

TEST_CASE("a relation naming an unknown entity fails and writes nothing") {
  TempDir dir("ingestbad");
  auto store = Store::Open(dir.path());
  REQUIRE(store.ok());
  Facts f = ArticleA();
  f.relations.push_back(Rel("BANS", "wd:Q30", "wd:Q999", "", "x"));
  CHECK(absl::IsInvalidArgument(IngestFacts(**store, f).status()));
  CHECK(Dump(**store).empty());
}

Facts ArticleC() {
  Facts f;
  f.article.id = "cccc";
  f.article.lang = "en";
  f.entities = {Entity("wd:Q30", "State", "America", {"the US"}, "Q30"),
                Entity("Organisation:huawei", "Organisation", "Huawei",
                       {"Huawei Technologies"}),
                Entity("Person:ken hu", "Person", "Ken Hu", {"Mr Hu"})};
  f.relations = {
      Rel("SUES", "Organisation:huawei", "wd:Q30", "", "Huawei sues")};
  return f;
}

TEST_CASE("an ingester stores the same bytes as one-shot ingests") {
  TempDir one("ingester1"), two("ingester2");
  auto s1 = Store::Open(one.path());
  auto s2 = Store::Open(two.path());
  REQUIRE(s1.ok());
  REQUIRE(s2.ok());
  Ingester ingester(**s2);
  for (const Facts& f : {ArticleA(), ArticleB(), ArticleC(), ArticleA()}) {
    auto r1 = IngestFacts(**s1, f);
    auto r2 = ingester.Ingest(f);
    REQUIRE(r1.ok());
    REQUIRE(r2.ok());
    CHECK(r1->entities_created == r2->entities_created);
    CHECK(r1->entities_merged == r2->entities_merged);
    CHECK(r1->already_loaded == r2->already_loaded);
  }
  CHECK(ingester.cached_entities() == 3);
  CHECK(RawDump(**s1) == RawDump(**s2));
  std::vector<std::string> dump = Dump(**s2);
  // Found by name ("huawei") although the key differs; aliases accumulate
  // across articles, and the smaller name wins.
  CHECK(CountNodes(dump, ":Organisation{") == 1);
  CHECK(CountNodesWith(dump,
                       "aliases: ['Huawei', 'Huawei Technologies', 'le géant "
                       "chinois']") == 1);
  CHECK(CountNodesWith(dump, "aliases: ['Mỹ', 'the US', 'États-Unis']") == 1);
  CHECK(CountNodesWith(dump, "name: 'America'") == 1);
  CHECK(CountNodesWith(dump, "aliases: ['Mr Hu', 'ông Ken Hu']") == 1);
}

TEST_CASE("an ingester finds entities written before it, in another open") {
  TempDir dir("ingesterreopen");
  std::vector<std::string> expected;
  {
    TempDir ref("ingesterref");
    auto s = Store::Open(ref.path());
    REQUIRE(s.ok());
    for (const Facts& f : {ArticleA(), ArticleB(), ArticleC()}) {
      REQUIRE(IngestFacts(**s, f).ok());
    }
    expected = RawDump(**s);
  }
  {
    auto s = Store::Open(dir.path());
    REQUIRE(s.ok());
    Ingester ingester(**s);
    REQUIRE(ingester.Ingest(ArticleA()).ok());
  }
  auto s = Store::Open(dir.path());
  REQUIRE(s.ok());
  Ingester ingester(**s);
  CHECK(ingester.cached_entities() == 0);
  auto b = ingester.Ingest(ArticleB());
  REQUIRE(b.ok());
  CHECK(b->entities_created == 1);  // Only Ken Hu is new.
  CHECK(b->entities_merged == 2);
  auto c = ingester.Ingest(ArticleC());
  REQUIRE(c.ok());
  CHECK(c->entities_created == 0);
  CHECK(c->entities_merged == 3);
  CHECK(RawDump(**s) == expected);
}

TEST_CASE("an ingester forgets what another writer may have changed") {
  TempDir dir("ingesterother");
  auto store = Store::Open(dir.path());
  REQUIRE(store.ok());
  Ingester ingester(**store);
  REQUIRE(ingester.Ingest(ArticleA()).ok());
  CHECK(ingester.cached_entities() == 2);
  // Another writer renames the aliases of the United States node.
  {
    auto t = (*store)->BeginWrite();
    REQUIRE(t.ok());
    auto label = (*store)->catalog().Find(CatalogKind::kLabel, "State");
    auto k_aliases = (*store)->catalog().Find(CatalogKind::kPropKey, "aliases");
    REQUIRE(label.has_value());
    REQUIRE(k_aliases.has_value());
    auto id = (*t)->LookupAlias(*label, "key:wd:Q30");
    REQUIRE(id.ok());
    REQUIRE(id->has_value());
    REQUIRE((*t)->SetNodeProperty(**id, *k_aliases,
                                  Value::List({Value::String("USA")}))
                .ok());
    REQUIRE((*t)->Commit().ok());
  }
  REQUIRE(ingester.Ingest(ArticleB()).ok());
  std::vector<std::string> dump = Dump(**store);
  CHECK(CountNodesWith(dump, "aliases: ['Mỹ', 'USA']") == 1);
}

TEST_CASE("a failed article leaves the ingester's memory as it was") {
  TempDir one("ingesterfail1"), two("ingesterfail2");
  auto s1 = Store::Open(one.path());
  auto s2 = Store::Open(two.path());
  REQUIRE(s1.ok());
  REQUIRE(s2.ok());
  Ingester ingester(**s1);
  REQUIRE(ingester.Ingest(ArticleA()).ok());
  // New aliases and a new entity, then a relation to an unknown key.
  Facts bad = ArticleB();
  bad.article.id = "bad";
  bad.relations.push_back(Rel("BANS", "wd:Q30", "wd:Q999", "", "x"));
  CHECK(absl::IsInvalidArgument(ingester.Ingest(bad).status()));
  CHECK(ingester.cached_entities() == 2);
  auto b = ingester.Ingest(ArticleB());
  REQUIRE(b.ok());
  CHECK(b->entities_created == 1);
  REQUIRE(IngestFacts(**s2, ArticleA()).ok());
  REQUIRE(IngestFacts(**s2, ArticleB()).ok());
  CHECK(RawDump(**s1) == RawDump(**s2));
}

}  // namespace
}  // namespace dossier::graph
