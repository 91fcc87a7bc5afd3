#!/usr/bin/env bash
# Interchange round trip (DESIGN §6: "what `export --format csv` writes,
# `import` reads back"): a graph exported as CSV and imported into a new
# database through the generated neo4j-admin command line is the same graph:
# same node and relationship counts, labels, types and every property with
# its type, compared through `export --format jsonl` of both databases,
# sorted, internal ids aside.
# 1. the seed graph (dossier build data/seeds);
# 2. a graph of awkward values made with CREATE: several labels on a node,
#    quotes, commas, semicolons and line breaks in strings, empty strings and
#    lists, typed arrays, a list with a null, big and negative numbers, -0.0,
#    NaN and infinities, non-ASCII text, a property key with a space.
# Usage: roundtrip_test.sh DOSSIER_BINARY SOURCE_DIR TMP_DIR
set -u
dossier=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
tmp=$(cd "$(mktemp -d "$3/roundtrip.XXXXXX")" && pwd)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A stand-in for neo4j-admin (not installed here): it runs the generated
# neo4j-admin-import.sh unchanged and hands `database import full`'s
# --nodes=/--relationships=/--array-delimiter= arguments to `dossier import`.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/neo4j-admin" <<'SH'
#!/bin/sh
[ "$1 $2 $3" = "database import full" ] || { echo "neo4j-admin stand-in: $*" >&2; exit 2; }
shift 3
set -- "$@" --end--
while [ "$1" != --end-- ]; do
  case $1 in
    --multiline-fields=true) ;;
    --nodes=*|--relationships=*|--array-delimiter=*|--delimiter=*) set -- "$@" "$1" ;;
    --*) echo "neo4j-admin stand-in: unexpected option $1" >&2; exit 2 ;;
    *) ;;  # the Neo4j database name
  esac
  shift
done
shift
exec "$ROUNDTRIP_DOSSIER" import --db "$ROUNDTRIP_DB" "$@"
SH
chmod +x "$tmp/bin/neo4j-admin"

# roundtrip NAME DB: export DB as csv, import it into a new database with
# the generated script, and compare both databases' jsonl exports.
roundtrip() {
  local name=$1 db=$2
  "$dossier" export --db "$db" --format csv --out "$tmp/$name.csv" 2>"$tmp/err" ||
    { fail "$name: export csv: $(cat "$tmp/err")"; return; }
  PATH="$tmp/bin:$PATH" ROUNDTRIP_DOSSIER="$dossier" ROUNDTRIP_DB="$tmp/$name.imported.db" \
    sh "$tmp/$name.csv/neo4j-admin-import.sh" >"$tmp/$name.import.out" 2>"$tmp/err" ||
    { fail "$name: import of the generated neo4j-admin command line: $(cat "$tmp/err")"; return; }
  grep -q '; 0 bad rows skipped;' "$tmp/$name.import.out" ||
    fail "$name: import summary: $(tail -1 "$tmp/$name.import.out")"
  "$dossier" export --db "$db" --format jsonl >"$tmp/$name.a.jsonl" || fail "$name: export jsonl"
  "$dossier" export --db "$tmp/$name.imported.db" --format jsonl >"$tmp/$name.b.jsonl" ||
    fail "$name: export jsonl of the imported database"
  python3 - "$tmp/$name.a.jsonl" "$tmp/$name.b.jsonl" "$name" <<'PY' || fail "$name: the imported graph differs"
import difflib, json, math, sys

def canonical(value):
    # JSON keeps int and float apart (1 vs 1.0); NaN and the infinities are
    # strings in the APOC form, -0.0 keeps its sign through json.dumps.
    return json.dumps(value, sort_keys=True, ensure_ascii=False)

def load(path):
    nodes, rels = {}, []
    for line in open(path, encoding="utf-8"):
        x = json.loads(line)
        if x["type"] == "node":
            nodes[x["id"]] = canonical([sorted(x["labels"]), x["properties"]])
        else:
            rels.append(x)
    edges = [canonical([nodes[r["start"]["id"]], r["label"],
                        nodes[r["end"]["id"]], r["properties"]]) for r in rels]
    return sorted(nodes.values()), sorted(edges)

(na, ea), (nb, eb) = load(sys.argv[1]), load(sys.argv[2])
same = True
for what, a, b in (("nodes", na, nb), ("relationships", ea, eb)):
    if a != b:
        same = False
        print("%s: %s differ (%d exported, %d imported)" % (sys.argv[3], what, len(a), len(b)))
        for line in list(difflib.unified_diff(a, b, "exported", "imported", lineterm="", n=0))[:12]:
            print("  " + line[:400])
if not na or not ea:
    same = False
    print("%s: empty graph (%d nodes, %d relationships)" % (sys.argv[3], len(na), len(ea)))
if same:
    print("%s: %d nodes and %d relationships round-trip" % (sys.argv[3], len(na), len(ea)))
sys.exit(0 if same else 1)
PY
}

# 1. The seed graph.
"$dossier" build --db "$tmp/seeds.db" "$src/data/seeds" >/dev/null 2>"$tmp/err" || fail "build seeds: $(cat "$tmp/err")"
roundtrip seeds "$tmp/seeds.db"
count() { "$dossier" query --db "$tmp/seeds.db" --format csv "$1" | tail -1; }
want="imported $(count 'MATCH (n) RETURN count(n)') nodes and $(count 'MATCH ()-[r]->() RETURN count(r)') relationships"
grep -q "^$want into" "$tmp/seeds.import.out" || fail "seeds: import summary: $(tail -1 "$tmp/seeds.import.out"), want $want"

# 2. Awkward values. A database to CREATE in: one imported node.
printf ':ID,name\n1,seed\n' >"$tmp/one.csv"
"$dossier" import --db "$tmp/values.db" --nodes Seed="$tmp/one.csv" >/dev/null 2>"$tmp/err" || fail "import one node: $(cat "$tmp/err")"
"$dossier" query --db "$tmp/values.db" --param crlf='"a\r\nb"' -f - >/dev/null 2>"$tmp/err" <<'CYPHER' || fail "CREATE the awkward values: $(cat "$tmp/err")"
CREATE (a:Person:Analyst:Source {name: 'Ana "Q" Varga, PhD', note: 'line 1
line 2', crlf: $crlf, semi: 'a;b', empty: '', pad: '  pad  ',
  quote: '"', n: -42, big: 9223372036854775807, small: -9223372036854775808, x: 1.5,
  whole: 3.0, tiny: 1.0e-300, neg0: -0.0, nan: 0.0 / 0.0, inf: 1.0 / 0.0, ninf: -1.0 / 0.0,
  yes: true, no: false, tags: ['x', 'y z', 'é, "q"'], nums: [1, -2, 3], ds: [1.5, 2.25],
  flags: [true, false], none: [], holes: [1, null, 3], uni: 'Bắc Kinh 北京',
  `odd key`: 'k'})
  -[:KNOWS {since: 2001, w: 0.5, via: ['a', 'b'], why: 'x,y', e: ''}]->
  (b:Person {name: 'Bob'}),
  (b)-[:KNOWS]->(c:Organisation {name: 'Org', n: 7}),
  (c)-[:CITES {`odd key`: 1, page: [3, 4]}]->(c),
  (c)-[:KNOWS {since: 1999}]->(a);
CREATE (:Source:Person {name: 'Second label order'});
CYPHER
roundtrip values "$tmp/values.db"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "export csv -> import round trip: all checks passed"
