# time.sleep(s) waits at least about s: perf_counter() and monotonic() differences show it (compared
# with a margin, never printed, since durations vary).
import time

for seconds in (0, 0.01, 0.05):
    a, b = time.perf_counter(), time.monotonic()
    time.sleep(seconds)
    da, db = time.perf_counter() - a, time.monotonic() - b
    print(seconds, da >= seconds * 0.95, db >= seconds * 0.9, da < seconds + 0.25)
time.sleep(0.001)
print("slept")
