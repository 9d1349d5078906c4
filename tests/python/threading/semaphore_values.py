# Semaphore counting: acquire without blocking until the count is used up, a timeout on an empty
# semaphore, release(n) adding several, and a negative start value refused.
import threading

sem = threading.Semaphore(2)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
print(sem.acquire(timeout=0.02))
sem.release()
print(sem.acquire(blocking=False))
sem.release(3)
print([sem.acquire(blocking=False) for _ in range(4)])
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
