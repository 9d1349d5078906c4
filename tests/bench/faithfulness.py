"""The lesson's scenarios in the real CPython, for the faithfulness benchmark.

Run by `cargo run --release -p playground-core --example faithfulness`, which runs the same scenarios
through the engine and prints both side by side. Prints one line of JSON: every timing in
milliseconds, every lost-update count as the mean of a few runs. Plain stdlib, nothing to install.
"""

import json
import math
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))


def fetch(latency_ms: int) -> dict:
    # The network wait of `requests.get`: the thread blocks in a system call without the GIL.
    time.sleep(latency_ms / 1000)
    return {"name": "ok"}


def timed_pool(pool_type, workers: int, fn, args) -> float:
    # The pool is created inside the timing, as the lesson's `with` block does: start-up counts.
    t0 = time.perf_counter()
    with pool_type(max_workers=workers) as pool:
        list(pool.map(fn, args))
    return (time.perf_counter() - t0) * 1e3


def best_of(reps: int, f) -> float:
    # The minimum is the run least disturbed by the other work on a shared machine.
    return min(f() for _ in range(reps))


COUNTER_SOURCES = {
    "lock": "def work(k):\n    global counter\n    for _ in range(k):\n        with lock:\n            counter += 1\n",
    "plain": "def work(k):\n    global counter\n    for _ in range(k):\n        counter += 1\n",
    "read_call_write": (
        "def work(k):\n    global counter\n    for _ in range(k):\n"
        "        tmp = counter\n        f()\n        counter = tmp + 1\n"
    ),
}


def lost_updates(variant: str, threads: int, increments: int) -> int:
    # A fresh module namespace per run, so `global counter` is a real module-level global.
    ns = {"lock": threading.Lock(), "f": lambda: None, "counter": 0}
    exec(COUNTER_SOURCES[variant], ns)
    ts = [threading.Thread(target=ns["work"], args=(increments,)) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return threads * increments - ns["counter"]


def main() -> None:
    cfg = json.loads(sys.argv[1])
    out = {"python": sys.version.split()[0], "switch_interval_ms": sys.getswitchinterval() * 1e3}
    reps = cfg["reps"]
    n, tasks = cfg["cpu_n"], cfg["cpu_tasks"]
    out["cpu_task_ms"] = best_of(reps, lambda: timed_call(compute, n))
    for name, pool_type in (("threads", ThreadPoolExecutor), ("processes", ProcessPoolExecutor)):
        for w in cfg["cpu_workers"]:
            out[f"cpu/{name}/{w}"] = best_of(reps, lambda: timed_pool(pool_type, w, compute, [n] * tasks))
    lat, tasks = cfg["io_latency_ms"], cfg["io_tasks"]
    for name, pool_type in (("threads", ThreadPoolExecutor), ("processes", ProcessPoolExecutor)):
        for w in cfg["io_workers"]:
            out[f"io/{name}/{w}"] = best_of(reps, lambda: timed_pool(pool_type, w, fetch, [lat] * tasks))
    for variant in COUNTER_SOURCES:
        for k in cfg["counter_increments"]:
            runs = [lost_updates(variant, cfg["counter_threads"], k) for _ in range(cfg["counter_reps"])]
            out[f"counter/{variant}/{k}"] = sum(runs) / len(runs)
    print(json.dumps(out))


def timed_call(fn, arg) -> float:
    t0 = time.perf_counter()
    fn(arg)
    return (time.perf_counter() - t0) * 1e3


if __name__ == "__main__":
    main()
