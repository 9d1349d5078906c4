# Lock.acquire without waiting: blocking=False returns False at once when the lock is held, and a
# timeout returns False when it runs out; locked() tells the state.
import threading
import time

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(blocking=False))
start = time.perf_counter()
print(lock.acquire(timeout=0.05))
print(time.perf_counter() - start >= 0.045)
lock.release()
print(lock.acquire(False), lock.locked())
lock.release()
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
