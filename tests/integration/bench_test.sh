#!/usr/bin/env bash
# `dossier bench` at a small scale: both engines load the same generated
# graph and give identical answers to every query (exit 0).
#   bench_test.sh DOSSIER SOURCE_DIR TMP_DIR
set -euo pipefail
dossier=$1
src=$2
tmp=$3/bench-test-$$
peers=$src/benchmarks/peers

if [[ ! -f $peers/node_modules/kuzu/package.json ]]; then
  echo "FAIL: Kùzu's npm package is missing under $peers/node_modules;" \
       "scripts/install-deps installs it (npm install kuzu@0.11.3)" >&2
  exit 1
fi
if ! command -v node >/dev/null; then
  echo "FAIL: node is not on PATH (the Kùzu peer runs under Node.js)" >&2
  exit 1
fi
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"

status=0
"$dossier" bench --scale 10 --runs 1 --seeds 5 --pairs 5 --peers "$peers" --dir "$tmp" \
  >"$tmp/out.txt" 2>"$tmp/err.txt" || status=$?
cat "$tmp/out.txt"
if [[ $status -ne 0 ]]; then
  echo "FAIL: dossier bench exited $status" >&2
  cat "$tmp/err.txt" >&2
  exit 1
fi
grep -q '^answers: all identical$' "$tmp/out.txt" || {
  echo "FAIL: the engines' answers differ" >&2
  exit 1
}
for q in lookup hop1 reach2 reach3 paths13 shortest by_type top10; do
  grep -q "^| $q | .* | identical |$" "$tmp/out.txt" || {
    echo "FAIL: no identical answer for query $q" >&2
    exit 1
  }
done
grep -q '^| load (import / COPY), wall s |' "$tmp/out.txt"
grep -q '^| peak RSS of the process, MiB |' "$tmp/out.txt"
echo "PASS"
