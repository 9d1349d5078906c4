# A wait() that times out breaks the barrier for everyone: only two of three parties come.
import threading

barrier = threading.Barrier(3, timeout=0.1)
results = []
lock = threading.Lock()

def party():
    try:
        barrier.wait()
        outcome = "passed"
    except threading.BrokenBarrierError:
        outcome = "broken"
    with lock:
        results.append(outcome)

threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(results, barrier.broken)
