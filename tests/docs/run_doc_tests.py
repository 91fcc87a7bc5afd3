#!/usr/bin/env python3
"""Runs the commands shown in docs/ and compares their output.

A command block is a fenced block whose info string holds `dossier-test`:

    ```sh dossier-test
    dossier query "RETURN 1 AS one"
    ```
    ```text
    ...expected output (stdout and stderr together)...
    ```

The `text` block right after it (blank lines between are allowed) is the
expected output; without one only the exit status is checked. Options in
the info string: `exit=N` (expected exit status, default 0). In the expected
text a line `...` matches any number of lines; trailing blanks are ignored.

Each Markdown file runs in a fresh folder holding links to the checkout's
data/, examples/ and docs/, with the `dossier` binary and the example
programs first on PATH, HOME set to that folder and DOSSIER_DB unset; its
blocks run in order with bash (-e, pipefail), so a block may use what an
earlier one built (./dossier.db).

`--update` rewrites the expected blocks with the actual output (review the
diff before keeping it).

A block that cannot run here says why: ```sh dossier-skip: reason```. In
the files this project's surfaces own (STRICT below) every sh/bash/console
block must be marked one way or the other.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

STRICT = {"getting-started.md", "cli.md", "schema.md", "embedding.md",
          "query-language.md"}
FENCE = re.compile(r"^(`{3,})(.*)$")


def blocks(path):
    """Yields (line, info, body) for each fenced block of the file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info, start = m.group(1), m.group(2).strip(), i + 1
        j = start
        while j < len(lines) and not lines[j].startswith(fence):
            j += 1
        yield start, info, "\n".join(lines[start:j]), j
        i = j + 1


def normalise(text):
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def matches(expected, actual):
    """`...` in expected matches any run of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[k:])
                   for k in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and \
        matches(expected[1:], actual[1:])


def run_file(path, args, env_base):
    name = os.path.basename(path)
    failures, ran = [], 0
    found = list(blocks(path))
    updates = {}  # Line of an expected block -> (end, new body).
    work = tempfile.mkdtemp(dir=args.tmp, prefix="doc.")
    try:
        for sub in ("data", "examples", "docs"):
            os.symlink(os.path.join(args.source, sub), os.path.join(work, sub))
        env = dict(env_base, HOME=work)
        for k, (line, info, body, end) in enumerate(found):
            words = info.split()
            lang = words[0] if words else ""
            if "dossier-test" not in words:
                if (name in STRICT and lang in ("sh", "bash", "console", "shell")
                        and not info.startswith(lang + " dossier-skip:")):
                    failures.append("%s:%d: a %s block neither dossier-test nor "
                                    "dossier-skip: reason" % (name, line, lang))
                continue
            want_exit = 0
            for w in words:
                if w.startswith("exit="):
                    want_exit = int(w[5:])
            expected = None
            if k + 1 < len(found):
                nline, ninfo, nbody, _ = found[k + 1]
                between = open(path, encoding="utf-8").read().split("\n")[end + 1:nline - 1]
                if ninfo.split()[:1] == ["text"] and not any(b.strip() for b in between):
                    expected = nbody
            ran += 1
            r = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", body],
                               cwd=work, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=600)
            out = r.stdout.decode("utf-8", "replace")
            if args.update and expected is not None:
                nline, _, _, nend = found[k + 1]
                updates[nline] = (nend, "\n".join(normalise(out)))
            if r.returncode != want_exit:
                failures.append("%s:%d: exit %d, want %d\n%s" %
                                (name, line, r.returncode, want_exit, out))
            elif expected is not None and not matches(normalise(expected),
                                                      normalise(out)):
                failures.append("%s:%d: output differs\n--- expected\n%s\n"
                                "--- actual\n%s" % (name, line, expected, out))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if updates:
        lines = open(path, encoding="utf-8").read().split("\n")
        for start in sorted(updates, reverse=True):
            end, body = updates[start]
            lines[start:end] = body.split("\n") if body else []
        open(path, "w", encoding="utf-8").write("\n".join(lines))
    return ran, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", required=True, help="the dossier binary")
    ap.add_argument("--examples", default="",
                    help="folder holding the example programs")
    ap.add_argument("--source", required=True, help="the checkout")
    ap.add_argument("--tmp", default=tempfile.gettempdir())
    ap.add_argument("--update", action="store_true",
                    help="rewrite the expected output blocks")
    ap.add_argument("files", nargs="*",
                    help="Markdown files (default: docs/*.md and README.md)")
    args = ap.parse_args()
    args.source = os.path.abspath(args.source)
    files = args.files or sorted(glob.glob(os.path.join(args.source, "docs", "*.md")))
    if not args.files and os.path.exists(os.path.join(args.source, "README.md")):
        files.append(os.path.join(args.source, "README.md"))
    bindir = os.path.dirname(os.path.abspath(args.dossier))
    path = [bindir] + ([os.path.abspath(args.examples)] if args.examples else [])
    env = dict(os.environ)
    env.pop("DOSSIER_DB", None)
    env["PATH"] = os.pathsep.join(path + [env.get("PATH", "/usr/bin:/bin")])
    env["LC_ALL"] = "C.UTF-8"
    total, failures = 0, []
    for f in files:
        ran, fails = run_file(f, args, env)
        total += ran
        failures += fails
        print("%s: %d command block(s), %d failure(s)" %
              (os.path.relpath(f, args.source), ran, len(fails)))
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("docs: %d command block(s) ran as documented" % total)


if __name__ == "__main__":
    main()
