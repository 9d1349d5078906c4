# §5 of the lesson exactly as written: the locked counter (prints 100000), then the stop_event worker,
# which runs do_work() (from the prelude) and sleeps 0.1 s in a loop for the 5 s the main thread
# sleeps. One of the few slow programs: the 5 s are the listing's.
# slow: the main thread sleeps the listing's 5 s.
import threading
import time

# Thread-safe counter using a Lock
counter = 0
lock = threading.Lock()

def increment(n: int):
    global counter
    for _ in range(n):
        with lock:       # acquire/release automatically
            counter += 1 # only one thread here at a time

threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(10)]
for t in threads: t.start()
for t in threads: t.join()   # wait for all to finish

print(counter)  # 100_000 ✅

# threading.Event — signal between threads
stop_event = threading.Event()

def worker():
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)

t = threading.Thread(target=worker, daemon=True)
t.start()
time.sleep(5)
stop_event.set()   # signal the worker to stop
