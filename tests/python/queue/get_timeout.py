# get(timeout=...) waits that long for an item and then raises Empty; get(block=False) does not wait.
import queue
import time

q = queue.Queue()
start = time.perf_counter()
try:
    q.get(timeout=0.05)
except queue.Empty as e:
    print("Empty after the timeout:", time.perf_counter() - start >= 0.045, repr(e))
try:
    q.get(block=False)
except queue.Empty:
    print("Empty at once")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
