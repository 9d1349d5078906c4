# The same compute(n) in a thread pool and in a process pool gives the same floats: only the time
# differs, which is not printed.
import math
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def compute(n):
    return sum(math.sqrt(i) for i in range(n))

args = [30_000, 40_000, 50_000]
with ThreadPoolExecutor() as pool:
    by_threads = list(pool.map(compute, args))
with ProcessPoolExecutor(max_workers=2) as pool:
    by_processes = list(pool.map(compute, args))
print(by_threads == by_processes)
print(by_processes)
