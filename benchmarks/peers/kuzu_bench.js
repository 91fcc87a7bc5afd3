// kuzu_bench.js: the Kùzu side of `dossier bench`.
//
//   node kuzu_bench.js SPEC.json
//
// SPEC: {"db": path of a new database, "setup": [Cypher, ...] (schema, run
// once, untimed), "load": [Cypher, ...] (COPY statements, timed together),
// "queries": [{"name", "statements": [Cypher, ...]}], "runs": N,
// "budget_seconds": S (stop repeating a query once its runs exceed S),
// "timeout_seconds": T (optional: the deadline of one run of a query, all
// its statements together; Kùzu interrupts a statement past it)}.
// Prints one JSON object on stdout: load time, and per query the wall and
// CPU milliseconds of each run (all statements of a query make one run) and
// the answer in the canonical text form that `dossier bench` also writes:
// per statement the rows as values joined by "|", rows by "\n", statements
// by "\n;\n" (no row: "-"). A query whose run passed the deadline gets
// "timeout": true and no further runs; other errors give "error".
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

// Kùzu's message when a statement passes Connection.setQueryTimeout.
const INTERRUPTED = "Interrupted.";

class Timeout extends Error {}

// Runs the statements of one query; with `timeoutMs`, each statement gets
// what is left of the deadline of the whole run.
async function runOnce(conn, statements, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  const answers = [];
  for (const s of statements) {
    if (timeoutMs) {
      const left = Math.ceil(deadline - performance.now());
      if (left <= 0) throw new Timeout();
      conn.setQueryTimeout(left);
    }
    try {
      answers.push(await runStatement(conn, s));
    } catch (e) {
      if (timeoutMs && String(e.message || e) === INTERRUPTED) throw new Timeout();
      throw e;
    }
  }
  return answers;
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
  const timeoutMs = spec.timeout_seconds ? spec.timeout_seconds * 1000 : 0;
  for (const q of spec.queries) {
    const entry = { name: q.name, times_ms: [], cpu_ms: [], answer: null };
    let spent = 0;
    for (let run = 0; run < spec.runs; ++run) {
      let answers;
      t0 = performance.now();
      c0 = process.cpuUsage();
      try {
        answers = await runOnce(conn, q.statements, timeoutMs);
      } catch (e) {
        if (e instanceof Timeout) {
          entry.timeout = true;
        } else {
          entry.error = String(e.message || e);
        }
        break;
      }
      const ms = performance.now() - t0;
      // Kùzu checks the timeout only now and then: a run that ended past
      // the deadline is a timeout too, as on the Dossier side.
      if (timeoutMs && ms > timeoutMs) {
        entry.timeout = true;
        break;
      }
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
