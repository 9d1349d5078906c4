# CPU-bound work in threads: whatever the GIL does to the timing, each thread's result is the same as
# computing it serially.
import math
import threading

def compute(n):
    return sum(math.sqrt(i) for i in range(n))

results = [None] * 4

def run(i):
    results[i] = compute(20_000 + i)

threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(results == [compute(20_000 + i) for i in range(4)])
print(results)
