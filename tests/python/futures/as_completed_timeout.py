# as_completed(timeout=...) raises TimeoutError if not every future finished in time, with a message
# that counts them; the futures that did finish were yielded first.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def nap(seconds):
    time.sleep(seconds)
    return seconds

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(nap, s) for s in (0.01, 0.4, 0.45)]
    got = []
    try:
        for f in as_completed(futures, timeout=0.2):
            got.append(f.result())
    except TimeoutError as e:
        print("TimeoutError:", e)
    print(got)
