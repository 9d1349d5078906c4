# The read-sleep-write race fixed: the lock covers the whole read-modify-write, so no update is lost
# even though the thread sleeps while holding it (and the run takes as long as the sleeps added up).
import threading
import time

counter = 0
lock = threading.Lock()

def increment(n: int):
    global counter
    for _ in range(n):
        with lock:
            tmp = counter
            time.sleep(0.001)
            counter = tmp + 1

start = time.perf_counter()
threads = [threading.Thread(target=increment, args=(20,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
print(time.perf_counter() - start >= 0.079)
