# Leaving a `with ThreadPoolExecutor()` block waits for every submitted task, even ones whose future
# was never looked at.
import time
from concurrent.futures import ThreadPoolExecutor

finished = []
with ThreadPoolExecutor(max_workers=3) as pool:
    for i in range(6):
        pool.submit(lambda i=i: (time.sleep(0.02), finished.append(i)))
    print("leaving the with block with", len(finished) < 6, "tasks unfinished")
print(sorted(finished))
