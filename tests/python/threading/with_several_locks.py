# `with a, b:` takes several locks in one statement (left to right) and releases them all on exit.
import threading

a = threading.Lock()
b = threading.RLock()
with a, b:
    print(a.locked(), b.acquire(blocking=False))
    b.release()
print(a.locked())
try:
    with a, b:
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e, a.locked())
