# Releasing a Lock that is not held is a RuntimeError; releasing it from another thread than the one
# that took it is allowed (a Lock has no owner, unlike an RLock).
import threading

lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", not lock.locked())
