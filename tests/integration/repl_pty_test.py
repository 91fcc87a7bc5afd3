#!/usr/bin/env python3
"""dossier repl driven through a pseudo-terminal on the seed graph.

Shows :schema, tab-completes a label, answers a who-accused-whom query,
cancels a long query with Ctrl-C and answers the next one; then checks the
history file and script mode (stdin not a terminal: no prompts).
Usage: repl_pty_test.py DOSSIER_BINARY SOURCE_DIR TMP_DIR
"""
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

dossier, src, tmp_root = sys.argv[1:4]
tmp = tempfile.mkdtemp(dir=tmp_root, prefix="repl.")
db = os.path.join(tmp, "seeds.db")
failures = []


def fail(what):
    print("FAIL:", what)
    failures.append(what)


subprocess.run([dossier, "build", "--db", db, os.path.join(src, "data/seeds")],
               check=True, stdout=subprocess.DEVNULL)


class Pty:
    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        self.out = b""

    def send(self, text):
        os.write(self.fd, text.encode())

    def expect(self, pattern, timeout=30):
        """Reads until `pattern` (a regex) matches the output since the last
        expect; returns the text read, or None on timeout."""
        deadline = time.time() + timeout
        rx = re.compile(pattern.encode(), re.S)
        while True:
            m = rx.search(self.out)
            if m:
                seen, self.out = self.out[:m.end()], self.out[m.end():]
                return seen.decode("utf-8", "replace")
            left = deadline - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return None
                if not chunk:
                    return None
                self.out += chunk

    def wait(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.expect("$^", timeout=0.1)  # Drain output.
        os.kill(self.pid, signal.SIGKILL)
        return None


env = dict(os.environ, HOME=tmp, TERM="xterm", DOSSIER_DB=db)
p = Pty([dossier, "repl"], env)
PROMPT = r"dossier> "

if p.expect(PROMPT) is None:
    fail("no prompt")

p.send(":schema\r")
seen = p.expect(r"relationships.*" + PROMPT)
if seen is None or "ACCUSES" not in seen or "Organisation" not in seen \
        or "State" not in seen:
    fail(":schema: %r" % seen)

# Tab completion of a label in a node pattern: ':Sta' + Tab -> ':State'.
# libedit echoes the completed rest ("te ") after cursor movement codes; the
# query below only runs if the label was completed.
p.send("MATCH (s:Sta\t")
if p.expect(r"Sta.*te ", timeout=10) is None:
    fail("tab did not complete the label State: %r" % p.out)
p.send(") RETURN count(s) AS states;\r")
seen = p.expect(r"1 row.*" + PROMPT)
if seen is None or not re.search(r"states.*\b\d+\b", seen, re.S):
    fail("completed query: %r" % seen)

# Who accused whom, over two lines.
p.send("MATCH (a)-[r:ACCUSES]->(b)\r")
if p.expect(r"-> ") is None:
    fail("no continuation prompt")
p.send("RETURN a.name AS accuser, r.kind AS kind, b.name AS accused "
       "ORDER BY accuser, accused;\r")
seen = p.expect(r"\d+ rows.*" + PROMPT)
if seen is None or "United States" not in seen or "accuser" not in seen:
    fail("who accused whom: %r" % seen)

# A long query, cancelled with Ctrl-C; the session goes on.
p.send("MATCH (a), (b), (c), (d), (e) RETURN count(*) AS n;\r")
time.sleep(1.5)
p.send("\x03")
seen = p.expect(r"cancelled.*" + PROMPT, timeout=20)
if seen is None:
    fail("Ctrl-C did not cancel the long query: %r" % p.out)
p.send("RETURN 40 + 2 AS answer;\r")
seen = p.expect(r"1 row.*" + PROMPT)
if seen is None or "42" not in seen:
    fail("no answer after the cancel: %r" % seen)

# An error shows the caret; the session goes on.
p.send("MATCH (n RETURN n;\r")
seen = p.expect(r"\^.*" + PROMPT)
if seen is None or "line 1, column" not in seen:
    fail("error without position and caret: %r" % seen)

# Ctrl-C at the prompt drops the line being typed and keeps the session.
p.send("RETURN 5")
time.sleep(0.3)
p.send("\x03")
if p.expect(r"\^C.*" + PROMPT, timeout=10) is None:
    fail("Ctrl-C at the prompt ended the session: %r" % p.out)
p.send("RETURN 7 AS seven;\r")
seen = p.expect(r"1 row.*" + PROMPT)
if seen is None or "seven" not in seen:
    fail("no answer after Ctrl-C at the prompt: %r" % seen)

p.send(":quit\r")
code = p.wait()
if code != 0:
    fail("exit code after :quit: %r" % code)

hist = os.path.join(tmp, ".dossier_history")
if not os.path.exists(hist) or "RETURN 40 + 2" not in \
        open(hist, errors="replace").read().replace("\\040", " "):
    fail("history not saved in ~/.dossier_history")

# Script mode: stdin not a terminal, no prompt, no colour.
script = (":format csv\nRETURN 1 AS a;\n:param who \"Huawei\"\n"
          "MATCH (o:Organisation {name: $who})\nRETURN o.name AS name;\n")
r = subprocess.run([dossier, "repl", "--db", db], input=script.encode(),
                   capture_output=True, env=env, timeout=60)
out = r.stdout.decode()
if r.returncode != 0 or out != "a\n1\nname\nHuawei\n":
    fail("script mode: exit %d, %r %r" % (r.returncode, out, r.stderr))
r = subprocess.run([dossier, "repl", "--db", db], input=b"RETURN nope;\n",
                   capture_output=True, env=env, timeout=60)
if r.returncode != 1 or b"\x1b[" in r.stderr:
    fail("script error: exit %d, %r" % (r.returncode, r.stderr))

shutil.rmtree(tmp, ignore_errors=True)
if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("repl pty: all checks passed")
