#include "graph/csv_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace dossier::graph {
namespace {

// Every record as strings; errors as "ERR <message>".
std::vector<std::vector<std::string>> ReadAll(std::string_view data,
                                              char delimiter = ',') {
  CsvReader reader(data, "f.csv", delimiter);
  std::vector<CsvField> fields;
  std::vector<std::vector<std::string>> out;
  while (true) {
    CsvReader::Step step = reader.Next(&fields);
    if (step == CsvReader::Step::kEnd) break;
    if (step == CsvReader::Step::kError) {
      out.push_back({"ERR " + std::string(reader.error().message())});
      continue;
    }
    std::vector<std::string> row;
    for (const CsvField& f : fields) row.emplace_back(f.text);
    out.push_back(row);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("plain records, CRLF, blank lines and a missing final newline") {
  CHECK(ReadAll("a,b\r\n1,2\n\n3,\n,4") ==
        Rows{{"a", "b"}, {"1", "2"}, {"3", ""}, {"", "4"}});
  CHECK(ReadAll("").empty());
  CHECK(ReadAll("\n\r\n").empty());
}

TEST_CASE("RFC 4180 quoting: delimiters, doubled quotes, line breaks") {
  CHECK(ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\nnext,1\n") ==
        Rows{{"a,b", "say \"hi\"", "x\ny"}, {"next", "1"}});
  // A quote inside an unquoted field is data.
  CHECK(ReadAll("ab\"c,d\n") == Rows{{"ab\"c", "d"}});
}

TEST_CASE("quoted empty field is marked quoted") {
  CsvReader reader("\"\",\n", "f.csv");
  std::vector<CsvField> f;
  REQUIRE(reader.Next(&f) == CsvReader::Step::kRecord);
  REQUIRE(f.size() == 2);
  CHECK(f[0].quoted);
  CHECK(f[0].text.empty());
  CHECK(!f[1].quoted);
}

TEST_CASE("line numbers count lines inside quotes") {
  CsvReader reader("h\n\"a\nb\"\nc\n", "f.csv");
  std::vector<CsvField> f;
  REQUIRE(reader.Next(&f) == CsvReader::Step::kRecord);
  CHECK(reader.record_line() == 1);
  REQUIRE(reader.Next(&f) == CsvReader::Step::kRecord);
  CHECK(reader.record_line() == 2);
  REQUIRE(reader.Next(&f) == CsvReader::Step::kRecord);
  CHECK(reader.record_line() == 4);
  CHECK(f[0].text == "c");
}

TEST_CASE("unterminated quote: file:line:column, then reading resumes") {
  Rows rows = ReadAll("a,b\n1,\"open\n2,3\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"a", "b"});
  CHECK(rows[1][0] ==
        "ERR f.csv:2:3: unterminated quoted field (unbalanced quote)");
  CHECK(rows[2] == std::vector<std::string>{"2", "3"});
}

TEST_CASE("text after a closing quote is an error; the next record reads") {
  Rows rows = ReadAll("\"ab\"c,d\ne,f\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "ERR f.csv:1:5: unexpected text after a closing quote");
  CHECK(rows[1] == std::vector<std::string>{"e", "f"});
}

TEST_CASE("other delimiters") {
  CHECK(ReadAll("a\tb\n\"x\ty\"\tz\n", '\t') ==
        Rows{{"a", "b"}, {"x\ty", "z"}});
  CHECK(ReadAll("a|b|\n", '|') == Rows{{"a", "b", ""}});
}

TEST_CASE("arbitrary bytes never crash and always end") {
  std::string bytes;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const char alphabet[] = {',', '"', '\n', '\r', 'a', '\0', '\xff'};
    bytes.push_back(alphabet[x % sizeof alphabet]);
  }
  for (size_t cut = 0; cut < bytes.size(); cut += 997) {
    CsvReader reader(std::string_view(bytes).substr(cut), "fuzz");
    std::vector<CsvField> f;
    int steps = 0;
    while (reader.Next(&f) != CsvReader::Step::kEnd) {
      REQUIRE(++steps < 100000);
    }
  }
}

}  // namespace
}  // namespace dossier::graph
