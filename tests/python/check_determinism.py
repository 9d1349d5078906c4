"""Runs corpus programs several times under CPython and reports any whose result changes.

Usage: python3 tests/python/check_determinism.py [SUBSTRING] [--runs N] [--jobs J]

A corpus program must give the same stdout, exit code and exception type on every run (the harness
compares one CPython run with the interpreter, so a program that varies would fail at random). This
runs each program whose path contains SUBSTRING N times (3 by default), J at a time (2), through
cpython_run.py exactly as the harness does (honouring `# timeout:`), and prints, per program, how long
it took and whether its runs agreed. It exits 1 if any program varied, took longer than its budget,
or (with a `# timeout:`) ended by itself.
"""

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
# A program slower than this (unless its header has a `# slow:` line saying why, or a `# timeout:`) is reported: the corpus runs
# four times per program in the test command, so it must stay quick.
BUDGET = 1.0


def programs(substring):
    found = []
    for area in sorted(os.listdir(HERE)):
        folder = os.path.join(HERE, area)
        if not os.path.isdir(folder) or area.startswith(("_", ".")):
            continue
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".py") and not name.startswith("_"):
                    rel = os.path.relpath(os.path.join(dirpath, name), ROOT)
                    if substring in rel:
                        found.append(rel)
    return sorted(found)


def header(rel):
    # (`# timeout:` seconds or None, whether a `# slow:` line excuses it from the time budget).
    timeout, slow = None, False
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            text = line.lstrip("#").strip()
            if text.startswith("timeout:"):
                timeout = float(text[len("timeout:"):])
            elif text.startswith("slow:"):
                slow = True
    return timeout, slow


def last_type(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    if not lines or lines[-1][0].isspace():
        return None
    name = lines[-1].split(":")[0]
    ok = all(part.isidentifier() for part in name.split("."))
    return name if ok else None


def run_once(rel, timeout):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, os.path.join("tests", "python", "cpython_run.py"), rel],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout if timeout else 30)
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        killed = True
    elapsed = time.perf_counter() - start
    code = None if killed else proc.returncode
    return (out.decode("utf-8", "replace"), code, None if killed else last_type(err.decode("utf-8", "replace"))), elapsed, killed


def check(rel, runs):
    timeout, slow = header(rel)
    results, times, problems = [], [], []
    for _ in range(runs):
        result, elapsed, killed = run_once(rel, timeout)
        results.append(result)
        times.append(elapsed)
        if timeout and not killed:
            problems.append("ended before its # timeout")
        if not timeout and killed:
            problems.append("still running after 30 s")
    if any(r != results[0] for r in results):
        problems.append("runs differ")
    if timeout is None and not slow and max(times) > BUDGET:
        problems.append(f"slow ({max(times):.2f} s)")
    return rel, results[0], max(times), problems


def main():
    args = sys.argv[1:]
    runs, jobs, substring = 3, 2, ""
    while args:
        arg = args.pop(0)
        if arg == "--runs":
            runs = int(args.pop(0))
        elif arg == "--jobs":
            jobs = int(args.pop(0))
        else:
            substring = arg
    failed = 0
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for rel, (out, code, exc), seconds, problems in pool.map(lambda r: check(r, runs), programs(substring)):
            status = "ok" if not problems else "; ".join(sorted(set(problems)))
            failed += bool(problems)
            print(f"{seconds:6.2f}s  exit={code}  exc={exc}  {rel}  {status}", flush=True)
    print(f"{failed} program(s) with problems")
    sys.exit(1 if failed else 0)


main()
