# The clocks: time() is seconds since the epoch (well past 2020 here), perf_counter() and monotonic()
# never go backwards; all return floats; the _ns variants return ints.
import time

t = time.time()
print(type(t).__name__, t > 1_600_000_000)
a = time.perf_counter()
b = time.perf_counter()
print(b >= a, type(a).__name__)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, time.time_ns() > 1_600_000_000 * 10**9)
