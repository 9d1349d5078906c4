# An exception raised in a worker process comes back through the future with its type and message.
from concurrent.futures import ProcessPoolExecutor

def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2

with ProcessPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(check, n) for n in (1, -2, 3)]
    for f in futures:
        e = f.exception()
        print(f.result() if e is None else f"{type(e).__name__}: {e}")
