# Changing max_workers: six sleeping tasks submitted at once make the pool start exactly max_workers
# threads (never more), which the set of thread names shows; each batch takes about ceil(6 / workers)
# sleeps.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def task(i):
    time.sleep(0.05)
    return threading.current_thread().name

for workers in (1, 2, 3, 6):
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        names = list(pool.map(task, range(6)))
    elapsed = time.perf_counter() - start
    rounds = -(-6 // workers)
    print(workers, len(set(names)), elapsed >= 0.05 * rounds * 0.9, elapsed < 0.05 * rounds + 0.4)
