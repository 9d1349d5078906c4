# shutdown(wait=True) waits for the submitted work; submit() after shutdown raises RuntimeError.
import time
from concurrent.futures import ThreadPoolExecutor

results = []

def job(i):
    time.sleep(0.02)
    results.append(i)

pool = ThreadPoolExecutor(max_workers=2)
for i in range(4):
    pool.submit(job, i)
pool.shutdown(wait=True)
print(sorted(results))
try:
    pool.submit(job, 99)
except RuntimeError as e:
    print("RuntimeError:", e)
