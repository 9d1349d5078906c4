# A BoundedSemaphore refuses to be released above its starting value (a plain Semaphore would allow it).
import threading

plain = threading.Semaphore(1)
plain.release()
print(plain.acquire(False), plain.acquire(False), plain.acquire(False))

bounded = threading.BoundedSemaphore(1)
bounded.acquire()
bounded.release()
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)
