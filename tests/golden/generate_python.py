"""Record what real PyTorch 1.13 prints for the Python programs under tests/golden/python/.

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_python.py

It (re)writes python_programs.json next to this script:

* programs -- every tests/golden/python/NNN-name.py, each run in a fresh namespace: its stdout, and its error
  ({type, message, line}, line counted in the program's own file) or null. The stdout printed before an error is kept.
* sessions -- every directory tests/golden/python/sessions/NAME/ whose NN.py files are a notebook's cells: the cells
  run in order in one shared namespace, each with its own stdout and error.

The seed: a new Python process seeds torch's generator randomly, so a real notebook prints other random weights on
every run. Each program (and each session) here starts with torch.manual_seed(67280421310721) applied invisibly, the
seed of a fresh torch.Generator() and the seed the JS runtime starts every session at, so the output is reproducible.

Programs outside the runtime's subset (class, try, import numpy, ...) start with a comment

    # expect: NotImplementedError line N: CONSTRUCT

Python runs them happily, so Python cannot judge them: the whole program is run to check that it is real, working
Python, and the stdout recorded is that of its lines before line N (a top-level statement); the error is
{type: 'NotImplementedError', line: N, construct: CONSTRUCT}, and the runtime's message must name CONSTRUCT.

The output file is committed; do not edit it by hand.
"""

import builtins
import contextlib
import io
import json
import os
import re
import sys
import warnings

# Some Python and torch messages print a set, whose order depends on string hashing.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch  # noqa: E402

GENERATOR = "tests/golden/generate_python.py"
SEED = 67280421310721
HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS_DIR = os.path.join(HERE, "python")
SESSIONS_DIR = os.path.join(PROGRAMS_DIR, "sessions")
OUT_FILE = os.path.join(HERE, "python_programs.json")
PROGRAM_NAME = re.compile(r"^\d{3}-[a-z0-9-]+\.py$")
EXPECT = re.compile(r"^# expect: NotImplementedError line (\d+): (.+)\n")

torch.set_num_threads(1)
# UserWarnings go to stderr, which the golden set does not compare.
warnings.filterwarnings("ignore")


def fresh_namespace():
    return {"__name__": "__main__", "__builtins__": builtins}


def error_line(exc, filename):
    """The line of the innermost frame that belongs to the program (not to torch's own files)."""
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        return exc.lineno
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run(source, filename, namespace):
    """Run source in namespace; return (stdout, error or None)."""
    out = io.StringIO()
    error = None
    torch.set_grad_enabled(True)
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, filename, "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 -- every Python error is a recorded outcome
            message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
            error = {"type": type(exc).__name__, "message": message, "line": error_line(exc, filename)}
    return out.getvalue(), error


def run_program(name, source):
    torch.manual_seed(SEED)
    expect = EXPECT.match(source)
    if not expect:
        stdout, error = run(source, name, fresh_namespace())
        if error and error["line"] is None:
            sys.exit("%s: %s raised outside the program's own lines" % (name, error["type"]))
        return {"name": name, "source": source, "stdout": stdout, "error": error}

    line, construct = int(expect.group(1)), expect.group(2).strip()
    lines = source.splitlines(keepends=True)
    if line > len(lines) or lines[line - 1][:1].isspace():
        sys.exit("%s: line %d must be a top-level statement" % (name, line))
    _, error = run(source, name, fresh_namespace())
    if error:
        sys.exit("%s: must be working Python, but raised %s" % (name, error))
    torch.manual_seed(SEED)
    stdout, error = run("".join(lines[: line - 1]), name, fresh_namespace())
    if error:
        sys.exit("%s: the lines before %d raised %s" % (name, line, error))
    error = {"type": "NotImplementedError", "line": line, "construct": construct}
    return {"name": name, "source": source, "stdout": stdout, "error": error}


def run_session(name, directory):
    torch.manual_seed(SEED)
    namespace = fresh_namespace()
    cells = []
    for cell_name in sorted(f for f in os.listdir(directory) if f.endswith(".py")):
        with open(os.path.join(directory, cell_name)) as f:
            source = f.read()
        stdout, error = run(source, "%s/%s" % (name, cell_name), namespace)
        cells.append({"source": source, "stdout": stdout, "error": error})
    return {"name": name, "cells": cells}


def read_programs():
    names = sorted(f for f in os.listdir(PROGRAMS_DIR) if f.endswith(".py"))
    bad = [n for n in names if not PROGRAM_NAME.match(n)]
    if bad:
        sys.exit("program names must look like 001-short-name.py: %s" % bad)
    for n in names:
        with open(os.path.join(PROGRAMS_DIR, n)) as f:
            yield n, f.read()


def write(programs, sessions):
    """One compact JSON line per program and per session, so diffs show which programs changed (the layout of
    generate.py's write_json, which writes a single "cases" list where this file has two)."""
    head = {
        "generator": GENERATOR,
        "torch_version": torch.__version__,
        "python_version": "%d.%d.%d" % sys.version_info[:3],
        "seed": SEED,
        "note": "generated by real PyTorch; do not edit",
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append("  %s: %s," % (json.dumps(key), json.dumps(value)))
    for key, items, last in (("programs", programs, False), ("sessions", sessions, True)):
        lines.append('  "%s": [' % key)
        for i, item in enumerate(items):
            sep = "," if i + 1 < len(items) else ""
            lines.append("    " + json.dumps(item, separators=(",", ":"), allow_nan=False) + sep)
        lines.append("  ]" + ("" if last else ","))
    lines.append("}")
    with open(OUT_FILE, "w") as f:
        f.write("\n".join(lines) + "\n")
    failed = sum(1 for p in programs if p["error"])
    print("wrote %s: %d programs (%d end in an error), %d sessions, %d bytes"
          % (OUT_FILE, len(programs), failed, len(sessions), os.path.getsize(OUT_FILE)))


def main():
    programs = [run_program(name, source) for name, source in read_programs()]
    sessions = [run_session(name, os.path.join(SESSIONS_DIR, name)) for name in sorted(os.listdir(SESSIONS_DIR))]
    write(programs, sessions)


if __name__ == "__main__":
    main()
