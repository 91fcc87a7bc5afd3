// `dossier import` reads a relationship file in byte ranges on several
// threads (BulkLoadOptions::threads); whatever the number, the database,
// the catalog, the report and the errors are those of one sequential pass.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "graph/bulk_load.h"
#include "graph/store.h"
#include "graph/transaction.h"
#include "tests/graph/test_util.h"

namespace dossier::graph {
namespace {

using testing::OpenOrDie;
using testing::RawDump;
using testing::TempDir;
using testing::WriteFile;

// Deterministic pseudo-random numbers.
struct Lcg {
  uint64_t x;
  uint32_t Next(uint32_t n) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((x >> 33) % n);
  }
};

// 1,500 people and 20,000 relationships: types in the :TYPE column (one
// only after the middle of the file, some rows left to the file's type),
// an int, a string and a list property (some empty), blank lines and CRLF
// line ends here and there, no quote (so the file is split).
struct Files {
  std::string nodes, rels;
  std::vector<std::string> types;  // :TYPE names in order of first use
  std::map<std::string, uint64_t> per_type;  // relationships ("" = LINKS)
};

Files Generate(const TempDir& dir, const std::string& tag) {
  std::string nodes = "pid:ID(P),name,:LABEL\n";
  for (int i = 0; i < 1500; ++i) {
    nodes += "p" + std::to_string(i) + ",Person " + std::to_string(i) +
             (i % 7 == 0 ? ",Person;Author\n" : ",Person\n");
  }
  std::string rels = ":START_ID(P),:END_ID(P),:TYPE,w:int,note,tags:string[]\n";
  Lcg r{7};
  const char* types[] = {"KNOWS", "CITES", "", "FUNDS"};
  std::vector<std::string> used;
  std::map<std::string, uint64_t> per_type;
  for (int i = 0; i < 20000; ++i) {
    const std::string type = types[r.Next(i < 12000 ? 3 : 4)];
    ++per_type[type.empty() ? "LINKS" : type];
    if (!type.empty() &&
        std::find(used.begin(), used.end(), type) == used.end()) {
      used.push_back(type);
    }
    rels += "p" + std::to_string(r.Next(1500)) + ",p" +
            std::to_string(r.Next(1500)) + "," + type + "," +
            (i % 5 ? std::to_string(i) : "") + "," +
            (i % 3 ? "n" + std::to_string(i % 11) : "") + "," +
            (i % 4 ? "a;b" : "") + (i % 97 == 0 ? "\r\n" : "\n");
    if (i % 1009 == 0) rels += "\n";
  }
  return {WriteFile(dir, tag + "-n.csv", nodes),
          WriteFile(dir, tag + "-r.csv", rels), used, per_type};
}

// The catalog as name -> id per kind.
std::map<std::string, uint32_t> Catalog(Store& s, CatalogKind kind) {
  std::map<std::string, uint32_t> out;
  for (uint32_t id = 0; id < s.catalog().NextId(kind); ++id) {
    out[s.catalog().Name(kind, id)] = id;
  }
  return out;
}

TEST_CASE(
    "a relationship file read on 1, 2, 3 or 5 threads writes the same "
    "database") {
  TempDir dir("bulk-par");
  const Files f = Generate(dir, "g");
  std::vector<std::string> dumps;
  std::vector<BulkLoadReport> reports;
  std::vector<std::map<std::string, uint32_t>> types, keys;
  for (int threads : {1, 2, 3, 5}) {
    CAPTURE(threads);
    const std::string db = dir.Sub("db" + std::to_string(threads));
    BulkLoadOptions options;
    options.threads = threads;
    options.min_range_bytes = 1;
    uint64_t last = 0, calls = 0;
    options.progress = [&](uint64_t done, uint64_t total) {
      CHECK(done >= last);
      CHECK(done <= total);
      last = done;
      ++calls;
    };
    // Twice: the second import's ids and catalog entries follow the first's.
    for (int round = 0; round < 2; ++round) {
      last = 0;
      absl::StatusOr<BulkLoadReport> r =
          BulkLoad(db, {{f.nodes, ""}}, {{f.rels, "LINKS"}}, options);
      INFO(r.status().ToString());
      REQUIRE(r.ok());
      CHECK(r->relationships == 20000);
      CHECK(last == r->input_bytes);
      reports.push_back(*r);
    }
    CHECK(calls > 0);
    std::unique_ptr<Store> s = OpenOrDie(db);
    // Each relationship record carries the type its row named.
    std::map<std::string, uint64_t> stored;
    std::unique_ptr<Transaction> tx = s->BeginRead();
    for (EdgeId e = 0; e < 40000; ++e) {
      absl::StatusOr<std::optional<EdgeRecord>> edge = tx->GetEdge(e);
      REQUIRE(edge.ok());
      REQUIRE(edge->has_value());
      ++stored[s->catalog().Name(CatalogKind::kType, (*edge)->type)];
    }
    for (auto& [name, n] : stored) n /= 2;
    CHECK(stored == f.per_type);
    std::vector<std::string> dump = RawDump(*s);
    std::string joined;
    for (const std::string& line : dump) joined += line + "\n";
    dumps.push_back(joined);
    types.push_back(Catalog(*s, CatalogKind::kType));
    keys.push_back(Catalog(*s, CatalogKind::kPropKey));
  }
  // The sequential pass names the types in order of first use.
  REQUIRE(f.types.size() == 3);
  CHECK(f.types.back() == "FUNDS");
  CHECK(types[0] ==
        std::map<std::string, uint32_t>{
            {"LINKS", 0}, {f.types[0], 1}, {f.types[1], 2}, {f.types[2], 3}});
  CHECK(reports[0].relationships_by_type.at("FUNDS") > 0);
  CHECK(reports[0].relationships_by_type.at("LINKS") > 0);
  for (size_t i = 1; i < dumps.size(); ++i) {
    CAPTURE(i);
    CHECK(dumps[i] == dumps[0]);
    CHECK(types[i] == types[0]);
    CHECK(keys[i] == keys[0]);
  }
  for (size_t i = 2; i < reports.size(); ++i) {
    CHECK(reports[i].relationships_by_type ==
          reports[i % 2].relationships_by_type);
    CHECK(reports[i].nodes_by_label == reports[i % 2].nodes_by_label);
  }
}

// Bad rows placed in several ranges, with the messages of one thread.
std::string BadRels() {
  std::string rels = ":START_ID,:END_ID,w:int\n";
  for (int i = 0; i < 3000; ++i) {
    if (i == 400) {
      rels += "a,nobody,1\n";
    } else if (i == 1700) {
      rels += "a,b\n";
    } else if (i == 2100) {
      rels += "a,b,x\n";
    } else if (i == 2900) {
      rels += "ghost,a,3\n";
    } else {
      rels += (i % 2 ? "a,b," : "b,a,") + std::to_string(i) + "\n";
    }
  }
  return rels;
}

TEST_CASE("bad rows in later ranges: file order, their own line numbers") {
  TempDir dir("bulk-par");
  const std::string nodes = WriteFile(dir, "n.csv", ":ID\na\nb\n");
  const std::string rels = WriteFile(dir, "r.csv", BadRels());
  const std::vector<std::string> expected = {
      rels + ":402: unknown :END_ID 'nobody'",
      rels + ":1702: expected 3 fields, found 2",
      rels + ":2102: column 'w' expects ",
      rels + ":2902: unknown :START_ID 'ghost'"};
  for (int threads : {1, 4}) {
    CAPTURE(threads);
    BulkLoadOptions options;
    options.threads = threads;
    options.min_range_bytes = 1;
    options.skip_bad_rows = true;
    absl::StatusOr<BulkLoadReport> r =
        BulkLoad(dir.Sub("skip" + std::to_string(threads)), {{nodes, "N"}},
                 {{rels, "R"}}, options);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    CHECK(r->relationships == 2996);
    CHECK(r->bad_rows == 4);
    REQUIRE(r->bad_row_messages.size() == 4);
    for (size_t i = 0; i < expected.size(); ++i) {
      CHECK(r->bad_row_messages[i].rfind(expected[i], 0) == 0);
    }

    options.max_reported_bad_rows = 2;
    r = BulkLoad(dir.Sub("few" + std::to_string(threads)), {{nodes, "N"}},
                 {{rels, "R"}}, options);
    REQUIRE(r.ok());
    CHECK(r->bad_rows == 4);
    REQUIRE(r->bad_row_messages.size() == 2);
    CHECK(r->bad_row_messages[1].rfind(expected[1], 0) == 0);

    // Without skipping, the first bad row in the file ends the import, even
    // when a later range meets its own bad row first.
    options.skip_bad_rows = false;
    const std::string db = dir.Sub("fail" + std::to_string(threads));
    r = BulkLoad(db, {{nodes, "N"}}, {{rels, "R"}}, options);
    REQUIRE(!r.ok());
    CHECK(absl::IsInvalidArgument(r.status()));
    CHECK(std::string(r.status().message()).rfind(expected[0], 0) == 0);
    CHECK(!std::filesystem::exists(db));
  }
}

TEST_CASE("a file holding a quote is read whole: a quoted field spans lines") {
  TempDir dir("bulk-par");
  const std::string nodes = WriteFile(dir, "n.csv", ":ID\na\nb\n");
  std::string text = ":START_ID,:END_ID,note\n";
  for (int i = 0; i < 2000; ++i) {
    text += i == 1000 ? "a,b,\"one\nb,a,two\"\n" : "a,b,x\n";
  }
  BulkLoadOptions options;
  options.threads = 4;
  options.min_range_bytes = 1;
  absl::StatusOr<BulkLoadReport> r =
      BulkLoad(dir.Sub("db"), {{nodes, "N"}},
               {{WriteFile(dir, "r.csv", text), "R"}}, options);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->relationships == 2000);
  CHECK(r->bad_rows == 0);
}

}  // namespace
}  // namespace dossier::graph
