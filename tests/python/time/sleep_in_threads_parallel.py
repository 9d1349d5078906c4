# Sleeps in threads overlap: ten threads each sleeping 0.1 s finish in well under the 1 s they would
# take one after another.
import threading
import time

start = time.monotonic()
threads = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(10)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.monotonic() - start
print(elapsed >= 0.09, elapsed < 0.5)
