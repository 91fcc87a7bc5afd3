#include "cli/bench_workload.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/bench_queries.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the test tmp dir, removed at the end.
struct TempDir {
  fs::path path;
  explicit TempDir(const char* name)
      : path(fs::path(DOSSIER_TEST_TMP) /
             (std::string(name) + "-" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const char* file, const std::string& text) const {
    std::ofstream(path / file) << text;
    return (path / file).string();
  }
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("user CSV is split per label and per (type, start, end label)") {
  TempDir dir("bench-csv");
  CsvWorkloadOptions o;
  o.nodes_path = dir.Write("n.csv",
                           "name,id:ID(P),:LABEL\n"
                           "Ann,a,Person\n"
                           "Bob,b,Person;Agent\n"
                           "Acme,\"c,1\",Org\n"
                           "Nil,d,\n");
  o.edges_path = dir.Write("e.csv",
                           ":START_ID(P),:END_ID(P),:TYPE,since:int\n"
                           "a,b,KNOWS,1\n"
                           "a,\"c,1\",WORKS_AT,2\n"
                           "b,\"c,1\",WORKS_AT,3\n"
                           "b,a,KNOWS,4\n"
                           "d,a,,5\n");
  o.seeds = 3;
  o.pairs = 2;
  absl::StatusOr<BenchWorkload> w = ReadCsvWorkload(o, dir.path);
  REQUIRE(w.ok());
  CHECK(w->nodes == 4);
  CHECK(w->edges == 5);
  CHECK_FALSE(w->integer_ids);
  CHECK(w->labels == std::vector<std::string>{"Node", "Org", "Person"});
  CHECK(w->types == std::vector<std::string>{"E", "KNOWS", "WORKS_AT"});
  REQUIRE(w->node_files.size() == 3);
  CHECK(w->node_files[0].label == "Person");  // In order of appearance.
  CHECK(Slurp(w->node_files[0].path) == "id:ID\na\nb\n");
  CHECK(Slurp(w->node_files[1].path) == "id:ID\n\"c,1\"\n");
  // KNOWS Person->Person, WORKS_AT Person->Org, E Node->Person.
  REQUIRE(w->edge_files.size() == 3);
  CHECK(w->edge_files[0].type == "KNOWS");
  CHECK(Slurp(w->edge_files[0].path) == ":START_ID,:END_ID\na,b\nb,a\n");
  CHECK(w->edge_files[1].type == "WORKS_AT");
  CHECK(w->edge_files[1].to == "Org");
  CHECK(w->edge_files[2].type == "E");
  CHECK(w->edge_files[2].from == "Node");
  CHECK(w->seeds.size() == 3);  // a, b and d have out-degree > 0.
  for (const BenchNode& n : w->seeds) CHECK(n.literal.front() == '\'');

  std::vector<std::string> ddl = KuzuSchema(*w);
  CHECK(ddl[0] == "CREATE NODE TABLE Node(id STRING, PRIMARY KEY(id))");
  CHECK(ddl.back() == "CREATE REL TABLE WORKS_AT(FROM Person TO Org)");
  std::vector<std::string> copies = KuzuCopies(*w);
  CHECK(copies.size() == 6);
  CHECK(copies.back().find("(from='Node', to='Person', HEADER=true)") !=
        std::string::npos);
  // Several labels and types: the set patterns are unlabelled.
  std::vector<BenchQuery> q = TraversalQueries(*w);
  CHECK(q[1].dossier[0].rfind("MATCH (a)-[]->(b) WHERE a.id IN ['", 0) == 0);
}

TEST_CASE("integer ids are canonical and keep their label in queries") {
  TempDir dir("bench-csv-int");
  CsvWorkloadOptions o;
  o.nodes_path = dir.Write("n.csv", ":ID\n07\n8\n9\n");
  o.edges_path = dir.Write("e.csv", ":START_ID,:END_ID\n7,08\n8,9\n");
  absl::StatusOr<BenchWorkload> w = ReadCsvWorkload(o, dir.path);
  REQUIRE(w.ok());
  CHECK(w->integer_ids);
  CHECK(Slurp(w->node_files[0].path) == "id:ID\n7\n8\n9\n");
  CHECK(Slurp(w->edge_files[0].path) == ":START_ID,:END_ID\n7,8\n8,9\n");
  std::vector<BenchQuery> q = TraversalQueries(*w);
  CHECK(q[0].dossier[0].rfind("MATCH (n:Node {id: ", 0) == 0);
  CHECK(q[1].kuzu[0].rfind("MATCH (a:Node)-[:E]->(b:Node) WHERE a.id IN [",
                           0) == 0);
  CHECK(KuzuSchema(*w)[0] ==
        "CREATE NODE TABLE Node(id INT64, PRIMARY KEY(id))");
}

TEST_CASE("bad user CSV is an InvalidArgument naming the place") {
  TempDir dir("bench-csv-bad");
  CsvWorkloadOptions o;
  o.nodes_path = dir.Write("n.csv", "id:ID\n1\n2\n1\n");
  o.edges_path = dir.Write("e.csv", ":START_ID,:END_ID\n1,2\n");
  absl::StatusOr<BenchWorkload> w = ReadCsvWorkload(o, dir.path);
  CHECK(absl::IsInvalidArgument(w.status()));
  CHECK(w.status().message().find("duplicate id 1") != std::string::npos);

  o.nodes_path = dir.Write("n.csv", "id:ID\n1\n2\n");
  o.edges_path = dir.Write("e.csv", ":START_ID,:END_ID\n1,2\n2,3\n");
  w = ReadCsvWorkload(o, dir.path);
  CHECK(absl::IsInvalidArgument(w.status()));
  CHECK(w.status().message().find("e.csv:3: no node with id 3") !=
        std::string::npos);

  o.edges_path = dir.Write("e.csv", ":START_ID,:END_ID,:TYPE\n1,2,a-b\n");
  CHECK(absl::IsInvalidArgument(ReadCsvWorkload(o, dir.path).status()));
  o.edges_path = dir.Write("e.csv", "from,to\n1,2\n");
  CHECK(absl::IsInvalidArgument(ReadCsvWorkload(o, dir.path).status()));
  o.edges_path = dir.Write("e.csv", ":START_ID,:END_ID\n");
  CHECK(absl::IsInvalidArgument(ReadCsvWorkload(o, dir.path).status()));
  o.nodes_path = (dir.path / "missing.csv").string();
  CHECK(absl::IsNotFound(ReadCsvWorkload(o, dir.path).status()));
}

TEST_CASE("the news-shaped workload splits per label and type for both engines") {
  TempDir dir("bench-news");
  absl::StatusOr<BenchWorkload> w =
      MakeNewsWorkload({.scale = 9, .seed = 3, .seeds = 10, .pairs = 4}, dir.path);
  REQUIRE_MESSAGE(w.ok(), w.status().ToString());
  CHECK(w->nodes == 512);
  CHECK(w->integer_ids);
  CHECK(w->labels == std::vector<std::string>{"Accusation", "Article", "Facility",
                                              "Organisation", "Person", "Place",
                                              "State"});
  CHECK(w->types.size() == 11);
  CHECK(w->node_files.size() == 7);
  CHECK(w->edge_files.size() > 11);  // Types with several label pairs split.
  CHECK(w->seeds.size() == 10);
  CHECK(w->pairs.size() == 4);
  CHECK(w->title.find("news-shaped") != std::string::npos);
  // Every relationship of the generated source is in exactly one split file.
  uint64_t rows = 0;
  for (const BenchEdgeFile& f : w->edge_files) {
    std::string text = Slurp(f.path);
    rows += std::count(text.begin(), text.end(), '\n') - 1;  // Minus header.
  }
  CHECK(rows == w->edges);
  std::string source = Slurp((dir.path / "news-edges.csv").string());
  CHECK(static_cast<uint64_t>(std::count(source.begin(), source.end(), '\n')) ==
        w->edges + 1);
  // Deterministic: the same options give the same files.
  TempDir again("bench-news-again");
  absl::StatusOr<BenchWorkload> w2 =
      MakeNewsWorkload({.scale = 9, .seed = 3, .seeds = 10, .pairs = 4}, again.path);
  REQUIRE(w2.ok());
  CHECK(Slurp((again.path / "news-edges.csv").string()) == source);
  CHECK(w2->seeds.front().literal == w->seeds.front().literal);
}

}  // namespace
}  // namespace dossier::cli
