# Executor.map(timeout=...) raises TimeoutError from the iteration when a result is not ready in time
# (the time counts from the map call).
import time
from concurrent.futures import ThreadPoolExecutor

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=2) as pool:
    got = []
    try:
        for value in pool.map(nap, [0, 0.5], timeout=0.1):
            got.append(value)
    except TimeoutError:
        print("TimeoutError after", got)
