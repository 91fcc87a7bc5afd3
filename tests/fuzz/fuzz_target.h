// The libFuzzer entry point every file in tests/fuzz/ defines. The same
// sources link either with libFuzzer (clang, `make fuzz`) or with the plain
// replay driver replay_main.cc (g++, CTest label fuzz-replay).
#ifndef DOSSIER_TESTS_FUZZ_FUZZ_TARGET_H_
#define DOSSIER_TESTS_FUZZ_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

// Stops the process when an invariant of the entry point is broken (the
// fuzzer then saves the input); used instead of assert so that Release
// replays check too.
#define DOSSIER_FUZZ_CHECK(cond)                                          \
  do {                                                                    \
    if (!(cond)) {                                                        \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", __FILE__, \
                   __LINE__, #cond);                                      \
      std::abort();                                                       \
    }                                                                     \
  } while (0)

#endif  // DOSSIER_TESTS_FUZZ_FUZZ_TARGET_H_
