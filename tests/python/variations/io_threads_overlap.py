# I/O-bound threads overlap: six 0.2 s sleeps in six threads take about 0.2 s, not 1.2 s, because a
# sleeping thread does not hold the GIL.
import threading
import time

start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - start
print(elapsed >= 0.19, elapsed < 0.6)
