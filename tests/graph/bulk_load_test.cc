#include "graph/bulk_load.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "graph/store.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::OpenOrDie;
using testing::Scan;
using testing::Seek;
using testing::TempDir;
using testing::WriteFile;

// The catalog id of a `name` the store already holds (never creates one).
uint32_t ExistingId(Store& s, CatalogKind kind, const char* name) {
  std::optional<uint32_t> id = s.catalog().Find(kind, name);
  REQUIRE(id.has_value());
  return *id;
}

// Node id of the Person with `name`, through the property index.
NodeId ByName(Store& s, Transaction& tx, const std::string& name) {
  std::vector<NodeId> found =
      Seek(tx, ExistingId(s, CatalogKind::kLabel, "Person"),
           ExistingId(s, CatalogKind::kPropKey, "name"),
           PropertyRange::Equal(Value::String(name)));
  REQUIRE(found.size() == 1);
  return found[0];
}

const char* kPeople =
    "personId:ID(Person),name,age:int,score:double,ok:boolean,tags:string[],"
    ":LABEL\n"
    "p1,\"Smith, John\",42,1.5,true,a;b,Person;Author\n"
    "p2,\"She said \"\"no\"\"\",,2,false,,Person\n"
    "p3,\"two\nlines\",7,,TRUE,x,Person\n";
const char* kOrgs = ":ID(Org),name\no1,Acme\no2,\"\"\n";
const char* kRels =
    ":START_ID(Person),:END_ID(Org),:TYPE,since:long\n"
    "p1,o1,WORKS_AT,2001\n"
    "p2,o1,WORKS_AT,\n"
    "p3,o2,FOUNDED,1999\n";

TEST_CASE("import: nodes, labels, typed properties, relationships") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  absl::StatusOr<BulkLoadReport> r =
      BulkLoad(db,
               {BulkInput::Parse(WriteFile(dir, "people.csv", kPeople)),
                BulkInput::Parse("Org=" + WriteFile(dir, "orgs.csv", kOrgs))},
               {BulkInput::Parse(WriteFile(dir, "rels.csv", kRels))});
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->nodes == 5);
  CHECK(r->relationships == 3);
  CHECK(r->bad_rows == 0);
  CHECK(r->nodes_by_label["Person"] == 3);
  CHECK(r->nodes_by_label["Author"] == 1);
  CHECK(r->nodes_by_label["Org"] == 2);
  CHECK(r->relationships_by_type["WORKS_AT"] == 2);
  CHECK(r->relationships_by_type["FOUNDED"] == 1);
  CHECK(!std::filesystem::exists(db + "/import.tmp"));

  std::unique_ptr<Store> s = OpenOrDie(db);
  std::unique_ptr<Transaction> tx = s->BeginRead();
  CHECK(Scan(*tx, std::nullopt).size() == 5);
  CHECK(Scan(*tx, ExistingId(*s, CatalogKind::kLabel, "Org")).size() == 2);

  NodeId john = ByName(*s, *tx, "Smith, John");
  absl::StatusOr<std::optional<NodeRecord>> n = tx->GetNode(john);
  REQUIRE(n.ok());
  REQUIRE(n->has_value());
  const PropertyList& p = (*n)->props;
  auto prop = [&](const char* key) {
    return FindProperty(p, ExistingId(*s, CatalogKind::kPropKey, key));
  };
  REQUIRE(prop("personId") != nullptr);
  CHECK(*prop("personId") == Value::String("p1"));
  CHECK(*prop("age") == Value::Int(42));
  CHECK(*prop("score") == Value::Double(1.5));
  CHECK(*prop("ok") == Value::Bool(true));
  CHECK(*prop("tags") == Value::List({Value::String("a"), Value::String("b")}));
  CHECK((*n)->labels.size() == 2);

  NodeId quoted = ByName(*s, *tx, "She said \"no\"");
  n = tx->GetNode(quoted);
  REQUIRE(n.ok());
  CHECK(
      FindProperty((*n)->props, ExistingId(*s, CatalogKind::kPropKey, "age")) ==
      nullptr);  // empty field: absent
  ByName(*s, *tx, "two\nlines");

  // The empty quoted string is a value; the org's name is "".
  std::vector<NodeId> orgs =
      Scan(*tx, ExistingId(*s, CatalogKind::kLabel, "Org"));
  n = tx->GetNode(orgs[1]);
  REQUIRE(n.ok());
  const Value* empty =
      FindProperty((*n)->props, ExistingId(*s, CatalogKind::kPropKey, "name"));
  REQUIRE(empty != nullptr);
  CHECK(*empty == Value::String(""));

  // Expansion (the Store builds its Csr from `out`) in both directions.
  std::vector<EdgeRef> out;
  REQUIRE(tx->Expand(john, Direction::kOut, {}, [&](const EdgeRef& e) {
              out.push_back(e);
              return true;
            }).ok());
  REQUIRE(out.size() == 1);
  CHECK(out[0].dst == orgs[0]);
  CHECK(out[0].type == ExistingId(*s, CatalogKind::kType, "WORKS_AT"));
  absl::StatusOr<std::optional<EdgeRecord>> e = tx->GetEdge(out[0].id);
  REQUIRE(e.ok());
  CHECK(*FindProperty((*e)->props, ExistingId(*s, CatalogKind::kPropKey,
                                              "since")) == Value::Int(2001));
  int incoming = 0;
  REQUIRE(tx->Expand(orgs[0], Direction::kIn, {}, [&](const EdgeRef&) {
              ++incoming;
              return true;
            }).ok());
  CHECK(incoming == 2);
  CHECK(Scan(*tx, ExistingId(*s, CatalogKind::kLabel, "Person")).size() == 3);
}

TEST_CASE("import then ordinary writes continue the ids") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  REQUIRE(BulkLoad(db, {{WriteFile(dir, "n.csv", ":ID\na\nb\n"), "N"}},
                   {{WriteFile(dir, "r.csv", ":START_ID,:END_ID\na,b\n"), "R"}})
              .ok());
  std::unique_ptr<Store> s = OpenOrDie(db);
  absl::StatusOr<std::unique_ptr<Transaction>> w = s->BeginWrite();
  REQUIRE(w.ok());
  absl::StatusOr<NodeId> id = (*w)->CreateNode({}, {});
  REQUIRE(id.ok());
  CHECK(*id == 2);
  absl::StatusOr<EdgeId> e = (*w)->CreateEdge(0, *id, 0, {});
  REQUIRE(e.ok());
  CHECK(*e == 1);
  REQUIRE((*w)->Commit().ok());
}

TEST_CASE("a second import appends after the first") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  std::string nodes = WriteFile(dir, "n.csv", ":ID\na\nb\n");
  std::string rels = WriteFile(dir, "r.csv", ":START_ID,:END_ID\na,b\nb,a\n");
  REQUIRE(BulkLoad(db, {{nodes, "N"}}, {{rels, "R"}}).ok());
  absl::StatusOr<BulkLoadReport> r =
      BulkLoad(db, {{nodes, "M"}}, {{rels, "R"}});
  REQUIRE(r.ok());
  std::unique_ptr<Store> s = OpenOrDie(db);
  std::unique_ptr<Transaction> tx = s->BeginRead();
  CHECK(Scan(*tx, std::nullopt) == std::vector<NodeId>{0, 1, 2, 3});
  int edges = 0;
  REQUIRE(tx->ScanEdges([&](const EdgeRef& e) {
              CHECK((e.src >= 2) == (e.dst >= 2));
              ++edges;
              return true;
            }).ok());
  CHECK(edges == 4);
}

TEST_CASE("a bad row fails the import and leaves the database as it was") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  std::string nodes = WriteFile(dir, "n.csv", ":ID,age:int\na,1\nb,2\n");
  std::string bad = WriteFile(dir, "bad.csv", ":START_ID,:END_ID\na,b\na,zz\n");

  // A new database: nothing is left behind.
  absl::StatusOr<BulkLoadReport> r = BulkLoad(db, {{nodes, "N"}}, {{bad, "R"}});
  REQUIRE(!r.ok());
  CHECK(absl::IsInvalidArgument(r.status()));
  CHECK(std::string(r.status().message())
            .find("bad.csv:3: unknown :END_ID 'zz'") != std::string::npos);
  CHECK(!std::filesystem::exists(db));

  // An existing database keeps its contents and its catalog.
  REQUIRE(BulkLoad(db, {{nodes, "N"}}, {}).ok());
  std::string typed = WriteFile(dir, "typed.csv", ":ID,age:int\nc,x\n");
  r = BulkLoad(db, {{typed, "Other"}}, {});
  REQUIRE(!r.ok());
  CHECK(std::string(r.status().message())
            .find("typed.csv:2: column 'age' expects INTEGER, got 'x'") !=
        std::string::npos);
  std::string quote = WriteFile(dir, "quote.csv", ":ID,name\nc,\"open\nd,x\n");
  r = BulkLoad(db, {{quote, "Other"}}, {});
  REQUIRE(!r.ok());
  CHECK(std::string(r.status().message()).find("quote.csv:2:3: unterminated") !=
        std::string::npos);
  std::unique_ptr<Store> s = OpenOrDie(db);
  CHECK(!s->catalog().Find(CatalogKind::kLabel, "Other").has_value());
  std::unique_ptr<Transaction> tx = s->BeginRead();
  CHECK(Scan(*tx, std::nullopt).size() == 2);
}

TEST_CASE("--skip-bad-rows reports file:line and keeps the good rows") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  BulkLoadOptions options;
  options.skip_bad_rows = true;
  absl::StatusOr<BulkLoadReport> r = BulkLoad(
      db,
      {{WriteFile(dir, "n.csv",
                  ":ID,age:int\na,1\nb,x\nc,3,extra\nd,\"4\nc,5\na,6\n"),
        "N"}},
      {{WriteFile(dir, "r.csv", ":START_ID,:END_ID\na,c\nb,a\na,zz\n"), "R"}},
      options);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->nodes == 2);  // a and the second c (the first has 3 fields)
  CHECK(r->relationships == 1);
  CHECK(r->bad_rows == 6);
  REQUIRE(r->bad_row_messages.size() == 6);
  CHECK(r->bad_row_messages[0].find("n.csv:3: column 'age'") !=
        std::string::npos);
  CHECK(r->bad_row_messages[1].find("n.csv:4: expected 2 fields, found 3") !=
        std::string::npos);
  CHECK(r->bad_row_messages[2].find("n.csv:5:3: unterminated") !=
        std::string::npos);
  CHECK(r->bad_row_messages[3].find("n.csv:7: duplicate :ID 'a'") !=
        std::string::npos);
  CHECK(r->bad_row_messages[4].find("r.csv:3: unknown :START_ID 'b'") !=
        std::string::npos);
  CHECK(r->bad_row_messages[5].find("r.csv:4: unknown :END_ID 'zz'") !=
        std::string::npos);
}

TEST_CASE("integer ids, other delimiters, header errors") {
  TempDir dir("bulk");
  std::string db = dir.Sub("db");
  BulkLoadOptions options;
  options.id_type = BulkLoadOptions::IdType::kInteger;
  options.delimiter = '|';
  options.array_delimiter = ',';
  REQUIRE(
      BulkLoad(db,
               {{WriteFile(dir, "n.csv", "id:ID|xs:long[]\n7|1,2\n8|\n"), "N"}},
               {{WriteFile(dir, "r.csv", ":START_ID|:END_ID\n007|8\n"), "R"}},
               options)
          .ok());
  {
    std::unique_ptr<Store> s = OpenOrDie(db);
    std::unique_ptr<Transaction> tx = s->BeginRead();
    absl::StatusOr<std::optional<NodeRecord>> n = tx->GetNode(0);
    REQUIRE(n.ok());
    CHECK(*FindProperty((*n)->props, ExistingId(*s, CatalogKind::kPropKey,
                                                "id")) == Value::Int(7));
    CHECK(*FindProperty((*n)->props,
                        ExistingId(*s, CatalogKind::kPropKey, "xs")) ==
          Value::List({Value::Int(1), Value::Int(2)}));
  }
  absl::StatusOr<BulkLoadReport> r =
      BulkLoad(db, {{WriteFile(dir, "h.csv", ":ID,when:datetime\n"), "N"}}, {});
  REQUIRE(!r.ok());
  CHECK(std::string(r.status().message()).find("unknown type 'datetime'") !=
        std::string::npos);
  r = BulkLoad(db, {}, {{WriteFile(dir, "t.csv", ":START_ID,:END_ID\n"), ""}});
  REQUIRE(!r.ok());
  CHECK(std::string(r.status().message()).find("no :TYPE column") !=
        std::string::npos);
}

// Issue 9: a generated 5,000-node, 40,000-relationship file with quoted
// names gives exactly those counts and the names byte for byte.
TEST_CASE("5,000 nodes and 40,000 relationships with quoted names") {
  TempDir dir("bulk");
  const char* parts[] = {"Smith, John", "O\"Brien",   "Nguy\xe1\xbb\x85n",
                         "line\nbreak", "Zo\xc3\xab", "plain",
                         "a;b",         "  x  "};
  auto name = [&](int i) {
    return std::string(parts[i % 8]) + " #" + std::to_string(i);
  };
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      q.push_back(c);
      if (c == '"') q.push_back('"');
    }
    return q + "\"";
  };
  std::string nodes = ":ID,name\n";
  for (int i = 0; i < 5000; ++i) {
    nodes += "n" + std::to_string(i) + "," + quote(name(i)) + "\n";
  }
  std::string rels = ":START_ID,:END_ID,:TYPE,w:int\n";
  uint64_t x = 12345;
  for (int i = 0; i < 40000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    rels += "n" + std::to_string((x >> 33) % 5000) + ",n" +
            std::to_string((x >> 13) % 5000) + (i % 3 ? ",KNOWS," : ",CITES,") +
            std::to_string(i) + "\n";
  }
  std::string db = dir.Sub("db");
  absl::StatusOr<BulkLoadReport> r =
      BulkLoad(db, {{WriteFile(dir, "n.csv", nodes), "Entity"}},
               {{WriteFile(dir, "r.csv", rels), ""}});
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->nodes == 5000);
  CHECK(r->relationships == 40000);
  CHECK(r->relationships_by_type["KNOWS"] + r->relationships_by_type["CITES"] ==
        40000);
  std::unique_ptr<Store> s = OpenOrDie(db);
  std::unique_ptr<Transaction> tx = s->BeginRead();
  PropKeyId key = ExistingId(*s, CatalogKind::kPropKey, "name");
  int checked = 0;
  for (NodeId id : Scan(*tx, std::nullopt)) {
    absl::StatusOr<std::optional<NodeRecord>> n = tx->GetNode(id);
    REQUIRE(n.ok());
    const Value* v = FindProperty((*n)->props, key);
    REQUIRE(v != nullptr);
    CHECK(v->AsString() == name(static_cast<int>(id)));
    ++checked;
  }
  CHECK(checked == 5000);
  uint64_t expanded = 0;
  for (NodeId id = 0; id < 5000; ++id) {
    REQUIRE(tx->Expand(id, Direction::kOut, {}, [&](const EdgeRef&) {
                ++expanded;
                return true;
              }).ok());
  }
  CHECK(expanded == 40000);
}

}  // namespace
}  // namespace dossier::graph
