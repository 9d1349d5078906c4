# future.result(timeout=...) on a task still running raises TimeoutError (in 3.11 the built-in one);
# the task itself goes on and its result can be taken later.
import time
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor

def slow():
    time.sleep(0.3)
    return "finally"

with ThreadPoolExecutor() as pool:
    future = pool.submit(slow)
    try:
        future.result(timeout=0.05)
    except TimeoutError as e:
        print("TimeoutError", repr(e))
        print(concurrent.futures.TimeoutError is TimeoutError)
    print(future.done())
    print(future.result())
