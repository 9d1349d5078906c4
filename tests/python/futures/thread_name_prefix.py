# Pool threads are named "<prefix>_<n>"; with no prefix, "ThreadPoolExecutor-<pool>_<n>" (the pool
# number counts pools made in the program, from 0).
import threading
from concurrent.futures import ThreadPoolExecutor

def name(_):
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(name, 0).result())
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetcher") as pool:
    print(pool.submit(name, 0).result())
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(name, 0).result())
