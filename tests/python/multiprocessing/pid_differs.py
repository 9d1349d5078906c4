# Worker processes have process ids of their own; threads share the parent's.
import os
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

def pid(_):
    return os.getpid()

me = os.getpid()
with ThreadPoolExecutor(max_workers=2) as pool:
    print(set(pool.map(pid, range(4))) == {me})
with ProcessPoolExecutor(max_workers=2) as pool:
    pids = set(pool.map(pid, range(4)))
print(me in pids, 1 <= len(pids) <= 2)
