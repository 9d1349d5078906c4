# `with lock:` releases the lock when the block raises, so the next thread is not stuck.
import threading

lock = threading.Lock()

def fails():
    with lock:
        raise ValueError("inside the lock")

try:
    fails()
except ValueError as e:
    print("caught:", e)
print(lock.locked())
with lock:
    print("taken again")
