# result() on a cancelled future, uncaught: the last stderr line names
# concurrent.futures._base.CancelledError, where the class is defined.
import threading
from concurrent.futures import ThreadPoolExecutor

gate = threading.Event()
with ThreadPoolExecutor(max_workers=1) as pool:
    first = pool.submit(gate.wait)
    second = pool.submit(len, "abc")
    print(second.cancel())
    gate.set()
second.result()
