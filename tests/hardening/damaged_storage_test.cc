// Damaged storage is never opened silently with less data: random bytes in
// the middle of the newest WAL file or of an SST file leave a database that
// either holds every batch or fails with an error naming the file and what
// to run (issue: Hardening, item 4; TOOLCHAIN pitfall 18).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "graph/check.h"
#include "tests/graph/test_util.h"
#include "tests/hardening/store_fixture.h"

namespace dossier::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kFlushed = 300;  // Batches in SST files.
constexpr int kTotal = 700;    // kTotal - kFlushed batches only in the WAL.

// Builds the reference database: SST files plus a live WAL of several
// 32 KiB blocks.
void BuildReference(const std::string& dir) {
  auto store = graph::Store::Open(dir);
  REQUIRE_MESSAGE(store.ok(), store.status().ToString());
  REQUIRE(WriteBatches(**store, 0, kFlushed).ok());
  REQUIRE((*store)->Flush().ok());
  REQUIRE(WriteBatches(**store, kFlushed, kTotal).ok());
}

// Files of `dir` ending with `ext`, newest (highest number) last.
std::vector<fs::path> FilesWith(const std::string& dir, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Overwrites `n` bytes at offset `at` of the file with random bytes.
void DamageAt(const fs::path& file, uint64_t at, int n, uint32_t seed) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f.good());
  std::mt19937 rng(seed);
  std::string bytes(n, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  f.seekp(static_cast<std::streamoff>(at));
  f.write(bytes.data(), n);
}

// Overwrites `n` bytes at `fraction` of the file with random bytes.
void Damage(const fs::path& file, double fraction, int n, uint32_t seed) {
  uint64_t size = fs::file_size(file);
  REQUIRE(size > static_cast<uint64_t>(n));
  uint64_t at = static_cast<uint64_t>(size * fraction);
  if (at + n > size) at = size - n;
  DamageAt(file, at, n, seed);
}

// Opens `dir` and applies the promise: all data, or an error naming `file`
// and what to run. Returns true when the open (or a read) failed.
bool ExpectAllOrNamedError(const std::string& dir, const fs::path& file) {
  auto store = graph::Store::Open(dir);
  const std::string name = file.filename().string();
  auto named = [&](const absl::Status& s) {
    std::string m(s.message());
    INFO("error: " << m);
    CHECK(s.code() == absl::StatusCode::kDataLoss);
    CHECK(m.find(name) != std::string::npos);
    CHECK(m.find("dossier ") != std::string::npos);
  };
  if (!store.ok()) {
    MESSAGE("open refused: " << store.status().message());
    named(store.status());
    return true;
  }
  auto count = CountBatches(**store);
  if (!count.ok()) {
    MESSAGE("read refused: " << count.status().message());
    named(count.status());
    // `dossier check` must see the damage too.
    auto report = graph::CheckStore(**store);
    REQUIRE(report.ok());
    CHECK(!report->ok());
    return true;
  }
  CHECK(*count == kTotal);
  return false;
}

TEST_CASE("a damaged newest WAL file never opens with fewer batches") {
  TempDir tmp("damaged-wal");
  const std::string ref = tmp.Sub("ref");
  BuildReference(ref);
  int refused = 0;
  const double fractions[] = {0.5, 0.3, 0.7, 0.45, 0.6};
  for (int i = 0; i < 5; ++i) {
    const std::string copy = tmp.Sub("copy" + std::to_string(i));
    fs::copy(ref, copy, fs::copy_options::recursive);
    std::vector<fs::path> logs = FilesWith(copy, ".log");
    REQUIRE(!logs.empty());
    INFO("damaging " << logs.back() << " (" << fs::file_size(logs.back())
                     << " bytes) at " << fractions[i]);
    REQUIRE(fs::file_size(logs.back()) > 4 * 32768);
    Damage(logs.back(), fractions[i], 64, 17 + i);
    refused += ExpectAllOrNamedError(copy, logs.back());
  }
  MESSAGE(refused << " of 5 damaged WAL copies refused, the rest intact");
}

TEST_CASE("a damaged SST file never reads as fewer batches") {
  TempDir tmp("damaged-sst");
  const std::string ref = tmp.Sub("ref");
  BuildReference(ref);
  std::vector<fs::path> ssts = FilesWith(ref, ".sst");
  REQUIRE(!ssts.empty());
  int refused = 0, runs = 0;
  for (size_t f = 0; f < ssts.size(); ++f) {
    for (double fraction : {0.5, 0.25}) {
      const std::string copy =
          tmp.Sub("copy" + std::to_string(f) + "-" + std::to_string(runs));
      fs::copy(ref, copy, fs::copy_options::recursive);
      fs::path target = fs::path(copy) / ssts[f].filename();
      if (fs::file_size(target) < 256) continue;
      INFO("damaging " << target << " at " << fraction);
      Damage(target, fraction, 64, 100 + runs);
      ++runs;
      refused += ExpectAllOrNamedError(copy, target);
    }
  }
  MESSAGE(refused << " of " << runs << " damaged SST copies refused");
}

// A table file's properties block is read when the database opens; damage
// there made RocksDB blame the MANIFEST that lists the file ("properties
// unsorted in file MANIFEST-000005"), and the error named no damaged file.
TEST_CASE("a damaged table-properties block is named when the open fails") {
  TempDir tmp("damaged-props");
  const std::string ref = tmp.Sub("ref");
  BuildReference(ref);
  std::vector<fs::path> ssts = FilesWith(ref, ".sst");
  REQUIRE(!ssts.empty());
  int refused = 0, runs = 0;
  for (const fs::path& sst : ssts) {
    std::ifstream in(sst, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    // A property name in the middle of the block: its keys are sorted, so
    // random bytes in one of them break the order or the block's checksum.
    size_t at = bytes.find("num.data.blocks");
    if (at == std::string::npos) continue;
    const std::string copy = tmp.Sub("copy" + std::to_string(runs));
    fs::copy(ref, copy, fs::copy_options::recursive);
    fs::path target = fs::path(copy) / sst.filename();
    INFO("damaging the properties of " << target << " at byte " << at);
    DamageAt(target, at, 12, 300 + runs);
    ++runs;
    refused += ExpectAllOrNamedError(copy, target);
  }
  MESSAGE(refused << " of " << runs << " damaged properties blocks refused");
  CHECK(runs > 0);
  CHECK(refused == runs);
}

TEST_CASE("an undamaged database reopens with every batch") {
  TempDir tmp("undamaged");
  BuildReference(tmp.path());
  auto store = graph::Store::Open(tmp.path());
  REQUIRE(store.ok());
  auto count = CountBatches(**store);
  REQUIRE(count.ok());
  CHECK(*count == kTotal);
}

}  // namespace
}  // namespace dossier::testing
