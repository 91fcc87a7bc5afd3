#!/usr/bin/env bash
# End-to-end: build the seed corpus, query it in every format, check exit
# codes, extract | ingest gives the same graph as build.
# Usage: cli_test.sh DOSSIER_BINARY SOURCE_DIR TMP_DIR SHARED_DIR
set -u
dossier=$1
src=$2
tmp=$(mktemp -d "$3/cli.XXXXXX")
shared=$4
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() {  # expected-code description command...
  local want=$1 what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || { fail "$what: exit $got, want $want"; cat "$tmp/err"; }
}

db="$tmp/seeds.db"
expect_exit 0 "build seeds" "$dossier" build --db "$db" "$src/data/seeds"
grep -q "articles: 5 loaded" "$tmp/out" || fail "build summary: $(cat "$tmp/out")"
expect_exit 0 "rebuild is a no-op" "$dossier" build --db "$db" "$src/data/seeds"
grep -q "articles: 0 loaded, 5 already present" "$tmp/out" || fail "rebuild summary: $(head -1 "$tmp/out")"
# The summary's nodes per label (label scans) equal a count over every
# node's labels, also for a label that needs escaping.
expect_exit 0 "odd label" "$dossier" query --db "$db" 'CREATE (:`we``ird`:State {name: "x"})'
expect_exit 0 "summary after a write" "$dossier" build --db "$db" "$src/data/seeds"
sed -n '/│ label/,/└/p' "$tmp/out" | grep '│' | tail -n +2 > "$tmp/summary_labels"
expect_exit 0 "labels counted by records" "$dossier" query --db "$db" --format tsv \
  "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes ORDER BY label"
tail -n +2 "$tmp/out" > "$tmp/by_records"
awk -F'│' '{gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $3); print $2 "\t" $3}' "$tmp/summary_labels" > "$tmp/by_summary"
cmp -s "$tmp/by_records" "$tmp/by_summary" || fail "summary labels: $(paste "$tmp/by_records" "$tmp/by_summary")"
grep -q 'we`ird' "$tmp/by_summary" || fail "summary lacks the escaped label: $(cat "$tmp/by_summary")"
expect_exit 0 "undo odd label" "$dossier" query --db "$db" 'MATCH (n:`we``ird`) DETACH DELETE n'

q='MATCH (a)-[r:ACCUSES]->(b) RETURN a.name AS accuser, r.kind AS kind, b.name AS accused ORDER BY accuser, accused'
expect_exit 0 "who accused whom (table)" "$dossier" query --db "$db" "$q"
grep -q "accuser" "$tmp/out" || fail "table header missing"
grep -q "United States" "$tmp/out" || fail "the United States accuses nobody: $(cat "$tmp/out")"
expect_exit 0 "json" "$dossier" query --db "$db" --format json "$q"
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert rows and list(rows[0])==["accuser","kind","accused"], rows' "$tmp/out" || fail "json rows"
expect_exit 0 "jsonl" "$dossier" query --db "$db" --format jsonl "MATCH (s:State) RETURN s LIMIT 2"
python3 -c '
import json,sys
for line in open(sys.argv[1]):
    n=json.loads(line)["s"]
    assert n["type"]=="node" and n["labels"]==["State"] and isinstance(n["id"],str), n
' "$tmp/out" || fail "jsonl nodes in APOC form"
expect_exit 0 "csv" "$dossier" query --db "$db" --format csv "RETURN 'a,b' AS x, 2 AS y"
[ "$(cat "$tmp/out")" = $'x,y\n"a,b",2' ] || fail "csv quoting: $(cat "$tmp/out")"
# Doubles print as query results print them (regression: csv and table
# showed 1000.0 as 1e+03).
expect_exit 0 "doubles" "$dossier" query --db "$db" --format csv "RETURN 1000.0 AS a, degrees(pi()) AS b, 0.1 AS c, 1e21 AS d"
[ "$(cat "$tmp/out")" = $'a,b,c,d\n1000.0,180.0,0.1,1e21' ] || fail "doubles in csv: $(cat "$tmp/out")"
expect_exit 0 "doubles in a table" "$dossier" query --db "$db" "RETURN 1000.0 AS a"
grep -q "1000.0" "$tmp/out" || fail "doubles in a table: $(cat "$tmp/out")"
expect_exit 0 "timing" "$dossier" query --db "$db" --timing "MATCH (a)-[:ACCUSES]->(b) RETURN count(*) AS n"
grep -Eq '^time: [0-9.]+ ms \(parse [0-9.]+ ms, plan [0-9.]+ ms, execute [0-9.]+ ms\)$' "$tmp/err" \
  || fail "--timing stages: $(cat "$tmp/err")"
expect_exit 0 "params" "$dossier" query --db "$db" --format tsv --param n=41 "RETURN \$n + 1 AS v"
[ "$(tail -1 "$tmp/out")" = "42" ] || fail "param: $(cat "$tmp/out")"
printf 'RETURN 1 AS a;\nRETURN 2 AS b;\n' | "$dossier" query --db "$db" --format csv -f - >"$tmp/out" 2>"$tmp/err" || fail "script from stdin"
[ "$(cat "$tmp/out")" = $'a\n1\nb\n2' ] || fail "script output: $(cat "$tmp/out")"

# Rows are written as they are produced: three million rows in csv under a
# 2 MiB statement budget (a held result would need hundreds of MiB).
expect_exit 0 "streamed csv" "$dossier" query --db "$db" --format csv --max-memory 2MiB \
  "UNWIND range(1, 3000000) AS i RETURN i"
[ "$(wc -l <"$tmp/out")" = "3000001" ] && [ "$(tail -1 "$tmp/out")" = "3000000" ] \
  || fail "streamed csv: $(wc -l <"$tmp/out") lines, last $(tail -1 "$tmp/out")"
# An error after some rows: those rows, then the error and exit 1; a table
# is drawn whole or not at all.
expect_exit 1 "error after rows (jsonl)" "$dossier" query --db "$db" --format jsonl \
  "UNWIND [5, 1, 0, 2] AS x RETURN 10 / x AS y"
[ "$(cat "$tmp/out")" = $'{"y":2}\n{"y":10}' ] || fail "rows before the error: $(cat "$tmp/out")"
grep -q "DivisionByZero" "$tmp/err" || fail "error after rows: $(cat "$tmp/err")"
expect_exit 1 "error after rows (table)" "$dossier" query --db "$db" \
  "UNWIND [5, 1, 0, 2] AS x RETURN 10 / x AS y"
[ ! -s "$tmp/out" ] || fail "a partial table was drawn: $(cat "$tmp/out")"

expect_exit 1 "syntax error" "$dossier" query --db "$db" "MATCH (n RETURN n"
grep -q "line 1, column" "$tmp/err" || fail "error without position: $(cat "$tmp/err")"
grep -q "\^" "$tmp/err" || fail "error without caret"
expect_exit 2 "usage: bad format" "$dossier" query --db "$db" --format xml "RETURN 1"
expect_exit 2 "usage: unknown flag" "$dossier" query --bogus
expect_exit 1 "missing database" "$dossier" query --db "$tmp/none.db" "RETURN 1"
DOSSIER_DB="$db" "$dossier" query --format csv "MATCH (a:Article) RETURN count(a) AS n" >"$tmp/out" 2>&1 || fail "DOSSIER_DB"
[ "$(tail -1 "$tmp/out")" = "5" ] || fail "DOSSIER_DB count: $(cat "$tmp/out")"

expect_exit 0 "stats" "$dossier" stats --db "$db"
expect_exit 0 "schema" "$dossier" schema --db "$db"
grep -q "ACCUSES" "$tmp/out" || fail "schema lacks ACCUSES"

# extract | ingest gives the same graph as build.
"$dossier" extract "$src/data/seeds" >"$tmp/facts.jsonl" 2>"$tmp/err" || fail "extract"
[ "$(wc -l <"$tmp/facts.jsonl")" -eq 5 ] || fail "extract lines: $(wc -l <"$tmp/facts.jsonl")"
tac "$tmp/facts.jsonl" >"$tmp/reversed.jsonl"
expect_exit 0 "ingest" "$dossier" ingest --db "$tmp/ingested.db" "$tmp/reversed.jsonl"
dump='MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.name AS an, type(r) AS t, r.kind AS k, labels(b) AS lb, b.name AS bn, b.kind AS bk ORDER BY la, an, t, k, lb, bn, bk'
"$dossier" query --db "$db" --format csv "$dump" >"$tmp/a.csv" 2>&1
"$dossier" query --db "$tmp/ingested.db" --format csv "$dump" >"$tmp/b.csv" 2>&1
cmp -s "$tmp/a.csv" "$tmp/b.csv" || { fail "build and extract|ingest differ"; diff "$tmp/a.csv" "$tmp/b.csv" | head; }

echo "bad" >"$tmp/bad.jsonl"
expect_exit 1 "ingest of a bad line" "$dossier" ingest --db "$tmp/bad.db" "$tmp/bad.jsonl"
grep -q "bad.jsonl:1" "$tmp/err" || fail "bad line not located: $(cat "$tmp/err")"

# The evaluator scores the seeds against their gold relations.
expect_exit 0 "eval seeds" "$dossier" eval --gold "$shared/gold/seeds.jsonl" --articles "$src/data/seeds"
grep -qi "f1" "$tmp/out" || fail "eval prints no F1: $(head -5 "$tmp/out")"
expect_exit 2 "eval without --gold" "$dossier" eval
expect_exit 1 "eval of a missing gold file" "$dossier" eval --gold "$tmp/none.jsonl"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "cli end-to-end: all checks passed"
