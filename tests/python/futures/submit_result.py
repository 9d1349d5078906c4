# submit() returns a Future at once; result() waits for the value; done() tells whether it is there.
import time
from concurrent.futures import ThreadPoolExecutor, Future

def slow_add(a, b, delay=0.05):
    time.sleep(delay)
    return a + b

with ThreadPoolExecutor(max_workers=2) as pool:
    f = pool.submit(slow_add, 2, 3)
    g = pool.submit(slow_add, "con", "cat", delay=0)
    print(isinstance(f, Future), f.done())
    print(f.result(), g.result())
    print(f.done(), f.running(), f.cancelled(), f.exception())
