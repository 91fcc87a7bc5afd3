// Fuzz target: one facts JSON line -> Facts or InvalidArgument
// (graph/facts_json.h). What parses must print and parse back.
#include <string>
#include <string_view>

#include "graph/facts_json.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto facts = dossier::graph::ParseFactsJson(line);
  if (!facts.ok()) {
    DOSSIER_FUZZ_CHECK(facts.status().code() ==
                       absl::StatusCode::kInvalidArgument);
    return 0;
  }
  std::string again = dossier::graph::FactsToJson(*facts);
  auto reparsed = dossier::graph::ParseFactsJson(again);
  DOSSIER_FUZZ_CHECK(reparsed.ok());
  DOSSIER_FUZZ_CHECK(dossier::graph::FactsToJson(*reparsed) == again);
  return 0;
}
