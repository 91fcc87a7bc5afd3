#!/usr/bin/env bash
# scripts/dask-build (DESIGN §9): `dossier extract` mapped over shards of the
# seed corpus on a Dask LocalCluster of 2 worker processes, then one
# `dossier ingest`, gives the graph `dossier build` gives (compared as
# cli_test.sh compares build with extract | ingest, plus every node and
# relationship with its properties); errors are clear and exit non-zero:
# a missing binary, no article files, a failed shard (named with its files),
# while an unreadable article is only reported, as build reports it.
# Usage: dask_build_test.sh DOSSIER_BINARY SOURCE_DIR TMP_DIR
set -u
dossier=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(cd "$(mktemp -d "$3/dask.XXXXXX")" && pwd)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
python=/usr/bin/python3  # Debian's python3-distributed (TOOLCHAIN.md)
dask_build() { "$python" "$src/scripts/dask-build" "$@" >"$tmp/out" 2>"$tmp/err"; }

"$python" -c 'import distributed' 2>/dev/null ||
  { echo "FAIL: python3-distributed is missing (scripts/install-deps installs it)"; exit 1; }

# Paths as the user gives them, from the checkout: Article.path is the same
# in both databases.
cd "$src" || exit 1

# 1. Two workers build the seeds to the graph of `dossier build`.
"$dossier" build --db "$tmp/built.db" data/seeds >/dev/null 2>&1 || fail "dossier build"
start=$(date +%s%N)
dask_build --workers 2 --dossier "$dossier" --db "$tmp/dask.db" data/seeds ||
  { fail "dask-build exit $?"; cat "$tmp/out" "$tmp/err"; }
echo "dask-build of the seeds on a 2-worker LocalCluster: $((($(date +%s%N) - start) / 1000000)) ms"
grep -q 'articles: 5 ingested, 0 already present, 0 failed' "$tmp/out" || fail "ingest summary: $(cat "$tmp/out")"
grep -q 'in [0-9]* shard(s) on 2 worker(s) (LocalCluster)' "$tmp/err" || fail "cluster line: $(cat "$tmp/err")"
dump='MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.name AS an, type(r) AS t, r.kind AS k, labels(b) AS lb, b.name AS bn, b.kind AS bk ORDER BY la, an, t, k, lb, bn, bk'
labels='MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l'
for db in built dask; do
  "$dossier" query --db "$tmp/$db.db" --format csv "$dump" >"$tmp/$db.csv" 2>&1
  "$dossier" query --db "$tmp/$db.db" --format csv "$labels" >>"$tmp/$db.csv" 2>&1
  "$dossier" export --db "$tmp/$db.db" --format jsonl >"$tmp/$db.jsonl" 2>&1
done
[ "$(wc -l <"$tmp/built.csv")" -gt 100 ] || fail "seed dump too short: $(head -3 "$tmp/built.csv")"
cmp -s "$tmp/built.csv" "$tmp/dask.csv" || { fail "build and dask-build differ"; diff "$tmp/built.csv" "$tmp/dask.csv" | head; }
"$python" - "$tmp/built.jsonl" "$tmp/dask.jsonl" <<'PY' || fail "build and dask-build differ in nodes or properties"
import json, sys
def graph(path):
    nodes, rels = {}, []
    for line in open(path, encoding="utf-8"):
        x = json.loads(line)
        if x["type"] == "node":
            nodes[x["id"]] = json.dumps([sorted(x["labels"]), x["properties"]], sort_keys=True)
        else:
            rels.append(x)
    return sorted(nodes.values()), sorted(json.dumps(
        [nodes[r["start"]["id"]], r["label"], nodes[r["end"]["id"]], r["properties"]],
        sort_keys=True) for r in rels)
a, b = graph(sys.argv[1]), graph(sys.argv[2])
if a != b:
    print("nodes %d/%d, relationships %d/%d" % (len(a[0]), len(b[0]), len(a[1]), len(b[1])))
    print(sorted(set(a[0]) ^ set(b[0]))[:3])
    sys.exit(1)
PY

# 2. Usage and setup errors, before any cluster starts.
dask_build --dossier "$tmp/no-such-dossier" --db "$tmp/x.db" data/seeds
code=$?
[ $code -eq 1 ] && grep -q 'no-such-dossier: not an executable dossier binary' "$tmp/err" ||
  fail "missing binary: exit $code, $(cat "$tmp/err")"
PATH=/usr/bin:/bin dask_build --db "$tmp/x.db" data/seeds
code=$?
[ $code -eq 1 ] && grep -q 'no dossier binary: give --dossier PATH' "$tmp/err" ||
  fail "no binary on PATH: exit $code, $(cat "$tmp/err")"
mkdir -p "$tmp/empty" && echo "# notes" >"$tmp/empty/README.md"
dask_build --dossier "$dossier" --db "$tmp/x.db" "$tmp/empty"
code=$?
[ $code -eq 1 ] && grep -q 'no article files (.txt, .html, .htm, .jsonl) under' "$tmp/err" ||
  fail "no articles: exit $code, $(cat "$tmp/err")"
grep -q 'skipped: .*README.md: unsupported file type' "$tmp/err" || fail "README not reported: $(cat "$tmp/err")"
dask_build --dossier "$dossier" --db "$tmp/x.db" "$tmp/none"
code=$?
[ $code -eq 1 ] && grep -q 'none: no such file or folder' "$tmp/err" || fail "missing path: exit $code, $(cat "$tmp/err")"
dask_build --workers 0 data/seeds
[ $? -eq 2 ] || fail "--workers 0 is a usage error"
[ -e "$tmp/x.db" ] && fail "a failed dask-build created the database"

# 3. A shard that fails is named with its files, the others are ingested,
# the exit code is 1; an empty article is reported as skipped, as build does.
mkdir -p "$tmp/corpus"
cp data/seeds/*.txt "$tmp/corpus/"
echo "This article makes the extractor crash." >"$tmp/corpus/crash-me.txt"
: >"$tmp/corpus/empty.txt"
cat >"$tmp/flaky-dossier" <<SH
#!/bin/sh
for a; do case \$a in *crash-me*) echo "simulated crash" >&2; exit 134 ;; esac; done
exec "$dossier" "\$@"
SH
chmod +x "$tmp/flaky-dossier"
dask_build --workers 1 --shards 7 --dossier "$tmp/flaky-dossier" --db "$tmp/flaky.db" "$tmp/corpus"
code=$?
[ $code -eq 1 ] || fail "failed shard: exit $code"
grep -q 'shard [0-9]* failed (exit 134) on 1 file(s): .*crash-me.txt' "$tmp/err" ||
  fail "failed shard not named: $(cat "$tmp/err")"
grep -q 'simulated crash' "$tmp/err" || fail "the shard's stderr is not shown"
grep -q '1 of 7 shard(s) failed' "$tmp/err" || fail "failure summary: $(cat "$tmp/err")"
grep -q 'skipped: .*empty.txt' "$tmp/err" || fail "empty article not reported: $(cat "$tmp/err")"
grep -q 'articles: 5 ingested' "$tmp/out" || fail "the other shards were not ingested: $(cat "$tmp/out")"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "dask-build: all checks passed"
