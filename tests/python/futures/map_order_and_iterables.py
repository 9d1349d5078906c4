# Executor.map keeps the order of its inputs even when later calls finish first, takes several
# iterables like the built-in map, and stops at the shortest.
import time
from concurrent.futures import ThreadPoolExecutor

def slow_echo(x):
    time.sleep(0.01 * (5 - x))
    return x

with ThreadPoolExecutor(max_workers=5) as pool:
    print(list(pool.map(slow_echo, range(5))))
    print(list(pool.map(pow, [2, 3, 4], [5, 2])))
    print(list(pool.map(str.upper, [])))
