# submit(fn, *args, **kwargs) passes keyword arguments through to the function.
from concurrent.futures import ThreadPoolExecutor

def fmt(value, width=8, fill="."):
    return f"{value:{fill}>{width}}"

with ThreadPoolExecutor() as pool:
    print(pool.submit(fmt, 42).result())
    print(pool.submit(fmt, 42, width=4).result())
    print(pool.submit(fmt, "x", fill="-", width=3).result())
    print(pool.submit(sorted, [3, 1, 2], reverse=True).result())
