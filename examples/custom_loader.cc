// custom_loader: adds facts from a source of one's own through the API.
//
//   custom_loader DB FILE.tsv
//
// Each line of FILE.tsv (tab-separated; '#' starts a comment) is
//   accuser  accuser-label  kind  accused  accused-label  evidence
// and becomes an ACCUSES fact of one article named after the file. The
// facts go in as one facts JSON line (docs/formats.md) through
// Database::IngestFactsLines, which resolves the names against the
// entities already in the database (so "United States" joins the existing
// node) and writes the article as one atomic batch; loading the same file
// again changes nothing.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/dossier.h"

namespace {

// A JSON string literal.
std::string Json(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

// 32 hex digits naming the article: a hash of the file's bytes, so that the
// same file is the same article.
std::string ArticleId(const std::string& bytes) {
  uint64_t h1 = 1469598103934665603ull, h2 = 1099511628211ull;
  for (unsigned char c : bytes) {
    h1 = (h1 ^ c) * 1099511628211ull;
    h2 = (h2 + c) * 6364136223846793005ull + 1442695040888963407ull;
  }
  char buf[33];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx",
                static_cast<unsigned long long>(h1),
                static_cast<unsigned long long>(h2));
  return buf;
}

std::string Key(const std::string& label, const std::string& name) {
  return label + ":" + name;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: custom_loader DB FILE.tsv\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot read " << argv[2] << "\n";
    return 1;
  }
  std::stringstream all;
  all << in.rdbuf();
  const std::string bytes = all.str();

  // entity key -> {label, name}; relations as JSON objects.
  std::map<std::string, std::pair<std::string, std::string>> entities;
  std::vector<std::string> relations;
  std::istringstream lines(bytes);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) f.push_back(cell);
    if (f.size() != 6) {
      std::cerr << "skipped (want 6 fields): " << line << "\n";
      continue;
    }
    std::string from = Key(f[1], f[0]), to = Key(f[4], f[3]);
    entities[from] = {f[1], f[0]};
    entities[to] = {f[4], f[3]};
    relations.push_back("{\"type\": \"ACCUSES\", \"source\": " + Json(from) +
                        ", \"target\": " + Json(to) + ", \"kind\": " +
                        Json(f[2]) + ", \"evidence\": " + Json(f[5]) +
                        ", \"start\": 0, \"end\": 0}");
  }

  std::string facts = "{\"format\": \"dossier-facts\", \"version\": 1, "
                      "\"article\": {\"id\": " + Json(ArticleId(bytes)) +
                      ", \"source_id\": \"\", \"title\": " + Json(argv[2]) +
                      ", \"source\": \"custom_loader\", \"date\": \"\", "
                      "\"lang\": \"en\", \"path\": " + Json(argv[2]) +
                      "}, \"entities\": [";
  bool first = true;
  for (const auto& [key, ln] : entities) {
    if (!first) facts += ", ";
    first = false;
    facts += "{\"key\": " + Json(key) + ", \"label\": " + Json(ln.first) +
             ", \"name\": " + Json(ln.second) + ", \"aliases\": [" +
             Json(ln.second) + "], \"wikidata\": \"\"}";
  }
  facts += "], \"relations\": [";
  for (size_t i = 0; i < relations.size(); ++i) {
    facts += (i ? ", " : "") + relations[i];
  }
  facts += "]}\n";

  absl::StatusOr<std::unique_ptr<dossier::Database>> db =
      dossier::Database::Open(argv[1]);
  if (!db.ok()) {
    std::cerr << "error: " << db.status().message() << "\n";
    return 1;
  }
  absl::StatusOr<dossier::LoadReport> report =
      (*db)->IngestFactsLines(argv[2], facts);
  if (!report.ok()) {
    std::cerr << "error: " << report.status().message() << "\n";
    return 1;
  }
  for (const std::string& p : report->problems) std::cerr << p << "\n";
  std::cout << "articles loaded: " << report->articles_loaded
            << ", already present: " << report->articles_already_present
            << ", relations written: " << report->relations_written << "\n";

  absl::StatusOr<dossier::Result> r = (*db)->Execute(
      "MATCH (a)-[r:ACCUSES]->(b {name: $name}) "
      "RETURN a.name AS accuser, r.kind AS kind ORDER BY accuser, kind",
      {{"name", dossier::Value::String("Nexacom")}});
  if (!r.ok()) {
    std::cerr << "error: " << r.status().message() << "\n";
    return 1;
  }
  std::cout << "Accusers of Nexacom:\n";
  for (; r->Valid(); r->Next()) {
    std::cout << "  " << r->Get(0).AsString() << " (" << r->Get(1).AsString()
              << ")\n";
  }
  return report->articles_failed == 0 ? 0 : 1;
}
