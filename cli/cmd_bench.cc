// dossier bench: the same traversal queries on Dossier and on Kùzu, over the
// same generated graph, with the answers checked equal (docs/benchmarks.md).
//
// One run: generate a Graph500 Kronecker graph (graph/kronecker.h) or read
// the user's neo4j-admin files, write neo4j-admin CSV (cli/bench_workload.h),
// then in a child process bulk-load it into Dossier (graph/bulk_load.h) and
// run the queries (cli/bench_queries.h) through query::ExecuteQuery, and in
// another child load the same files into Kùzu with COPY and run the Kùzu
// form of each query (benchmarks/peers/kuzu_bench.js). Each child's peak
// RSS and CPU time come from wait4(); per query, median/min/max wall time and
// median CPU time of each engine. A run of a query past the --timeout
// deadline on one engine is reported as "timeout" and its answer is not
// compared. With --out, the per-query table is also written as TSV (for
// benchmarks/plot.py). Exit 0 when every answer both engines gave is
// identical (and no query failed otherwise), 1 otherwise or on an error, 2
// on a usage error.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/bench_queries.h"
#include "cli/bench_workload.h"
#include "cli/commands.h"
#include "cli/subcommand.h"
#include "graph/bulk_load.h"
#include "graph/store.h"
#include "nlohmann/json.hpp"
#include "query/engine.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct BenchArgs {
  int scale = 16;
  int edge_factor = 16;
  uint64_t seed = 1;
  int runs = 5;
  double budget_seconds = 20;
  double query_timeout = 120;
  int seeds = 100;
  int pairs = 20;
  std::string graph = "kronecker";  // Or "news" (graph/news_graph.h).
  std::string nodes;  // The user's graph (--nodes/--edges) instead of
  std::string edges;  // a generated one.
  std::string dir;    // Work directory; default a fresh one under $TMPDIR.
  std::string peers;  // benchmarks/peers
  std::string out;    // TSV of the per-query table, when not empty.
  bool keep = false;
};

double ProcessCpuMs() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

double Ms(Clock::time_point a) {
  return std::chrono::duration<double, std::milli>(Clock::now() - a).count();
}

uint64_t DiskBytes(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(p, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// The canonical answer text (kuzu_bench.js writes the same form).
std::string Canonical(const graph::Value& v) {
  switch (v.kind()) {
    case graph::ValueKind::kNull:
      return "null";
    case graph::ValueKind::kInt:
      return std::to_string(v.AsInt());
    case graph::ValueKind::kString:
      return v.AsString();
    case graph::ValueKind::kBool:
      return v.AsBool() ? "true" : "false";
    case graph::ValueKind::kDouble:
    case graph::ValueKind::kList:
    case graph::ValueKind::kMap:
    case graph::ValueKind::kNode:
    case graph::ValueKind::kEdge:
    case graph::ValueKind::kPath:
      return v.DebugString();
  }
  return "?";
}

std::string Canonical(const query::QueryResult& r) {
  if (r.rows.empty()) return "-";
  std::vector<std::string> rows;
  for (const auto& row : r.rows) {
    std::vector<std::string> cells;
    for (const graph::Value& v : row) cells.push_back(Canonical(v));
    rows.push_back(absl::StrJoin(cells, "|"));
  }
  return absl::StrJoin(rows, "\n");
}

// Runs the statements of one query once with the deadline `timeout`
// covering them all; appends each canonical answer to *answers.
absl::Status RunOnce(graph::Store& store, const BenchQuery& q,
                     absl::Duration timeout,
                     std::vector<std::string>* answers) {
  query::QueryOptions qo;
  qo.read_only = true;
  qo.max_memory_bytes = uint64_t{4} << 30;
  const absl::Time deadline = absl::Now() + timeout;
  for (const std::string& s : q.dossier) {
    qo.timeout = deadline - absl::Now();
    if (qo.timeout <= absl::ZeroDuration()) {
      return absl::DeadlineExceededError("the query's deadline passed");
    }
    absl::StatusOr<query::QueryResult> r =
        query::ExecuteQuery(store, s, {}, qo);
    if (!r.ok()) return r.status();
    answers->push_back(Canonical(*r));
  }
  return absl::OkStatus();
}

// The Dossier side, in a child process: import, then the queries. Writes
// the same JSON shape as kuzu_bench.js to `out`.
int DossierChild(const BenchArgs& args, const BenchWorkload& w,
                 const fs::path& dir, const std::vector<BenchQuery>& queries,
                 const fs::path& out) {
  Json j;
  const std::string db = (dir / "dossier.db").string();
  graph::BulkLoadOptions options;
  options.id_type = w.integer_ids ? graph::BulkLoadOptions::IdType::kInteger
                                  : graph::BulkLoadOptions::IdType::kString;
  std::vector<graph::BulkInput> node_inputs, edge_inputs;
  for (const BenchNodeFile& f : w.node_files)
    node_inputs.push_back({f.path, f.label});
  for (const BenchEdgeFile& f : w.edge_files)
    edge_inputs.push_back({f.path, f.type});
  double cpu0 = ProcessCpuMs();
  Clock::time_point t = Clock::now();
  absl::StatusOr<graph::BulkLoadReport> report =
      graph::BulkLoad(db, node_inputs, edge_inputs, options);
  if (!report.ok()) {
    std::cerr << "error: dossier import: " << report.status().message() << "\n";
    return kExitError;
  }
  j["load_ms"] = Ms(t);
  j["load_cpu_ms"] = ProcessCpuMs() - cpu0;
  absl::StatusOr<std::unique_ptr<graph::Store>> store = graph::Store::Open(db);
  if (!store.ok()) return ReportError(store.status());
  for (const BenchQuery& q : queries) {
    Json e;
    e["name"] = q.name;
    e["times_ms"] = Json::array();
    e["cpu_ms"] = Json::array();
    e["answer"] = nullptr;
    double spent = 0;
    for (int run = 0; run < args.runs; ++run) {
      std::vector<std::string> answers;
      cpu0 = ProcessCpuMs();
      t = Clock::now();
      absl::Status status =
          RunOnce(**store, q, absl::Seconds(args.query_timeout), &answers);
      const double ms = Ms(t);
      // A run that ended past the deadline (the engine checks it only in
      // its loops) is a timeout too, as on the Kùzu side.
      if (absl::IsDeadlineExceeded(status) ||
          (status.ok() && ms > args.query_timeout * 1e3)) {
        e["timeout"] = true;
        break;
      }
      if (!status.ok()) {
        e["error"] = std::string(status.message());
        break;
      }
      e["times_ms"].push_back(ms);
      e["cpu_ms"].push_back(ProcessCpuMs() - cpu0);
      e["answer"] = absl::StrJoin(answers, "\n;\n");
      spent += ms;
      if (spent > args.budget_seconds * 1e3) break;
    }
    j["queries"].push_back(e);
  }
  std::ofstream(out) << j.dump() << "\n";
  return kExitOk;
}

struct ChildResult {
  int status = -1;
  double max_rss_mb = 0;
  double cpu_s = 0;
  double wall_s = 0;
};

// Waits for `pid`, with its resource usage.
ChildResult Wait(pid_t pid, Clock::time_point started) {
  ChildResult r;
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) == pid) {
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.max_rss_mb = ru.ru_maxrss / 1024.0;
    r.cpu_s = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
              (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  }
  r.wall_s = Ms(started) / 1e3;
  return r;
}

std::string FindPeers(const BenchArgs& args) {
  std::vector<fs::path> candidates;
  if (!args.peers.empty()) {
    candidates.push_back(args.peers);
  } else {
    candidates.push_back("benchmarks/peers");
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      candidates.push_back(exe.parent_path().parent_path() /
                           "benchmarks/peers");
    }
  }
  for (const fs::path& p : candidates) {
    if (fs::exists(p / "kuzu_bench.js")) return fs::absolute(p).string();
  }
  return candidates.front().string();
}

std::string Stats(const Json& times, double* median) {
  std::vector<double> t;
  for (const Json& x : times) t.push_back(x.get<double>());
  if (t.empty()) {
    *median = 0;
    return "—";
  }
  std::sort(t.begin(), t.end());
  *median = t[t.size() / 2];
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.1f (%.1f–%.1f)", *median, t.front(),
                t.back());
  return buf;
}

double Median(const Json& values) {
  std::vector<double> t;
  for (const Json& x : values) t.push_back(x.get<double>());
  if (t.empty()) return 0;
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// The per-query table; returns false when an answer differs or a query
// failed (a timeout is neither).
bool PrintQueries(const std::vector<BenchQuery>& queries, const Json& dj,
                  const Json& kj, double timeout_s, int* timeouts) {
  std::printf(
      "| query | Dossier ms median (min–max) | Kùzu ms median (min–max) "
      "| ratio D/K | CPU ms D / K | runs D/K | answers |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  bool all_equal = true;
  for (size_t i = 0; i < queries.size(); ++i) {
    const Json& d = dj["queries"][i];
    const Json& k = kj["queries"][i];
    const bool dt = d.value("timeout", false), kt = k.value("timeout", false);
    double dm, km;
    std::string ds = Stats(d["times_ms"], &dm), ks = Stats(k["times_ms"], &km);
    char limit[48];
    std::snprintf(limit, sizeof limit, "timeout (> %g s)", timeout_s);
    if (dt) ds = dm > 0 ? ds + ", then a timeout" : limit;
    if (kt) ks = km > 0 ? ks + ", then a timeout" : limit;
    const bool compared = !d["answer"].is_null() && !k["answer"].is_null();
    const bool failed = d.contains("error") || k.contains("error");
    const bool equal = compared && d["answer"] == k["answer"];
    std::string verdict;
    if (equal) {
      verdict = "identical";
    } else if (!compared && !failed && (dt || kt)) {
      verdict = absl::StrCat("not compared (",
                             dt && kt ? "both" : (dt ? "Dossier" : "Kùzu"),
                             " timeout)");
      ++*timeouts;
    } else {
      verdict = "DIFFER";
      all_equal = false;
    }
    if (d.contains("error"))
      verdict += " (Dossier: " + d["error"].get<std::string>() + ")";
    if (k.contains("error"))
      verdict += " (Kùzu: " + k["error"].get<std::string>() + ")";
    // Past the deadline the ratio is a bound: the timed-out side took at
    // least `timeout_s`.
    char ratio[32] = "—";
    if (dm > 0 && km > 0) {
      std::snprintf(ratio, sizeof ratio, "%.2f", dm / km);
    } else if (dt && km > 0) {
      std::snprintf(ratio, sizeof ratio, ">%.2f", timeout_s * 1e3 / km);
    } else if (kt && dm > 0) {
      std::snprintf(ratio, sizeof ratio, "<%.3g", dm / (timeout_s * 1e3));
    }
    std::printf("| %s | %s | %s | %s | %.1f / %.1f | %zu/%zu | %s |\n",
                queries[i].name.c_str(), ds.c_str(), ks.c_str(), ratio,
                Median(d["cpu_ms"]), Median(k["cpu_ms"]), d["times_ms"].size(),
                k["times_ms"].size(), verdict.c_str());
    if (!equal && compared) {
      std::fprintf(stderr, "%s: Dossier answered %s, Kùzu %s\n",
                   queries[i].name.c_str(),
                   d["answer"].get<std::string>().substr(0, 200).c_str(),
                   k["answer"].get<std::string>().substr(0, 200).c_str());
    }
  }
  return all_equal;
}

// "median\tmin\tmax" of `times` in ms, or three empty fields.
std::string TsvTimes(const Json& times) {
  std::vector<double> t;
  for (const Json& x : times) t.push_back(x.get<double>());
  if (t.empty()) return "\t\t";
  std::sort(t.begin(), t.end());
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.3f\t%.3f\t%.3f", t[t.size() / 2], t.front(),
                t.back());
  return buf;
}

// Writes the per-query table as TSV to `path`: a comment line with the run's
// parameters, a header, one line per query. Times are empty when the engine
// has no finished run; status is ok, differs, timeout-dossier, timeout-kuzu,
// timeout-both, error-dossier or error-kuzu (the first that applies, errors
// first).
absl::Status WriteTsv(const std::string& path, const BenchArgs& args,
                      const BenchWorkload& w,
                      const std::vector<BenchQuery>& queries, const Json& dj,
                      const Json& kj) {
  std::ofstream f(path);
  if (!f) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  f << "# graph=" << (args.nodes.empty() ? args.graph : "csv")
    << " scale=" << (args.nodes.empty() ? std::to_string(args.scale) : "csv")
    << " seed=" << args.seed << " runs=" << args.runs
    << " timeout_s=" << args.query_timeout << " nodes=" << w.nodes
    << " edges=" << w.edges << " kuzu=" << kj.value("version", std::string("?"))
    << " date="
    << absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone())
    << "\n";
  f << "query\tdossier_median_ms\tdossier_min_ms\tdossier_max_ms\t"
       "kuzu_median_ms\tkuzu_min_ms\tkuzu_max_ms\tratio\tstatus\n";
  for (size_t i = 0; i < queries.size(); ++i) {
    const Json& d = dj["queries"][i];
    const Json& k = kj["queries"][i];
    const bool dt = d.value("timeout", false), kt = k.value("timeout", false);
    std::string status = "ok";
    if (d.contains("error")) {
      status = "error-dossier";
    } else if (k.contains("error")) {
      status = "error-kuzu";
    } else if (dt || kt) {
      status =
          dt && kt ? "timeout-both" : (dt ? "timeout-dossier" : "timeout-kuzu");
    } else if (d["answer"] != k["answer"]) {
      status = "differs";
    }
    const double dm = Median(d["times_ms"]), km = Median(k["times_ms"]);
    std::string ratio;
    if (dm > 0 && km > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", dm / km);
      ratio = buf;
    }
    f << queries[i].name << "\t" << TsvTimes(d["times_ms"]) << "\t"
      << TsvTimes(k["times_ms"]) << "\t" << ratio << "\t" << status << "\n";
  }
  f.close();
  if (!f) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

int RunBench(const BenchArgs& args) {
  const bool csv = !args.nodes.empty() || !args.edges.empty();
  if (args.scale < 1 || args.scale > 26 || args.runs < 1 ||
      !(args.query_timeout > 0)) {
    std::cerr << "error: --scale is 1..26, --runs at least 1 and --timeout "
                 "above 0\n";
    return kExitUsage;
  }
  if (csv && (args.nodes.empty() || args.edges.empty())) {
    std::cerr << "error: --nodes and --edges go together\n";
    return kExitUsage;
  }
  const bool news = args.graph == "news";
  if (!news && args.graph != "kronecker") {
    std::cerr << "error: --graph is kronecker or news\n";
    return kExitUsage;
  }
  if (news && (csv || args.scale < 6)) {
    std::cerr << "error: --graph news takes --scale 6..26 and no --nodes\n";
    return kExitUsage;
  }
  const std::string peers = FindPeers(args);
  if (!fs::exists(fs::path(peers) / "node_modules/kuzu/package.json")) {
    std::cerr << "error: Kùzu's npm package is missing under " << peers
              << "/node_modules (scripts/install-deps runs `npm install "
                 "kuzu@0.11.3` in benchmarks/peers; or pass --peers DIR)\n";
    return kExitError;
  }
  fs::path dir = args.dir;
  if (dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    dir = fs::path(tmp != nullptr ? tmp : "/tmp") /
          absl::StrCat("dossier-bench-",
                       csv ? std::string("csv")
                           : absl::StrCat(news ? "news" : "", args.scale),
                       "-", getpid());
  }
  std::error_code ec;
  fs::remove_all(dir / "dossier.db", ec);
  fs::remove(dir / "kuzu.db", ec);
  fs::remove(dir / "kuzu.db.wal", ec);
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "error: cannot create " << dir << ": " << ec.message() << "\n";
    return kExitError;
  }
  dir = fs::absolute(dir);

  absl::StatusOr<BenchWorkload> w;
  if (csv) {
    std::cerr << "reading " << args.nodes << " and " << args.edges << " ...\n";
    w = ReadCsvWorkload(
        {args.nodes, args.edges, args.seed, args.seeds, args.pairs}, dir);
  } else if (news) {
    std::cerr << "generating the news-shaped graph, scale " << args.scale
              << " ...\n";
    w = MakeNewsWorkload({args.scale, args.seed, args.seeds, args.pairs}, dir);
  } else {
    std::cerr << "generating Kronecker scale " << args.scale << " ...\n";
    w = MakeKroneckerWorkload(
        {args.scale, args.edge_factor, args.seed, args.seeds, args.pairs}, dir);
  }
  if (!w.ok()) return ReportError(w.status());
  const std::vector<BenchQuery> queries = TraversalQueries(*w);

  std::cerr << "Dossier: import and queries ...\n";
  std::fflush(nullptr);
  Clock::time_point started = Clock::now();
  pid_t pid = fork();
  if (pid == 0)
    _exit(DossierChild(args, *w, dir, queries, dir / "dossier.json"));
  ChildResult dossier = Wait(pid, started);

  Json spec;
  spec["db"] = (dir / "kuzu.db").string();
  spec["setup"] = KuzuSchema(*w);
  spec["load"] = KuzuCopies(*w);
  spec["runs"] = args.runs;
  spec["budget_seconds"] = args.budget_seconds;
  spec["timeout_seconds"] = args.query_timeout;
  for (const BenchQuery& q : queries) {
    spec["queries"].push_back({{"name", q.name}, {"statements", q.kuzu}});
  }
  std::ofstream(dir / "kuzu_spec.json") << spec.dump() << "\n";
  std::cerr << "Kùzu: COPY and queries ...\n";
  std::fflush(nullptr);
  started = Clock::now();
  pid = fork();
  if (pid == 0) {
    int fd =
        open((dir / "kuzu.json").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) _exit(127);
    std::string script = (fs::path(peers) / "kuzu_bench.js").string();
    std::string spec_path = (dir / "kuzu_spec.json").string();
    execlp("node", "node", script.c_str(), spec_path.c_str(), (char*)nullptr);
    std::perror("cannot run node");
    _exit(127);
  }
  ChildResult kuzu = Wait(pid, started);

  Json dj, kj;
  try {
    dj = Json::parse(std::ifstream(dir / "dossier.json"));
    kj = Json::parse(std::ifstream(dir / "kuzu.json"));
  } catch (const std::exception&) {
    std::cerr << "error: a benchmark child failed (Dossier exit "
              << dossier.status << ", Kùzu exit " << kuzu.status
              << "); outputs in " << dir << "\n";
    return kExitError;
  }

  std::printf("\n## dossier bench: %s\n\n", w->title.c_str());
  std::printf(
      "%llu nodes (%zu labels), %llu relationships (%zu types); %zu "
      "seeds, %zu pairs; deadline %g s per query; Kùzu %s; generation "
      "%.2f s, CSV writing %.2f s\n\n",
      (unsigned long long)w->nodes, w->labels.size(),
      (unsigned long long)w->edges, w->types.size(), w->seeds.size(),
      w->pairs.size(), args.query_timeout,
      kj.value("version", std::string("?")).c_str(), w->generate_seconds,
      w->write_seconds);
  int timeouts = 0;
  const bool all_equal =
      PrintQueries(queries, dj, kj, args.query_timeout, &timeouts);
  const double dl = dj["load_ms"].get<double>(),
               kl = kj["load_ms"].get<double>();
  std::printf("\n| | Dossier | Kùzu | ratio D/K |\n|---|---|---|---|\n");
  std::printf("| load (import / COPY), wall s | %.2f | %.2f | %.2f |\n",
              dl / 1e3, kl / 1e3, dl / kl);
  std::printf("| load CPU s | %.2f | %.2f | |\n",
              dj["load_cpu_ms"].get<double>() / 1e3,
              kj["load_cpu_ms"].get<double>() / 1e3);
  std::printf("| load rate, M relationships/s (wall) | %.2f | %.2f | |\n",
              w->edges / dl / 1e3, w->edges / kl / 1e3);
  double dsize = DiskBytes(dir / "dossier.db") / 1048576.0;
  double ksize =
      (DiskBytes(dir / "kuzu.db") + DiskBytes(dir / "kuzu.db.wal")) / 1048576.0;
  std::printf("| size on disk, MiB | %.1f | %.1f | %.2f |\n", dsize, ksize,
              dsize / ksize);
  std::printf("| peak RSS of the process, MiB | %.0f | %.0f | %.2f |\n",
              dossier.max_rss_mb, kuzu.max_rss_mb,
              dossier.max_rss_mb / kuzu.max_rss_mb);
  std::printf(
      "| process wall / CPU s (load + all runs) | %.1f / %.1f | %.1f / %.1f | "
      "|\n",
      dossier.wall_s, dossier.cpu_s, kuzu.wall_s, kuzu.cpu_s);
  double load1, load5, load15;
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf %lf %lf", &load1, &load5, &load15) == 3) {
      std::printf("\nload average at the end: %.2f %.2f %.2f (%u cores)\n",
                  load1, load5, load15, std::thread::hardware_concurrency());
    }
    std::fclose(f);
  }
  if (!all_equal) {
    std::printf("answers: SOME DIFFER\n");
  } else if (timeouts > 0) {
    std::printf(
        "answers: all identical where both finished (%d not compared: "
        "timeout)\n",
        timeouts);
  } else {
    std::printf("answers: all identical\n");
  }
  absl::Status written = absl::OkStatus();
  if (!args.out.empty()) {
    written = WriteTsv(args.out, args, *w, queries, dj, kj);
  }
  if (!args.keep && args.dir.empty()) fs::remove_all(dir, ec);
  if (!written.ok()) return ReportError(written);
  return all_equal ? kExitOk : kExitError;
}

}  // namespace

Subcommand AddBenchCommand(CLI::App& app) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Traversal queries on Dossier and Kùzu over the same generated graph "
      "or CSV files");
  cmd->add_option("--graph", args->graph,
                  "Generated graph: kronecker (Graph500, one label and type) "
                  "or news (Dossier's labels and types, power-law degrees)")
      ->capture_default_str();
  cmd->add_option("--scale", args->scale, "Generated graph: 2^scale nodes")
      ->capture_default_str();
  cmd->add_option("--edge-factor", args->edge_factor,
                  "Edges per node generated")
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Generator and query-input seed")
      ->capture_default_str();
  cmd->add_option("--runs", args->runs, "Runs per query (median/min/max)")
      ->capture_default_str();
  cmd->add_option("--budget", args->budget_seconds,
                  "Stop repeating a query once its runs took this many seconds")
      ->capture_default_str();
  cmd->add_option("--timeout", args->query_timeout,
                  "Deadline of one run of a query (all its statements) on "
                  "either engine, in seconds; past it the query is reported "
                  "as a timeout and its answer is not compared")
      ->capture_default_str();
  cmd->add_option("--seeds", args->seeds, "Seeds of the 1/2/3-hop queries")
      ->capture_default_str();
  cmd->add_option("--pairs", args->pairs, "Pairs of the shortest-path query")
      ->capture_default_str();
  cmd->add_option("--nodes", args->nodes,
                  "Benchmark this neo4j-admin node file (id:ID, optional "
                  ":LABEL) instead of the Kronecker graph; with --edges");
  cmd->add_option("--edges", args->edges,
                  "The relationships of --nodes (:START_ID,:END_ID, optional "
                  ":TYPE)");
  cmd->add_option("--dir", args->dir,
                  "Work directory for CSV files and both databases (kept)");
  cmd->add_option("--peers", args->peers,
                  "Directory of kuzu_bench.js and node_modules/kuzu "
                  "(default benchmarks/peers)");
  cmd->add_option("--out", args->out,
                  "Also write the per-query table as TSV to this file "
                  "(benchmarks/plot.py draws it)");
  cmd->add_flag("--keep", args->keep, "Keep the temporary work directory");
  return {cmd, [args] { return RunBench(*args); }};
}

}  // namespace dossier::cli
