# os.cpu_count() is a positive int on this machine; ProcessPoolExecutor() uses that many workers by
# default, which the number of distinct worker pids cannot exceed.
import os
from concurrent.futures import ProcessPoolExecutor

n = os.cpu_count()
print(isinstance(n, int), n >= 1)

def pid(_):
    return os.getpid()

with ProcessPoolExecutor() as pool:
    print(len(set(pool.map(pid, range(8)))) <= n)
