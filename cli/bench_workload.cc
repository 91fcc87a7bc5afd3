// The graphs of `dossier bench`: Kronecker generation, the user's CSV
// files, and the seeds and pairs drawn from either.
#include "cli/bench_workload.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/csv_reader.h"
#include "graph/kronecker.h"
#include "graph/news_graph.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Draws the fixed query inputs by SplitMix64 from `seed`: distinct seeds
// with out-degree > 0; pairs (out-degree > 0, in-degree > 0), distinct
// ends. `node(i)` names vertex i.
template <typename NodeOf>
void DrawInputs(uint64_t seed, int seeds, int pairs,
                const std::vector<uint32_t>& out_degree,
                const std::vector<uint32_t>& in_degree, NodeOf node,
                BenchWorkload* w) {
  const uint64_t n = out_degree.size();
  graph::SplitMix64 rng(seed * 0x9e3779b97f4a7c15ull + 7);
  std::vector<bool> taken(n);
  for (int tries = 0;
       static_cast<int>(w->seeds.size()) < seeds && tries < 100 * seeds + 1000;
       ++tries) {
    uint64_t v = rng.Bounded(n);
    if (out_degree[v] > 0 && !taken[v]) {
      taken[v] = true;
      w->seeds.push_back(node(v));
    }
  }
  for (int tries = 0;
       static_cast<int>(w->pairs.size()) < pairs && tries < 1000 * pairs;
       ++tries) {
    uint64_t a = rng.Bounded(n), b = rng.Bounded(n);
    if (a != b && out_degree[a] > 0 && in_degree[b] > 0) {
      w->pairs.push_back({node(a), node(b)});
    }
  }
}

bool IsName(std::string_view s) {
  if (s.empty() ||
      !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// One CSV field as written: quoted when it holds a delimiter, quote or
// line break.
std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos &&
      !text.empty()) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

absl::StatusOr<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The index of the first header field satisfying `match`, or -1.
template <typename Match>
int FindColumn(const std::vector<graph::CsvField>& header, Match match) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (match(header[i].text)) return static_cast<int>(i);
  }
  return -1;
}

bool IsIdColumn(std::string_view h) {
  size_t at = h.find(":ID");
  return at != std::string_view::npos &&
         (at + 3 == h.size() || h[at + 3] == '(');
}

// Reads every record of `data` after the header into `row` calls.
template <typename Row>
absl::Status ForEachRecord(graph::CsvReader& reader, size_t min_fields,
                           Row row) {
  std::vector<graph::CsvField> fields;
  for (;;) {
    graph::CsvReader::Step step = reader.Next(&fields);
    if (step == graph::CsvReader::Step::kEnd) return absl::OkStatus();
    if (step == graph::CsvReader::Step::kError) return reader.error();
    if (fields.size() < min_fields) {
      return absl::InvalidArgumentError(
          absl::StrCat(reader.file(), ":", reader.record_line(), ": ",
                       fields.size(), " fields, the header has more"));
    }
    absl::Status s = row(fields);
    if (!s.ok()) return s;
  }
}

}  // namespace

std::string CypherString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

absl::StatusOr<BenchWorkload> MakeKroneckerWorkload(
    const KroneckerWorkloadOptions& options, const fs::path& dir) {
  BenchWorkload w;
  w.title = absl::StrCat("Kronecker scale ", options.scale, ", edge factor ",
                         options.edge_factor, ", seed ", options.seed);
  Clock::time_point t = Clock::now();
  graph::KroneckerOptions ko;
  ko.scale = options.scale;
  ko.edge_factor = options.edge_factor;
  ko.seed = options.seed;
  absl::StatusOr<std::vector<graph::KroneckerEdge>> edges =
      graph::GenerateKronecker(ko);
  if (!edges.ok()) return edges.status();
  w.generate_seconds = Seconds(t);
  w.nodes = uint64_t{1} << options.scale;
  w.edges = edges->size();
  std::vector<uint32_t> out_degree(w.nodes), in_degree(w.nodes);
  t = Clock::now();
  const std::string nodes_path = (dir / "nodes.csv").string();
  const std::string edges_path = (dir / "edges.csv").string();
  {
    std::FILE* f = std::fopen(nodes_path.c_str(), "w");
    if (f == nullptr) return absl::UnavailableError("cannot write nodes.csv");
    std::fputs("id:ID\n", f);
    for (uint64_t v = 0; v < w.nodes; ++v) {
      std::fprintf(f, "%llu\n", static_cast<unsigned long long>(v));
    }
    if (std::fclose(f) != 0) return absl::UnavailableError("writing nodes.csv");
  }
  {
    std::FILE* f = std::fopen(edges_path.c_str(), "w");
    if (f == nullptr) return absl::UnavailableError("cannot write edges.csv");
    std::fputs(":START_ID,:END_ID\n", f);
    for (const auto& [s, d] : *edges) {
      std::fprintf(f, "%llu,%llu\n", static_cast<unsigned long long>(s),
                   static_cast<unsigned long long>(d));
      ++out_degree[s];
      ++in_degree[d];
    }
    if (std::fclose(f) != 0) return absl::UnavailableError("writing edges.csv");
  }
  std::vector<graph::KroneckerEdge>().swap(*edges);
  w.write_seconds = Seconds(t);
  w.node_files = {{nodes_path, "Node"}};
  w.edge_files = {{edges_path, "E", "Node", "Node"}};
  w.labels = {"Node"};
  w.types = {"E"};
  DrawInputs(
      options.seed, options.seeds, options.pairs, out_degree, in_degree,
      [](uint64_t v) {
        return BenchNode{std::to_string(v), "Node"};
      },
      &w);
  if (w.seeds.empty())
    return absl::InvalidArgumentError("the graph has no edge");
  return w;
}

absl::StatusOr<BenchWorkload> ReadCsvWorkload(const CsvWorkloadOptions& options,
                                              const fs::path& dir) {
  BenchWorkload w;
  w.title = absl::StrCat("CSV ", options.nodes_path, " + ", options.edges_path,
                         ", seed ", options.seed);
  Clock::time_point t = Clock::now();

  // Nodes: id text and label index per row.
  absl::StatusOr<std::string> data = ReadWhole(options.nodes_path);
  if (!data.ok()) return data.status();
  graph::CsvReader nodes(*data, options.nodes_path);
  std::vector<graph::CsvField> header;
  if (nodes.Next(&header) != graph::CsvReader::Step::kRecord) {
    return absl::InvalidArgumentError(
        absl::StrCat(options.nodes_path, ":1: no header"));
  }
  const int id_col = FindColumn(header, IsIdColumn);
  const int label_col =
      FindColumn(header, [](std::string_view h) { return h == ":LABEL"; });
  if (id_col < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(options.nodes_path, ":1: no :ID column"));
  }
  std::vector<std::string> ids;
  std::vector<uint32_t> node_label;
  std::map<std::string, uint32_t> label_index;
  const size_t node_fields = std::max(id_col, label_col) + 1;
  absl::Status s = ForEachRecord(nodes, node_fields, [&](const auto& f) {
    std::string label = "Node";
    if (label_col >= 0 && !f[label_col].text.empty()) {
      std::string_view l = f[label_col].text;
      label = std::string(l.substr(0, l.find(';')));
    }
    if (!IsName(label)) {
      return absl::InvalidArgumentError(
          absl::StrCat(options.nodes_path, ":", nodes.record_line(),
                       ": label '", label, "' is not a name"));
    }
    auto [it, added] = label_index.emplace(label, label_index.size());
    ids.emplace_back(f[id_col].text);
    node_label.push_back(it->second);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  data->clear();
  w.integer_ids = !ids.empty() && std::all_of(ids.begin(), ids.end(),
                                              [](const std::string& id) {
                                                int64_t v;
                                                return absl::SimpleAtoi(id, &v);
                                              });
  // Integer ids are written in canonical form ("07" is 7, as in Dossier's
  // integer ID space).
  auto canonical = [&](std::string_view text, std::string* out) {
    if (!w.integer_ids) {
      out->assign(text);
      return true;
    }
    int64_t v;
    if (!absl::SimpleAtoi(absl::string_view(text.data(), text.size()), &v)) {
      return false;
    }
    *out = std::to_string(v);
    return true;
  };
  absl::flat_hash_map<std::string, uint32_t> index;
  index.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string key;
    canonical(ids[i], &key);
    if (!index.emplace(key, static_cast<uint32_t>(i)).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(options.nodes_path, ": duplicate id ", ids[i]));
    }
    ids[i] = std::move(key);
  }

  // Relationships: (type, start, end) per row.
  data = ReadWhole(options.edges_path);
  if (!data.ok()) return data.status();
  graph::CsvReader rels(*data, options.edges_path);
  if (rels.Next(&header) != graph::CsvReader::Step::kRecord) {
    return absl::InvalidArgumentError(
        absl::StrCat(options.edges_path, ":1: no header"));
  }
  auto prefix = [](std::string_view p) {
    return [p](std::string_view h) { return h.substr(0, p.size()) == p; };
  };
  const int start_col = FindColumn(header, prefix(":START_ID"));
  const int end_col = FindColumn(header, prefix(":END_ID"));
  const int type_col =
      FindColumn(header, [](std::string_view h) { return h == ":TYPE"; });
  if (start_col < 0 || end_col < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        options.edges_path, ":1: no :START_ID or no :END_ID column"));
  }
  std::map<std::string, uint32_t> type_index;
  struct Rel {
    uint32_t type, start, end;
  };
  std::vector<Rel> edges;
  std::vector<uint32_t> out_degree(ids.size()), in_degree(ids.size());
  const size_t rel_fields = std::max({start_col, end_col, type_col}) + 1;
  std::string key;
  s = ForEachRecord(rels, rel_fields, [&](const auto& f) -> absl::Status {
    uint32_t ends[2];
    for (int e = 0; e < 2; ++e) {
      std::string_view text = f[e == 0 ? start_col : end_col].text;
      auto it = canonical(text, &key) ? index.find(key) : index.end();
      if (it == index.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat(options.edges_path, ":", rels.record_line(),
                         ": no node with id ", std::string(text)));
      }
      ends[e] = it->second;
    }
    std::string type = type_col >= 0 && !f[type_col].text.empty()
                           ? std::string(f[type_col].text)
                           : "E";
    if (!IsName(type)) {
      return absl::InvalidArgumentError(
          absl::StrCat(options.edges_path, ":", rels.record_line(), ": type '",
                       type, "' is not a name"));
    }
    auto [it, added] = type_index.emplace(type, type_index.size());
    edges.push_back({it->second, ends[0], ends[1]});
    ++out_degree[ends[0]];
    ++in_degree[ends[1]];
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  data->clear();
  if (edges.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(options.edges_path, ": no relationship"));
  }
  w.generate_seconds = Seconds(t);

  // The rewritten files.
  t = Clock::now();
  std::vector<std::string> labels(label_index.size()), types(type_index.size());
  for (const auto& [name, i] : label_index) labels[i] = name;
  for (const auto& [name, i] : type_index) types[i] = name;
  w.nodes = ids.size();
  w.edges = edges.size();
  for (uint32_t l = 0; l < labels.size(); ++l) {
    BenchNodeFile file{(dir / absl::StrCat("nodes_", l, ".csv")).string(),
                       labels[l]};
    std::ofstream out(file.path, std::ios::binary);
    out << "id:ID\n";
    for (size_t i = 0; i < ids.size(); ++i) {
      if (node_label[i] == l) out << CsvField(ids[i]) << '\n';
    }
    if (!out.flush())
      return absl::UnavailableError("cannot write " + file.path);
    w.node_files.push_back(std::move(file));
  }
  auto group = [&](const Rel& r) {
    return std::make_tuple(r.type, node_label[r.start], node_label[r.end]);
  };
  std::stable_sort(edges.begin(), edges.end(), [&](const Rel& a, const Rel& b) {
    return group(a) < group(b);
  });
  for (size_t i = 0; i < edges.size();) {
    const auto g = group(edges[i]);
    BenchEdgeFile file{
        (dir / absl::StrCat("edges_", w.edge_files.size(), ".csv")).string(),
        types[std::get<0>(g)], labels[std::get<1>(g)], labels[std::get<2>(g)]};
    std::ofstream out(file.path, std::ios::binary);
    out << ":START_ID,:END_ID\n";
    for (; i < edges.size() && group(edges[i]) == g; ++i) {
      out << CsvField(ids[edges[i].start]) << ',' << CsvField(ids[edges[i].end])
          << '\n';
    }
    if (!out.flush())
      return absl::UnavailableError("cannot write " + file.path);
    w.edge_files.push_back(std::move(file));
  }
  std::vector<Rel>().swap(edges);
  w.write_seconds = Seconds(t);
  w.labels = labels;
  w.types = types;
  std::sort(w.labels.begin(), w.labels.end());
  std::sort(w.types.begin(), w.types.end());
  DrawInputs(
      options.seed, options.seeds, options.pairs, out_degree, in_degree,
      [&](uint64_t v) {
        return BenchNode{w.integer_ids ? ids[v] : CypherString(ids[v]),
                         labels[node_label[v]]};
      },
      &w);
  if (w.seeds.empty()) {
    return absl::InvalidArgumentError("no node with a relationship was drawn");
  }
  return w;
}

absl::StatusOr<BenchWorkload> MakeNewsWorkload(
    const NewsWorkloadOptions& options, const fs::path& dir) {
  Clock::time_point t = Clock::now();
  absl::StatusOr<graph::NewsGraph> g =
      graph::GenerateNewsGraph({options.scale, options.seed});
  if (!g.ok()) return g.status();
  double generate = Seconds(t);
  const std::string nodes_path = (dir / "news-nodes.csv").string();
  const std::string edges_path = (dir / "news-edges.csv").string();
  {
    std::FILE* f = std::fopen(nodes_path.c_str(), "w");
    if (f == nullptr) return absl::UnavailableError("cannot write news-nodes.csv");
    std::fputs("id:ID,:LABEL\n", f);
    for (size_t v = 0; v < g->labels.size(); ++v) {
      std::string_view label = graph::NewsLabelName(g->labels[v]);
      std::fprintf(f, "%zu,%.*s\n", v, static_cast<int>(label.size()),
                   label.data());
    }
    if (std::fclose(f) != 0) return absl::UnavailableError("writing news-nodes.csv");
  }
  {
    std::FILE* f = std::fopen(edges_path.c_str(), "w");
    if (f == nullptr) return absl::UnavailableError("cannot write news-edges.csv");
    std::fputs(":START_ID,:END_ID,:TYPE\n", f);
    for (const graph::NewsEdge& e : g->edges) {
      std::string_view type = graph::NewsTypeName(e.type);
      std::fprintf(f, "%llu,%llu,%.*s\n", static_cast<unsigned long long>(e.src),
                   static_cast<unsigned long long>(e.dst),
                   static_cast<int>(type.size()), type.data());
    }
    if (std::fclose(f) != 0) return absl::UnavailableError("writing news-edges.csv");
  }
  absl::StatusOr<BenchWorkload> w = ReadCsvWorkload(
      {nodes_path, edges_path, options.seed, options.seeds, options.pairs}, dir);
  if (!w.ok()) return w.status();
  w->title = absl::StrCat("news-shaped graph scale ", options.scale, " (",
                          g->labels.size(), " nodes, 7 labels, 11 types), seed ",
                          options.seed);
  w->generate_seconds += generate;
  return w;
}

}  // namespace dossier::cli
