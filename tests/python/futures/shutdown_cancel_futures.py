# shutdown(cancel_futures=True) cancels the tasks not yet started; the running one finishes.
import threading
from concurrent.futures import ThreadPoolExecutor

gate = threading.Event()
pool = ThreadPoolExecutor(max_workers=1)
first = pool.submit(gate.wait, 5)
rest = [pool.submit(abs, -i) for i in range(5)]
while not first.running():
    pass

def open_gate_later():
    # Lets shutdown() start (and cancel the queue) before the running task may finish.
    import time
    time.sleep(0.05)
    gate.set()

threading.Thread(target=open_gate_later).start()
pool.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])
