# A learner adds prints inside the threads. Started and joined one at a time, the threads cannot
# interleave, so the order of the lines is fixed (started together it would not be).
import threading

def worker(n):
    print(f"worker {n} starting")
    total = sum(range(n * 1000))
    print(f"worker {n} done: {total}")

for n in range(3):
    t = threading.Thread(target=worker, args=(n,))
    print(f"main: starting {n}")
    t.start()
    t.join()
    print(f"main: joined {n}, alive={t.is_alive()}")
