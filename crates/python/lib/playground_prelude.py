"""The playground's prelude: what the lesson's listings use but never define.

The lesson's listings call `do_work()` and `process(item)`, loop over `data` and `urls`, and §4 calls
`requests.get` without importing `requests` (it continues §3, which did). So that every listing runs
as written, the playground puts the names in `__all__` below into the built-ins before a program
starts; a program that defines a name of its own shadows the prelude's, as with any built-in. The
same file serves CPython (`tests/python/cpython_run.py` injects it the same way) and the
interpreter, so both see exactly these definitions.

- `do_work()`: about a millisecond of pure-Python CPU work (a 20,000-step loop), returning 59997.
  It is CPU work rather than a sleep on purpose: in §5's `while not stop_event.is_set(): do_work();
  time.sleep(0.1)` the sleep is already the waiting part, and `do_work()` stands for the Python the
  thread runs between waits, which holds the GIL. A learner who calls it in several threads sees
  them take turns on the GIL (and run side by side with `--gil off`), which a sleep would hide.
- `process(item)`: `item * item`, deterministic and light, so §6's results can be summed and checked
  (`sum(process(i) for i in data)` is 2470).
- `data`: `list(range(20))`, the items §6 enqueues.
- `urls`: the lesson's three GitHub users, as §3 lists them.
- `requests`: the simulated `requests` module (see requests.py beside this file).
"""

import requests

__all__ = ["do_work", "process", "data", "urls", "requests"]


def do_work():
    total = 0
    for i in range(20_000):
        total += i % 7
    return total


def process(item):
    return item * item


data = list(range(20))

urls = [
    "https://api.github.com/users/torvalds",
    "https://api.github.com/users/gvanrossum",
    "https://api.github.com/users/antirez",
]
