# A learner passes a lambda to a process pool: it cannot be pickled to the worker process, and the
# PicklingError surfaces when the results are collected, uncaught (exit code 1).
from concurrent.futures import ProcessPoolExecutor

with ProcessPoolExecutor(max_workers=2) as pool:
    print("submitting")
    print(list(pool.map(lambda n: n * n, [1, 2, 3])))
