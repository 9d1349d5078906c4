# A lambda submitted to a process pool cannot be pickled by name: the future holds a PicklingError
# (the message names the lambda's address, so only the type is printed).
import pickle
from concurrent.futures import ProcessPoolExecutor

with ProcessPoolExecutor(max_workers=1) as pool:
    future = pool.submit(lambda: 42)
    e = future.exception()
    print(type(e).__name__, isinstance(e, pickle.PicklingError))
    print(pool.submit(abs, -42).result())
