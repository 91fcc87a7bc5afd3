// Fuzz target: CSV bytes -> records or errors with file:line:column
// (graph/csv_reader.h, the record reader under `dossier import`). The first
// byte picks the delimiter (',' or '\t' or '|'). Every step must consume
// input, so reading ends.
#include <string_view>
#include <vector>

#include "graph/csv_reader.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr char kDelimiters[] = {',', '\t', '|'};
  char delimiter = kDelimiters[data[0] % 3];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  dossier::graph::CsvReader reader(bytes, "fuzz.csv", delimiter);
  std::vector<dossier::graph::CsvField> fields;
  size_t steps = 0;
  for (;;) {
    size_t before = reader.offset();
    auto step = reader.Next(&fields);
    if (step == dossier::graph::CsvReader::Step::kEnd) break;
    DOSSIER_FUZZ_CHECK(++steps <= bytes.size() + 1);
    DOSSIER_FUZZ_CHECK(reader.offset() > before);
    DOSSIER_FUZZ_CHECK(reader.offset() <= bytes.size());
    if (step == dossier::graph::CsvReader::Step::kError) {
      DOSSIER_FUZZ_CHECK(!reader.error().ok());
      DOSSIER_FUZZ_CHECK(reader.error().message().find("fuzz.csv:") == 0);
      continue;
    }
    for (const auto& f : fields) {
      // Views point into the input or the reader's scratch buffer; reading
      // every byte lets ASan catch a dangling view.
      volatile char sink = 0;
      for (char c : f.text) sink = sink ^ c;
      (void)sink;
    }
  }
  return 0;
}
