#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++-14 (ASan + UBSan) in their own
# build directory, and with FUZZ_SECONDS > 0 runs each one in turn for that
# many seconds on a scratch copy of its corpus (new inputs worth keeping are
# merged back by hand; crashes land in $FUZZ_BUILD/artifacts/<target>/).
#
#   tests/fuzz/build-fuzzers.sh [FUZZ_SECONDS] [target...]
#
# Needs clang-14 and libclang-rt-14-dev (scripts/install-fuzz-deps).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-0}
shift || true
build=${FUZZ_BUILD:-$root/build-fuzz}
jobs=${JOBS:-2}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(query_parser articles facts_json value_decode csv_reader csv_import)

command -v clang++-14 >/dev/null || {
  echo "clang++-14 is missing: run scripts/install-fuzz-deps" >&2; exit 2; }

# TOOLCHAIN pitfalls 2 and 14: clang rejects misc/InterpreterDataReader.h of
# Debian's ANTLR runtime; a copy of antlr4-runtime.h without that line, in a
# directory searched before /usr/include/antlr4-runtime, compiles.
shim=$build/antlr-shim
mkdir -p "$shim"
grep -v 'misc/InterpreterDataReader.h' /usr/include/antlr4-runtime/antlr4-runtime.h \
  > "$shim/antlr4-runtime.h.new"
cmp -s "$shim/antlr4-runtime.h.new" "$shim/antlr4-runtime.h" 2>/dev/null \
  && rm "$shim/antlr4-runtime.h.new" \
  || mv "$shim/antlr4-runtime.h.new" "$shim/antlr4-runtime.h"

flags="-I$shim -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_CXX_FLAGS_RELEASE="" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DDOSSIER_UNIT_ONLY=ON -DDOSSIER_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs" \
  --target $(printf 'dossier_fuzz_%s ' "${targets[@]}")

[ "$seconds" -gt 0 ] || exit 0
for t in "${targets[@]}"; do
  work=$build/corpus-work/$t
  art=$build/artifacts/$t
  mkdir -p "$work" "$art"
  echo "== fuzzing $t for $seconds s"
  "$build/tests/fuzz/dossier_fuzz_$t" -max_total_time="$seconds" \
    -artifact_prefix="$art/" -print_final_stats=1 -rss_limit_mb=4096 \
    -timeout=30 "$work" "$root/tests/fuzz/corpus/$t" 2>&1 | tail -n 25
done
