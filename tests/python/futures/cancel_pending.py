# cancel() succeeds on a future still waiting in the queue and fails on one already running: with one
# worker busy, the second task has not started yet. result() on a cancelled future raises
# CancelledError.
import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError

gate = threading.Event()
with ThreadPoolExecutor(max_workers=1) as pool:
    running = pool.submit(gate.wait)
    pending = pool.submit(print, "never printed")
    while not running.running():
        pass
    print(running.cancel(), pending.cancel())
    print(running.cancelled(), pending.cancelled(), pending.done())
    gate.set()
try:
    pending.result()
except CancelledError as e:
    print("CancelledError", type(e).__module__)
print(running.result())
