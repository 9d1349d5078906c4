# §3's compute(n) over several sizes in a process pool: `map` keeps the order of its arguments.
import math
from concurrent.futures import ProcessPoolExecutor

def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))

sizes = [10, 1_000, 50_000, 0, 2]
with ProcessPoolExecutor(max_workers=2) as pool:
    for n, result in zip(sizes, pool.map(compute, sizes)):
        print(n, result)
