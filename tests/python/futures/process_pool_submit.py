# ProcessPoolExecutor.submit: arguments and results travel between processes by pickling, so lists,
# dicts and tuples come back equal (but not the same objects).
from concurrent.futures import ProcessPoolExecutor

def describe(numbers, options):
    return {"sum": sum(numbers), "max": max(numbers), "tag": options["tag"], "pair": (1, "x")}

data_in = [3, 1, 4, 1, 5]
with ProcessPoolExecutor(max_workers=2) as pool:
    future = pool.submit(describe, data_in, {"tag": "pi"})
    print(future.result())
    print(pool.submit(sorted, data_in).result())
