# §3's ProcessPoolExecutor with a smaller n, printing the results: the floats must be bit-identical
# (the same additions in the same order) whichever process computed them.
import math
from concurrent.futures import ProcessPoolExecutor

def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))

with ProcessPoolExecutor() as pool:
    results = list(pool.map(compute, [100_000] * 4))

print(results)
print(len(set(results)))
print(round(results[0], 3))
