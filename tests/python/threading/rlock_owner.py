# An RLock belongs to the thread that took it: another thread cannot release it, and cannot take it
# without waiting while it is held.
import threading

lock = threading.RLock()
lock.acquire()
out = []

def other():
    out.append(lock.acquire(blocking=False))
    try:
        lock.release()
    except RuntimeError as e:
        out.append(f"RuntimeError: {e}")

t = threading.Thread(target=other)
t.start()
t.join()
print(out)
lock.release()

t = threading.Thread(target=lambda: out.append(lock.acquire(blocking=False)))
t.start()
t.join()
print(out[-1])
