// Fuzz target: article bytes -> Documents or a clear error
// (loaders/read/articles.h). The first byte picks the format (.txt, .html,
// .jsonl); the rest is the file's content.
#include <string>
#include <string_view>
#include <vector>

#include "loaders/read/articles.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"fuzz.txt", "fuzz.html",
                                           "fuzz.jsonl"};
  const char* name = kNames[data[0] % 3];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string> problems;
  auto docs = dossier::loaders::ReadArticles(name, bytes, &problems);
  if (!docs.ok()) {
    DOSSIER_FUZZ_CHECK(docs.status().code() ==
                       absl::StatusCode::kInvalidArgument);
    DOSSIER_FUZZ_CHECK(!docs.status().message().empty());
    return 0;
  }
  for (const dossier::loaders::Document& doc : *docs) {
    DOSSIER_FUZZ_CHECK(!doc.text.empty());
    DOSSIER_FUZZ_CHECK(doc.meta.id.size() == 32);
  }
  return 0;
}
