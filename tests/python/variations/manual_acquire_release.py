# §5's counter with acquire()/release() in try/finally instead of `with lock:`, and the same result.
import threading

counter = 0
lock = threading.Lock()

def increment(n):
    global counter
    for _ in range(n):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()

threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
print(counter, lock.locked())
