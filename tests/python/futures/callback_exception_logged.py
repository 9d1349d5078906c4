# A callback that raises does not break the future or the program: concurrent.futures logs the error
# (to stderr) and goes on.
from concurrent.futures import ThreadPoolExecutor

def bad_callback(future):
    raise ValueError("callback failed")

with ThreadPoolExecutor() as pool:
    f = pool.submit(abs, -5)
    f.result()
    f.add_done_callback(bad_callback)
print("future still fine:", f.result(), f.exception())
