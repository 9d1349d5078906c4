# A learner moves §5's `with lock:` outside the loop: still 100000, because each thread now holds the
# lock for all its increments and the threads simply take turns.
import threading

counter = 0
lock = threading.Lock()

def increment(n: int):
    global counter
    with lock:
        for _ in range(n):
            counter += 1

threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(10)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
