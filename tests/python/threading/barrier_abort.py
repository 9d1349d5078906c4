# abort() breaks the barrier: threads waiting on it get BrokenBarrierError, and so does any later
# wait() until reset().
import threading
import time

barrier = threading.Barrier(3)
errors = []

def party():
    try:
        barrier.wait()
    except threading.BrokenBarrierError as e:
        errors.append(type(e).__name__)

threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads: t.start()
while barrier.n_waiting < 2:
    time.sleep(0.001)
barrier.abort()
for t in threads: t.join()
print(errors, barrier.broken)
try:
    barrier.wait()
except threading.BrokenBarrierError:
    print("still broken")
barrier.reset()
print(barrier.broken, barrier.n_waiting)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
