# §3: `map` and `submit` + `result()` collect the same dicts in the same order, and the three
# requests overlap: three latencies of 80-280 ms take about the longest one, not their sum.
import time
from concurrent.futures import ThreadPoolExecutor
import requests

def fetch(url: str) -> dict:
    return requests.get(url, timeout=5).json()

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    by_map = list(pool.map(fetch, urls))
    by_submit = [f.result() for f in [pool.submit(fetch, url) for url in urls]]
elapsed = time.perf_counter() - start

print(by_map == by_submit)
print([user["id"] for user in by_map])
# Serially it would be 2 × (0.28 + 0.18 + 0.08) = 1.08 s; overlapped it is about 2 × 0.28 s.
print(elapsed < 0.95)
