// kuzu_bench.js: the Kùzu side of `dossier bench`.
//
//   node kuzu_bench.js SPEC.json
//
// SPEC: {"db": path of a new database, "setup": [Cypher, ...] (schema, run
// once, untimed), "load": [Cypher, ...] (COPY statements, timed together),
// "queries": [{"name", "statements": [Cypher, ...]}], "runs": N,
// "budget_seconds": S (stop repeating a query once its runs exceed S)}.
// Prints one JSON object on stdout: load time, and per query the wall and
// CPU milliseconds of each run (all statements of a query make one run) and
// the answer in the canonical text form that `dossier bench` also writes:
// per statement the rows as values joined by "|", rows by "\n", statements
// by "\n;\n" (no row: "-").
"use strict";
const fs = require("fs");
const kuzu = require("kuzu");

function canonical(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (Array.isArray(value)) return "[" + value.map(canonical).join(", ") + "]";
  return String(value);
}

async function runStatement(conn, text) {
  const result = await conn.query(text);
  const rows = await result.getAll();
  if (rows.length === 0) return "-";
  return rows.map((r) => Object.values(r).map(canonical).join("|")).join("\n");
}

function cpuMs(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const db = new kuzu.Database(spec.db);
  const conn = new kuzu.Connection(db);
  for (const s of spec.setup) await conn.query(s);
  const out = { version: kuzu.VERSION, queries: [] };
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  for (const s of spec.load) await conn.query(s);
  out.load_ms = performance.now() - t0;
  out.load_cpu_ms = cpuMs(c0);
  for (const q of spec.queries) {
    const entry = { name: q.name, times_ms: [], cpu_ms: [], answer: null };
    let spent = 0;
    for (let run = 0; run < spec.runs; ++run) {
      const answers = [];
      t0 = performance.now();
      c0 = process.cpuUsage();
      try {
        for (const s of q.statements) answers.push(await runStatement(conn, s));
      } catch (e) {
        entry.error = String(e.message || e);
        break;
      }
      const ms = performance.now() - t0;
      entry.times_ms.push(ms);
      entry.cpu_ms.push(cpuMs(c0));
      entry.answer = answers.join("\n;\n");
      spent += ms;
      if (spent > spec.budget_seconds * 1000) break;
    }
    out.queries.push(entry);
  }
  out.max_rss_kb = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  process.stderr.write("kuzu_bench: " + (e.stack || e) + "\n");
  process.exit(1);
});
