# §5's locked counter on its own: ten threads, 10,000 locked increments each, always 100000 whatever
# the GIL does, because every increment holds the lock.
import threading

counter = 0
lock = threading.Lock()

def increment(n: int):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(10)]
for t in threads: t.start()
for t in threads: t.join()

print(counter)
print(counter == 100_000)
print(lock.locked())
