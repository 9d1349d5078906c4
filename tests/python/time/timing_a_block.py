# The way a learner times code: perf_counter() before and after, compared with a bound rather than
# printed, plus a formatted duration checked only for its shape.
import time

start = time.perf_counter()
total = sum(i * i for i in range(100_000))
elapsed = time.perf_counter() - start
print(total)
print(0 <= elapsed < 5)
text = f"{elapsed:.3f}s"
print(text.endswith("s"), len(text.split(".")[1]))
