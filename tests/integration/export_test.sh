#!/usr/bin/env bash
# dossier export on the seed graph: jsonl lines parse in APOC form, GraphML
# opens in networkx with the graph's counts, dot is accepted by Graphviz,
# csv writes the files and import scripts with the headers of DESIGN §6,
# and --query exports only what the query returns.
# Usage: export_test.sh DOSSIER_BINARY SOURCE_DIR TMP_DIR
set -u
dossier=$1
src=$2
tmp=$(cd "$(mktemp -d "$3/export.XXXXXX")" && pwd)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

db="$tmp/seeds.db"
"$dossier" build --db "$db" "$src/data/seeds" >/dev/null 2>&1 || fail "build"
count() { "$dossier" query --db "$db" --format csv "$1" | tail -1; }
nodes=$(count 'MATCH (n) RETURN count(n)')
rels=$(count 'MATCH ()-[r]->() RETURN count(r)')
accuses=$(count 'MATCH ()-[r:ACCUSES]->() RETURN count(r)')
[ "$nodes" -gt 0 ] && [ "$rels" -gt 0 ] && [ "$accuses" -gt 0 ] || fail "seed counts: $nodes $rels $accuses"

# jsonl: one APOC object per line, nodes then relationships.
"$dossier" export --db "$db" --format jsonl >"$tmp/g.jsonl" || fail "export jsonl"
python3 - "$tmp/g.jsonl" "$nodes" "$rels" <<'PY' || fail "jsonl content"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n = [l for l in lines if l["type"] == "node"]
r = [l for l in lines if l["type"] == "relationship"]
assert len(n) == int(sys.argv[2]) and len(r) == int(sys.argv[3]), (len(n), len(r))
assert all(isinstance(x["id"], str) and x["labels"] and "properties" in x for x in n)
ids = {x["id"] for x in n}
for x in r:
    assert x["label"] and x["start"]["id"] in ids and x["end"]["id"] in ids, x
    assert x["start"]["labels"], x
PY

# graphml: networkx reads it with the same counts and typed attributes.
"$dossier" export --db "$db" --format graphml --out "$tmp/g.graphml" || fail "export graphml"
python3 - "$tmp/g.graphml" "$nodes" "$rels" <<'PY' || fail "graphml in networkx"
import sys, networkx
g = networkx.read_graphml(sys.argv[1])
assert isinstance(g, networkx.MultiDiGraph) or g.is_directed()
assert g.number_of_nodes() == int(sys.argv[2]), g.number_of_nodes()
assert g.number_of_edges() == int(sys.argv[3]), g.number_of_edges()
states = [d for _, d in g.nodes(data=True) if d.get("labels") == ":State"]
assert states and all(isinstance(d.get("name"), str) for d in states)
kinds = {d.get("kind") for *_, d in g.edges(data=True) if d.get("label") == "ACCUSES"}
assert kinds and None not in kinds, kinds
PY

# dot: Graphviz accepts the whole graph and the who-accused-whom paths.
"$dossier" export --db "$db" --format dot >"$tmp/g.dot" || fail "export dot"
dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>"$tmp/dot.err" || fail "dot rejects the export: $(cat "$tmp/dot.err")"
"$dossier" export --db "$db" --format dot \
  --query 'MATCH p=(a)-[:ACCUSES]->(b) RETURN p' >"$tmp/acc.dot" || fail "export dot --query"
dot -Tsvg "$tmp/acc.dot" >"$tmp/acc.svg" || fail "dot rejects the query export"
[ "$(grep -c -- '->' "$tmp/acc.dot")" -eq "$accuses" ] || fail "query export edges: $(grep -c -- '->' "$tmp/acc.dot") != $accuses"
grep -q 'color=red' "$tmp/acc.dot" || fail "ACCUSES edges not red"
grep -q 'shape=box' "$tmp/acc.dot" || fail "no State box"
grep -q '<svg' "$tmp/acc.svg" || fail "no svg"

# --query with relationships only: their endpoints come along.
"$dossier" export --db "$db" --format jsonl \
  --query 'MATCH ()-[r:ACCUSES]->() RETURN r' >"$tmp/r.jsonl" || fail "export jsonl --query r"
python3 - "$tmp/r.jsonl" "$accuses" <<'PY' || fail "jsonl --query endpoints"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
r = [l for l in lines if l["type"] == "relationship"]
ids = {l["id"] for l in lines if l["type"] == "node"}
assert len(r) == int(sys.argv[2]) and all(x["label"] == "ACCUSES" for x in r)
assert all(x["start"]["id"] in ids and x["end"]["id"] in ids for x in r)
PY

# csv: a file per label and per (type, start label, end label), scripts.
"$dossier" export --db "$db" --format csv --out "$tmp/csv" || fail "export csv"
[ -f "$tmp/csv/nodes_State.csv" ] || fail "no nodes_State.csv: $(ls "$tmp/csv")"
head -1 "$tmp/csv/nodes_State.csv" | grep -q '^:ID,.*name:string.*,labels:string\[\]$' || fail "State header: $(head -1 "$tmp/csv/nodes_State.csv")"
ls "$tmp/csv" | grep -q '^rels_ACCUSES_State_Organisation.csv$' || fail "no ACCUSES State→Organisation file"
head -1 "$tmp/csv/rels_ACCUSES_State_Organisation.csv" | grep -q '^:START_ID,:END_ID,' || fail "rel header"
grep -q -- '--nodes=State=nodes_State.csv' "$tmp/csv/neo4j-admin-import.sh" || fail "neo4j script"
[ -x "$tmp/csv/neo4j-admin-import.sh" ] || fail "neo4j script not executable"
sh -n "$tmp/csv/neo4j-admin-import.sh" || fail "neo4j script syntax"
grep -q 'CREATE NODE TABLE `State`' "$tmp/csv/kuzu-import.cypher" || fail "kuzu node table"
grep -q 'CREATE REL TABLE `ACCUSES`(.*FROM `State` TO `Organisation`' "$tmp/csv/kuzu-import.cypher" || fail "kuzu rel table"
grep -q "^COPY \`ACCUSES\`" "$tmp/csv/kuzu-import.cypher" || fail "kuzu copy"
python3 - "$tmp/csv" "$nodes" "$rels" <<'PY' || fail "csv row counts / no :LABEL or :TYPE columns"
import csv, glob, os, sys
d = sys.argv[1]
def rows(pattern):
    total = 0
    for f in glob.glob(os.path.join(d, pattern)):
        with open(f, newline="", encoding="utf-8") as fh:
            r = list(csv.reader(fh))
        header = r[0]
        assert ":LABEL" not in header and ":TYPE" not in header, (f, header)
        assert all(len(x) == len(header) for x in r[1:]), f
        total += len(r) - 1
    return total
assert rows("nodes_*.csv") == int(sys.argv[2])
assert rows("rels_*.csv") == int(sys.argv[3])
PY

# Kùzu runs kuzu-import.cypher and holds the same graph (when scripts/install-deps
# has installed the peer under benchmarks/peers/).
kuzu="$(cd "$src" && pwd)/benchmarks/peers/node_modules/kuzu"
if [ -d "$kuzu" ] && command -v node >/dev/null; then
  (cd "$tmp/csv" && node - "$kuzu" "$tmp/kuzu.db" "$nodes" "$rels" <<'JS') || fail "kuzu-import.cypher in Kùzu"
const [kuzuPath, dbPath, nodes, rels] = process.argv.slice(2);
const kuzu = require(kuzuPath);
const fs = require('fs');
(async () => {
  const c = new kuzu.Connection(new kuzu.Database(dbPath));
  for (const q of fs.readFileSync('kuzu-import.cypher', 'utf8').split('\n')) {
    if (q && !q.startsWith('//')) await (await c.query(q)).getAll();
  }
  const n = (await (await c.query('MATCH (n) RETURN count(n) AS n')).getAll())[0].n;
  const r = (await (await c.query('MATCH ()-[r]->() RETURN count(r) AS r')).getAll())[0].r;
  const a = (await (await c.query("MATCH (s:State {iso2: 'US'}) RETURN s.aliases AS a")).getAll())[0].a;
  if (Number(n) !== Number(nodes) || Number(r) !== Number(rels) || !Array.isArray(a) || a.length < 2) {
    throw new Error(`kuzu holds ${n} nodes, ${r} relationships, aliases ${JSON.stringify(a)}`);
  }
})().catch(e => { console.error(e.message); process.exit(1); });
JS
else
  echo "note: Kùzu not installed under benchmarks/peers; kuzu-import.cypher not run"
fi

# Usage errors.
"$dossier" export --db "$db" --format xml >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad format exit"
"$dossier" export --db "$db" --format csv >/dev/null 2>&1; [ $? -eq 2 ] || fail "csv without --out exit"
"$dossier" export --db "$db" --query 'MATCH (n RETURN n' >/dev/null 2>&1; [ $? -eq 1 ] || fail "bad query exit"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "export: all checks passed"
