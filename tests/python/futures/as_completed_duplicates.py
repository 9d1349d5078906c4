# as_completed takes any iterable of futures, dict keys included, and yields a future given twice only
# once; finished futures come out straight away.
from concurrent.futures import ThreadPoolExecutor, as_completed

with ThreadPoolExecutor() as pool:
    f = pool.submit(sum, [1, 2, 3])
    f.result()
    print([x.result() for x in as_completed([f, f, f])])
    by_future = {pool.submit(len, s): s for s in ["a", "bb", "ccc"]}
    print(sorted((by_future[x], x.result()) for x in as_completed(by_future)))
