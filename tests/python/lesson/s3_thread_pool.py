# §3's ThreadPoolExecutor half, with the prints a learner adds to see what came back: `map` and
# `submit` both give the results in the order of `urls`, whatever order the requests finish in.
from concurrent.futures import ThreadPoolExecutor
import requests

urls = [
    "https://api.github.com/users/torvalds",
    "https://api.github.com/users/gvanrossum",
    "https://api.github.com/users/antirez",
]

def fetch(url: str) -> dict:
    return requests.get(url, timeout=5).json()

with ThreadPoolExecutor(max_workers=5) as pool:
    results = list(pool.map(fetch, urls))
    print([r["login"] for r in results])

    futures = [pool.submit(fetch, url) for url in urls]
    results = [f.result() for f in futures]
    print([r["name"] for r in results])
    print(all(f.done() for f in futures))
