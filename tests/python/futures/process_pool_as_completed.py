# as_completed over a process pool's futures: every result arrives once, counted and sorted since the
# processes finish in any order.
import math
from concurrent.futures import ProcessPoolExecutor, as_completed

def compute(n):
    return n, sum(math.sqrt(i) for i in range(n))

with ProcessPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(compute, n) for n in (1_000, 2_000, 3_000, 4_000)]
    results = sorted(f.result() for f in as_completed(futures))
for n, value in results:
    print(n, round(value, 6))
