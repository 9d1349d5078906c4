# §3 with max_workers=1: the pool has one thread, so the three requests run one after another and take
# the sum of their latencies (0.08 + 0.18 + 0.28 s), not the longest one.
import time
from concurrent.futures import ThreadPoolExecutor

def fetch(url):
    return requests.get(url, timeout=5).json()["login"]

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=1) as pool:
    print(list(pool.map(fetch, urls)))
elapsed = time.perf_counter() - start
print(elapsed >= 0.5)
