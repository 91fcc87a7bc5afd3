#!/usr/bin/env bash
# Installs Dossier into a temporary prefix, builds examples/ against it with
# a separate CMake configure (find_package(dossier)), and runs both programs
# on the seed graph.
# Usage: install_examples_test.sh BUILD_DIR SOURCE_DIR TMP_DIR
set -u
build=$1
src=$2
tmp=$(mktemp -d "$3/install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
prefix="$tmp/prefix"

# The commands of docs/embedding.md, with the prefix in the temp folder.
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "cmake --install"; }
[ -f "$prefix/include/dossier/dossier.h" ] || fail "headers not installed"
[ -f "$prefix/include/graph/value.h" ] || fail "graph/value.h not installed"
[ -f "$prefix/lib/cmake/dossier/dossierConfig.cmake" ] || fail "package config not installed"
ls "$prefix"/lib/libdossier_api.a >/dev/null 2>&1 || fail "libdossier_api.a not installed"

cmake -S "$src/examples" -B "$tmp/examples" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; fail "configure examples"; }
cmake --build "$tmp/examples" -j 2 >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log"; fail "build examples"; }
# The examples must not see the source tree's headers.
grep -q -- "-I$src" "$tmp/examples/build.ninja" && fail "examples include the source tree"

db="$tmp/seeds.db"
"$prefix/bin/dossier" build --db "$db" "$src/data/seeds" >/dev/null 2>&1 || fail "installed dossier build"
"$tmp/examples/who_accused_whom" "$db" >"$tmp/report.txt" 2>&1 || { cat "$tmp/report.txt"; fail "who_accused_whom"; }
grep -q "^Accusations (" "$tmp/report.txt" || fail "report header: $(head -3 "$tmp/report.txt")"
grep -q "United States (State) accuses" "$tmp/report.txt" || fail "report lacks the United States: $(cat "$tmp/report.txt")"
grep -q "^Accused parties:" "$tmp/report.txt" || fail "prepared statement part missing"

"$tmp/examples/custom_loader" "$db" "$src/examples/data/accusations.tsv" >"$tmp/load.txt" 2>&1 || { cat "$tmp/load.txt"; fail "custom_loader"; }
grep -q "articles loaded: 1" "$tmp/load.txt" || fail "custom_loader report: $(cat "$tmp/load.txt")"
grep -q "United States (cyberattack)" "$tmp/load.txt" || fail "custom_loader did not join the United States: $(cat "$tmp/load.txt")"
"$tmp/examples/custom_loader" "$db" "$src/examples/data/accusations.tsv" >"$tmp/load2.txt" 2>&1
grep -q "already present: 1" "$tmp/load2.txt" || fail "second load not a no-op: $(cat "$tmp/load2.txt")"
n=$("$prefix/bin/dossier" query --db "$db" --format csv "MATCH (s:State {name: 'United States'}) RETURN count(s)" | tail -1)
[ "$n" = "1" ] || fail "United States duplicated: $n"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "install + examples: all checks passed"
