#!/usr/bin/env bash
# `dossier bench` at a small scale: both engines load the same graph and
# give identical answers to every query (exit 0; the Kronecker run also
# writes its table as TSV with --out), on the generated Kronecker graph,
# on the news-shaped graph and on user CSV files with labels and types; with a tiny --timeout
# the run reports "timeout" rows, still ends, and exits 0 because every
# answer both engines gave is identical.
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

queries="lookup hop1 reach2 reach3 paths13 shortest by_type top10"

# run NAME ARGS...: runs dossier bench into $tmp/NAME.txt, fails on a
# non-zero exit.
run() {
  local name=$1
  shift
  local status=0
  "$dossier" bench --runs 1 --seeds 5 --pairs 5 --peers "$peers" \
    --dir "$tmp/$name" "$@" >"$tmp/$name.txt" 2>"$tmp/$name.err" || status=$?
  cat "$tmp/$name.txt"
  if [[ $status -ne 0 ]]; then
    echo "FAIL: dossier bench $* exited $status" >&2
    cat "$tmp/$name.err" >&2
    exit 1
  fi
}

# all_identical NAME: every query answered identically by both engines.
all_identical() {
  grep -q '^answers: all identical$' "$tmp/$1.txt" || {
    echo "FAIL ($1): the engines' answers differ" >&2
    exit 1
  }
  for q in $queries; do
    grep -q "^| $q | .* | identical |$" "$tmp/$1.txt" || {
      echo "FAIL ($1): no identical answer for query $q" >&2
      exit 1
    }
  done
}

# 1. The Kronecker graph, with the table also written as TSV (--out).
run kronecker --scale 10 --out "$tmp/x.tsv"
all_identical kronecker
header=$'query\tdossier_median_ms\tdossier_min_ms\tdossier_max_ms\tkuzu_median_ms\tkuzu_min_ms\tkuzu_max_ms\tratio\tstatus'
grep -q '^# graph=kronecker scale=10 seed=1 .*date=' "$tmp/x.tsv" &&
  [[ $(sed -n 2p "$tmp/x.tsv") == "$header" ]] &&
  [[ $(tail -n +3 "$tmp/x.tsv" | cut -f1 | tr '\n' ' ') == "$queries " ]] &&
  [[ $(tail -n +3 "$tmp/x.tsv" | cut -f9 | sort -u) == ok ]] || {
  echo "FAIL (kronecker): --out did not write the TSV table" >&2
  cat "$tmp/x.tsv" >&2
  exit 1
}
grep -q '^| load (import / COPY), wall s |' "$tmp/kronecker.txt"
grep -q '^| peak RSS of the process, MiB |' "$tmp/kronecker.txt"

# 1b. The news-shaped graph: seven labels, eleven types, power-law degrees.
run news --graph news --scale 10
all_identical news
grep -q '(7 labels), .* (11 types)' "$tmp/news.txt" || {
  echo "FAIL (news): not the news-shaped graph" >&2
  exit 1
}

# 2. User CSV: string ids, three labels (one node without, one with two),
# three types (rows without one get E), a property column that is dropped.
{
  echo 'name,id:ID,:LABEL'
  for i in $(seq 0 199); do
    case $((i % 3)) in
      0) echo "n$i,p$i,Person" ;;
      1) echo "n$i,o$i,Org;Company" ;;
      2) echo "\"n,$i\",x$i," ;;
    esac
  done
} >"$tmp/nodes.csv"
id() { case $(($1 % 3)) in 0) echo "p$1" ;; 1) echo "o$1" ;; 2) echo "x$1" ;; esac; }
{
  echo ':START_ID,:END_ID,:TYPE,weight:int'
  for i in $(seq 0 999); do
    a=$(((i * 7919) % 200)) b=$(((i * i + 13) % 200))
    [[ $a -eq $b ]] && continue
    case $((i % 3)) in 0) t=ACCUSES ;; 1) t=MEMBER_OF ;; 2) t= ;; esac
    echo "$(id $a),$(id $b),$t,$i"
  done
} >"$tmp/edges.csv"
run csv --nodes "$tmp/nodes.csv" --edges "$tmp/edges.csv"
all_identical csv
grep -q '^200 nodes (3 labels), [0-9]* relationships (3 types);' "$tmp/csv.txt" || {
  echo "FAIL (csv): not 200 nodes of 3 labels with 3 types" >&2
  exit 1
}

# 3. A deadline every query passes on at least one engine except the
# fastest: timeout rows, the run ends, exit 0 (checked by run).
run deadline --scale 10 --timeout 0.0005
grep -q 'timeout (> 0.0005 s)' "$tmp/deadline.txt" || {
  echo "FAIL (deadline): no query reported as a timeout" >&2
  exit 1
}
grep -q '| not compared (.* timeout) |$' "$tmp/deadline.txt" || {
  echo "FAIL (deadline): no answer left uncompared" >&2
  exit 1
}
grep -Eq '^answers: all identical( where both finished \([0-9]+ not compared: timeout\))?$' \
  "$tmp/deadline.txt" || {
  echo "FAIL (deadline): wrong verdict line" >&2
  exit 1
}
echo "PASS"
