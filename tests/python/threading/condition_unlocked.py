# wait() and notify() need the condition's lock held: without it they raise RuntimeError.
import threading

cond = threading.Condition()
try:
    cond.wait(0.01)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

lock = threading.RLock()
shared = threading.Condition(lock)
with lock:
    shared.notify()
    print("notify with the shared lock held works")
