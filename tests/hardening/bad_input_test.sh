#!/usr/bin/env bash
# `dossier build` over a folder of bad inputs (tests/data/bad/, plus a
# 100 MB article generated here) and copies of the seeds: every good article
# loads, every bad file is named with its reason, the exit code is non-zero
# only when nothing loaded, and nothing already stored is lost; `dossier
# check` then finds the database consistent (issue: Hardening, item 5).
#
#   bad_input_test.sh DOSSIER SOURCE_DIR TMP_DIR
set -uo pipefail
dossier=$1 src=$2 tmp=$3/bad-input-$$
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
count() {
  "$dossier" query --db "$tmp/db" --format csv "$1" | tail -n 1 | tr -d '\r"'
}

# 1. The seeds first.
"$dossier" build --db "$tmp/db" "$src/data/seeds" >"$tmp/seeds.out" 2>&1
check "the seeds build" "[ $? -eq 0 ]"
articles0=$(count "MATCH (a:Article) RETURN count(a)")
edges0=$(count "MATCH ()-[r]->() RETURN count(r)")
"$dossier" query --db "$tmp/db" --format csv \
  "MATCH (a:Article) RETURN a.id ORDER BY a.id" >"$tmp/ids0.csv"
echo "seeds: $articles0 articles, $edges0 relationships"
check "the seeds loaded" "[ ${articles0:-0} -gt 0 ]"

# 2. A folder of bad files, a 100 MB article and copies of the seeds.
mkdir -p "$tmp/in/seeds-copy"
cp "$src"/tests/data/bad/* "$tmp/in/"
cp "$src"/data/seeds/* "$tmp/in/seeds-copy/"
python3 - "$tmp/in/huge.txt" <<'PY'
import sys
line = ("Paris, 3 March 2024. France accused Russia of cyberattacks against "
        "its hospitals, the foreign ministry said on Tuesday. ")
with open(sys.argv[1], "w") as f:
    f.write("A very long dispatch\n\n")
    n = (100 << 20) // len(line)
    for i in range(n):
        f.write(line)
        if i % 20 == 19:
            f.write("\n\n")
PY
start=$(date +%s)
"$dossier" build --db "$tmp/db" "$tmp/in" >"$tmp/bad.out" 2>"$tmp/bad.err"
code=$?
echo "build over the bad folder: exit $code in $(( $(date +%s) - start )) s"
cat "$tmp/bad.out" "$tmp/bad.err" | grep -v '^|' | head -n 40

reason() {  # FILE TEXT: the file is named with the reason.
  check "$1 named: $2" "grep -F -- '$1' '$tmp/bad.err' | grep -qF -- '$2'"
}
reason empty.txt "empty article"
reason binary.txt "binary file"
reason invalid_utf8.txt "invalid UTF-8 at byte offset 49"
reason latin1.txt "invalid UTF-8 at byte offset"
reason utf16.txt "binary file"
reason scripts_only.html "empty article"
reason "truncated.jsonl:2" "JSON"
reason "not_json.jsonl:1" "JSON"
reason README.md "unsupported file type"
loaded=$(sed -n 's/^articles: \([0-9]*\) loaded.*/\1/p' "$tmp/bad.out")
present=$(sed -n 's/.* \([0-9]*\) already present.*/\1/p' "$tmp/bad.out")
check "the good JSONL line and the 100 MB article loaded (loaded=$loaded)" \
  "[ ${loaded:-0} -ge 1 ]"
check "the seed copies were already present ($present)" \
  "[ ${present:-0} -eq $articles0 ]"
check "exit 0: articles loaded" "[ $code -eq 0 ]"

# 3. Nothing lost, nothing doubled.
articles1=$(count "MATCH (a:Article) RETURN count(a)")
edges1=$(count "MATCH ()-[r]->() RETURN count(r)")
"$dossier" query --db "$tmp/db" --format csv \
  "MATCH (a:Article) RETURN a.id ORDER BY a.id" >"$tmp/ids1.csv"
echo "after: $articles1 articles, $edges1 relationships"
check "articles = seeds + loaded" "[ $articles1 -eq $(( articles0 + loaded )) ]"
check "no relationship lost" "[ $edges1 -ge $edges0 ]"
check "every seed article still there" \
  "[ -z \"\$(comm -23 '$tmp/ids0.csv' '$tmp/ids1.csv')\" ]"

# 4. Only bad files: nothing loads, exit 1, still nothing lost.
mkdir -p "$tmp/only-bad"
cp "$src"/tests/data/bad/*.txt "$src"/tests/data/bad/*.html "$tmp/only-bad/"
"$dossier" build --db "$tmp/db" "$tmp/only-bad" >"$tmp/only.out" 2>&1
check "exit 1 when nothing loaded" "[ $? -eq 1 ]"
check "articles unchanged" \
  "[ $(count 'MATCH (a:Article) RETURN count(a)') -eq $articles1 ]"

# 5. The database checks clean.
"$dossier" check --db "$tmp/db" >"$tmp/check.out" 2>&1
code=$?
cat "$tmp/check.out" | head -n 20
check "dossier check: consistent" "[ $code -eq 0 ]"

exit $fail
