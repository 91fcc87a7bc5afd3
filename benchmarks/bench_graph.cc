// dossier_bench_graph: BFS over Dossier's Csr against a plain Boost.Graph
// compressed_sparse_row_graph on the same Graph500 Kronecker graph.
//
//   dossier_bench_graph [--scale=16] [--edge-factor=16] [--seed=1]
//                       [--roots=64] [Google Benchmark flags]
//
// Reports (stdout, summary table last): generation and build times, bytes
// per edge of each Csr direction and of the id tables, and BFS traversed
// edges per second of both engines from the same sample roots (Graph500
// style: distinct vertices with out-degree > 0, drawn by a seeded
// SplitMix64), as a harmonic mean over the roots, and their ratio.
// Traversed edges of one BFS = out-edges of the reached vertices (each is
// examined once by either engine); both engines must reach the same vertex
// set, which is checked.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include "graph/algorithms.h"
#include "graph/csr.h"
#include "graph/kronecker.h"

namespace {

using dossier::graph::Csr;
using PlainGraph = boost::compressed_sparse_row_graph<boost::directedS>;
using Clock = std::chrono::steady_clock;

struct Flags {
  int scale = 16;
  int edge_factor = 16;
  uint64_t seed = 1;
  int roots = 64;
};

struct Context {
  std::shared_ptr<const Csr> csr;
  PlainGraph boost_graph;
  std::vector<uint32_t> roots;
};
Context* g_context = nullptr;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU time of this thread: on a shared machine it leaves out the time the
// thread waits for a core, which wall time counts.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

bool ParseFlag(const char* arg, const char* name, uint64_t* out) {
  const size_t len = std::strlen(name);
  if (std::strncmp(arg, name, len) != 0 || arg[len] != '=') return false;
  char* end = nullptr;
  *out = std::strtoull(arg + len + 1, &end, 10);
  if (end == arg + len + 1 || *end != '\0') {
    std::fprintf(stderr, "bad value in %s\n", arg);
    std::exit(2);
  }
  return true;
}

// Removes our flags from argv; the rest goes to Google Benchmark.
Flags ParseFlags(int* argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    uint64_t v = 0;
    if (ParseFlag(argv[i], "--scale", &v)) {
      flags.scale = static_cast<int>(v);
    } else if (ParseFlag(argv[i], "--edge-factor", &v)) {
      flags.edge_factor = static_cast<int>(v);
    } else if (ParseFlag(argv[i], "--seed", &v)) {
      flags.seed = v;
    } else if (ParseFlag(argv[i], "--roots", &v)) {
      flags.roots = static_cast<int>(v);
    } else {
      argv[kept++] = argv[i];
    }
  }
  *argc = kept;
  return flags;
}

long PeakRssKiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// One Dossier BFS; returns traversed edges, reached vertices via *reached.
uint64_t DossierBfs(const Csr& csr, uint32_t root, uint64_t* reached) {
  auto result = dossier::graph::Bfs(csr, root);
  if (!result.ok()) {
    std::fprintf(stderr, "BFS failed: %s\n", result.status().ToString().c_str());
    std::exit(1);
  }
  *reached = result->reached;
  return result->edges_scanned;
}

// One plain Boost BFS (visitor-less, two-bit color map as Boost's default);
// returns the color map for checking.
boost::two_bit_color_map<> BoostBfs(const PlainGraph& g, size_t root) {
  auto color = boost::make_two_bit_color_map(
      boost::num_vertices(g), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(g, root, boost::color_map(color));
  return color;
}

void BM_DossierBfs(benchmark::State& state) {
  const Context& ctx = *g_context;
  size_t i = 0;
  uint64_t edges = 0;
  for (auto _ : state) {
    uint64_t reached = 0;
    edges += DossierBfs(*ctx.csr, ctx.roots[i++ % ctx.roots.size()], &reached);
  }
  state.counters["TEPS"] = benchmark::Counter(static_cast<double>(edges),
                                              benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DossierBfs)->Unit(benchmark::kMillisecond);

void BM_BoostBfs(benchmark::State& state) {
  const Context& ctx = *g_context;
  size_t i = 0;
  uint64_t edges = 0;
  for (auto _ : state) {
    const uint32_t root = ctx.roots[i++ % ctx.roots.size()];
    auto color = BoostBfs(ctx.boost_graph, root);
    benchmark::DoNotOptimize(color);
    state.PauseTiming();
    uint64_t reached = 0;
    edges += DossierBfs(*ctx.csr, root, &reached);  // same edge count
    state.ResumeTiming();
  }
  state.counters["TEPS"] = benchmark::Counter(static_cast<double>(edges),
                                              benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BoostBfs)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(&argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  // 1. The graph.
  dossier::graph::KroneckerOptions kopt;
  kopt.scale = flags.scale;
  kopt.edge_factor = flags.edge_factor;
  kopt.seed = flags.seed;
  auto t0 = Clock::now();
  auto edges_or = dossier::graph::GenerateKronecker(kopt);
  auto t1 = Clock::now();
  if (!edges_or.ok()) {
    std::fprintf(stderr, "%s\n", edges_or.status().ToString().c_str());
    return 2;
  }
  const std::vector<dossier::graph::KroneckerEdge>& edges = *edges_or;
  const uint64_t n = uint64_t{1} << flags.scale;
  const double gen_s = Seconds(t0, t1);
  std::printf("kronecker scale %d edge factor %d seed %llu: %llu vertices, "
              "%zu edges (%.2f s)\n",
              flags.scale, flags.edge_factor,
              static_cast<unsigned long long>(flags.seed),
              static_cast<unsigned long long>(n), edges.size(), gen_s);

  // 2. Dossier's Csr (node id = vertex number, edge id = list position).
  std::vector<dossier::graph::NodeId> nodes(n);
  for (uint64_t v = 0; v < n; ++v) nodes[v] = v;
  std::vector<Csr::EdgeInput> inputs(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    inputs[i] = {edges[i].first, edges[i].second, i, 0};
  }
  Context ctx;
  double c0 = ThreadCpuSeconds();
  t0 = Clock::now();
  ctx.csr = Csr::Build(std::move(nodes), std::move(inputs));
  t1 = Clock::now();
  const double build_s = Seconds(t0, t1);
  const double build_cpu_s = ThreadCpuSeconds() - c0;
  const Csr& csr = *ctx.csr;

  // 3. The plain Boost.Graph CSR from the same edges.
  c0 = ThreadCpuSeconds();
  t0 = Clock::now();
  ctx.boost_graph = PlainGraph(boost::edges_are_unsorted_multi_pass,
                               edges.begin(), edges.end(), n);
  t1 = Clock::now();
  const double boost_build_s = Seconds(t0, t1);
  const double boost_build_cpu_s = ThreadCpuSeconds() - c0;

  // 4. Sample roots: distinct, out-degree > 0, seeded.
  {
    dossier::graph::SplitMix64 rng(flags.seed ^ 0x526f6f7473ull);  // "Roots"
    std::vector<char> taken(n, 0);
    uint64_t candidates = 0;
    for (uint32_t v = 0; v < n; ++v) candidates += csr.OutEnd(v) > csr.OutBegin(v);
    const uint64_t want = std::min<uint64_t>(flags.roots, candidates);
    while (ctx.roots.size() < want) {
      const uint32_t v = static_cast<uint32_t>(rng.Bounded(n));
      if (taken[v] || csr.OutEnd(v) == csr.OutBegin(v)) continue;
      taken[v] = 1;
      ctx.roots.push_back(v);
    }
  }
  if (ctx.roots.empty()) {
    std::fprintf(stderr, "no vertex with an out-edge\n");
    return 1;
  }
  g_context = &ctx;

  // 5. Google Benchmark's own runs.
  benchmark::RunSpecifiedBenchmarks();

  // 6. The Graph500-style comparison: every root with both engines, in
  // alternating order, each timed alone.
  double inv_dossier = 0, inv_boost = 0;
  double inv_dossier_cpu = 0, inv_boost_cpu = 0;
  double dossier_s = 0, boost_s = 0;
  uint64_t total_edges = 0;
  for (size_t i = 0; i < ctx.roots.size(); ++i) {
    const uint32_t root = ctx.roots[i];
    uint64_t reached = 0, traversed = 0;
    double td = 0, tb = 0, cd = 0, cb = 0;
    boost::two_bit_color_map<> color(0);
    for (int pass = 0; pass < 2; ++pass) {
      const bool dossier_now = (pass == 0) == (i % 2 == 0);
      const double c0 = ThreadCpuSeconds();
      auto a = Clock::now();
      if (dossier_now) {
        traversed = DossierBfs(csr, root, &reached);
        td = Seconds(a, Clock::now());
        cd = ThreadCpuSeconds() - c0;
      } else {
        color = BoostBfs(ctx.boost_graph, root);
        tb = Seconds(a, Clock::now());
        cb = ThreadCpuSeconds() - c0;
      }
    }
    uint64_t boost_reached = 0;
    for (uint64_t v = 0; v < n; ++v) {
      boost_reached += get(color, v) != boost::two_bit_white;
    }
    if (boost_reached != reached) {
      std::fprintf(stderr, "root %u: Dossier reached %llu, Boost %llu\n", root,
                   static_cast<unsigned long long>(reached),
                   static_cast<unsigned long long>(boost_reached));
      return 1;
    }
    total_edges += traversed;
    dossier_s += td;
    boost_s += tb;
    inv_dossier += td / static_cast<double>(traversed);
    inv_boost += tb / static_cast<double>(traversed);
    inv_dossier_cpu += cd / static_cast<double>(traversed);
    inv_boost_cpu += cb / static_cast<double>(traversed);
  }
  const double k = static_cast<double>(ctx.roots.size());
  const double teps_dossier = k / inv_dossier;
  const double teps_boost = k / inv_boost;
  const double teps_dossier_cpu = k / inv_dossier_cpu;
  const double teps_boost_cpu = k / inv_boost_cpu;

  const double m = static_cast<double>(csr.num_edges());
  const double boost_bytes =
      static_cast<double>((n + 1) * sizeof(size_t) + csr.num_edges() * sizeof(size_t));
  std::printf("\n=== dossier_bench_graph summary ===\n");
  std::printf("%-40s %s\n", "graph",
              ("kronecker scale " + std::to_string(flags.scale) + ", edge factor " +
               std::to_string(flags.edge_factor) + ", seed " +
               std::to_string(flags.seed)).c_str());
  std::printf("%-40s %u\n", "vertices", csr.num_vertices());
  std::printf("%-40s %llu\n", "edges (no self-loops, no duplicates)",
              static_cast<unsigned long long>(csr.num_edges()));
  std::printf("%-40s %.3f s\n", "generation", gen_s);
  std::printf("%-40s %.3f s wall, %.3f s CPU (%.1f M edges/s CPU)\n",
              "Dossier Csr build (out + in)", build_s, build_cpu_s,
              m / build_cpu_s / 1e6);
  std::printf("%-40s %.3f s wall, %.3f s CPU\n", "Boost CSR build (out only)",
              boost_build_s, boost_build_cpu_s);
  std::printf("%-40s %.2f\n", "Csr out bytes/edge (OutBytes/E)",
              csr.OutBytes() / m);
  std::printf("%-40s %.2f\n", "Csr in bytes/edge (InBytes/E)",
              csr.InBytes() / m);
  std::printf("%-40s %.2f\n", "Csr id tables bytes/edge", csr.IdTableBytes() / m);
  std::printf("%-40s %.2f\n", "Boost CSR bytes/edge (out only)", boost_bytes / m);
  std::printf("%-40s %zu (avg %.0f edges traversed)\n", "BFS roots",
              ctx.roots.size(), total_edges / k);
  std::printf("%-40s %.1f M TEPS (total %.3f s)\n", "Dossier BFS (harmonic mean)",
              teps_dossier / 1e6, dossier_s);
  std::printf("%-40s %.1f M TEPS (total %.3f s)\n", "Boost BFS (harmonic mean)",
              teps_boost / 1e6, boost_s);
  std::printf("%-40s %.2f (goal >= 0.5)\n", "TEPS ratio Dossier / Boost",
              teps_dossier / teps_boost);
  std::printf("%-40s %.1f M TEPS\n", "Dossier BFS, thread CPU time",
              teps_dossier_cpu / 1e6);
  std::printf("%-40s %.1f M TEPS\n", "Boost BFS, thread CPU time",
              teps_boost_cpu / 1e6);
  std::printf("%-40s %.2f\n", "TEPS ratio, thread CPU time",
              teps_dossier_cpu / teps_boost_cpu);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) == 3) {
    std::printf("%-40s %.2f (nproc %ld)\n", "load average (1 min) at the end",
                load[0], sysconf(_SC_NPROCESSORS_ONLN));
  }
  std::printf("%-40s %.1f MiB\n", "peak RSS", PeakRssKiB() / 1024.0);
  benchmark::Shutdown();
  return 0;
}
