# Threads counting into one shared Counter with update(): each element's read-and-increment is one
# indivisible step (CPython's counting loop is C under the GIL; the playground's is native), so no
# count is lost, with the GIL on or off.
import threading
from collections import Counter

counts = Counter()
words = ["red", "green", "blue", "red"] * 2500


def count_words():
    for _ in range(4):
        counts.update(words)


threads = [threading.Thread(target=count_words) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)
print(counts.total() == 4 * 4 * len(words))
