# A threading.Lock cannot be sent to another process: pickling it raises TypeError ("cannot pickle
# '_thread.lock' object"), which the pool's future carries back.
import threading
from concurrent.futures import ProcessPoolExecutor

def use(lock):
    with lock:
        return "locked"

with ProcessPoolExecutor(max_workers=1) as pool:
    future = pool.submit(use, threading.Lock())
    e = future.exception()
    print(type(e).__name__, e)
