# The exception a task raised keeps its type and message through the future, for built-in and
# user-defined classes alike, and exception() returns it while result() raises it.
from concurrent.futures import ThreadPoolExecutor

class QuotaExceeded(Exception):
    pass

def task(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "custom":
        raise QuotaExceeded("100 requests per hour")
    if kind == "zero":
        return 1 // 0
    return kind

with ThreadPoolExecutor() as pool:
    for kind in ("key", "index", "custom", "zero", "fine"):
        f = pool.submit(task, kind)
        e = f.exception()
        print(kind, type(e).__name__, e if e is None else str(e))
