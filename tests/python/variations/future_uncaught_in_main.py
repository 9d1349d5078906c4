# A learner calls result() on a failed future without try: the worker's KeyError comes out of the
# main thread as an uncaught exception, so the program exits with 1 and the type is KeyError.
from concurrent.futures import ThreadPoolExecutor

def lookup(key):
    return {"a": 1}[key]

with ThreadPoolExecutor() as pool:
    future = pool.submit(lookup, "b")
    print("submitted")
    print(future.result())
