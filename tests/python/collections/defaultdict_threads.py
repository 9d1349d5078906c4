# Threads appending to lists in one shared defaultdict(list): a missing key's list is created and
# stored once, even when threads miss the same key at the same moment, so no append is lost.
import threading
from collections import defaultdict

buckets = defaultdict(list)


def fill(worker):
    for i in range(2000):
        buckets[i % 50].append(worker)


threads = [threading.Thread(target=fill, args=(w,)) for w in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(buckets), sum(len(v) for v in buckets.values()))
print(sorted(set(len(v) for v in buckets.values())))
