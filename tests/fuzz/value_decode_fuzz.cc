// Fuzz target: stored value bytes -> Values or DataLoss
// (graph/value_codec.h). Decodes values until the input ends; every decoded
// value must encode again, and decoding that encoding gives the same value.
#include <string>
#include <string_view>

#include "graph/value_codec.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  while (!in.empty()) {
    const size_t before = in.size();
    auto value = dossier::graph::DecodeValue(&in);
    if (!value.ok()) {
      DOSSIER_FUZZ_CHECK(value.status().code() == absl::StatusCode::kDataLoss);
      return 0;
    }
    DOSSIER_FUZZ_CHECK(in.size() < before);
    std::string bytes;
    DOSSIER_FUZZ_CHECK(dossier::graph::EncodeValue(*value, &bytes).ok());
    std::string_view view(bytes);
    auto again = dossier::graph::DecodeValue(&view);
    DOSSIER_FUZZ_CHECK(again.ok());
    DOSSIER_FUZZ_CHECK(view.empty());
    std::string bytes2;
    DOSSIER_FUZZ_CHECK(dossier::graph::EncodeValue(*again, &bytes2).ok());
    DOSSIER_FUZZ_CHECK(bytes2 == bytes);
  }
  return 0;
}
