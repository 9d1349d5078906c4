# as_completed yields each future once, as it finishes: sleeps of 0.15, 0.05 and 0.1 s come back
# shortest first (the gaps are 50 ms, a wide margin for the schedule).
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def nap(seconds):
    time.sleep(seconds)
    return seconds

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(nap, s) for s in (0.15, 0.05, 0.1)]
    print([f.result() for f in as_completed(futures)])
    print([f.result() for f in futures])
