# §3 of the lesson exactly as written: both executors, `map` then `submit`, then the process pool's
# compute(10_000_000) × 4. It prints nothing; it must run to the end without an error. It is one of the
# few slow programs (about two seconds of CPU per core in CPython), kept because it is the listing.
# slow: compute(10_000_000) × 4 is the listing; it takes 2-4 s in CPython on two cores.
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import requests

urls = [
    "https://api.github.com/users/torvalds",
    "https://api.github.com/users/gvanrossum",
    "https://api.github.com/users/antirez",
]

def fetch(url: str) -> dict:
    return requests.get(url, timeout=5).json()

# ThreadPoolExecutor — I/O bound (network)
with ThreadPoolExecutor(max_workers=5) as pool:
    # map — submit all, collect results in order
    results = list(pool.map(fetch, urls))

    # submit — submit one at a time, collect when needed
    futures = [pool.submit(fetch, url) for url in urls]
    results = [f.result() for f in futures]

# ProcessPoolExecutor — CPU bound (computation)
import math

def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))

with ProcessPoolExecutor() as pool:
    results = list(pool.map(compute, [10_000_000] * 4))
