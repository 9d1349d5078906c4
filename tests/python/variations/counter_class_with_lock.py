# The locked counter as a class, the way a learner tidies §5: the lock lives with the value it guards.
import threading

class Counter:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self.value += 1

    def __repr__(self):
        return f"Counter({self.value})"

c = Counter()

def work(n):
    for _ in range(n):
        c.increment()

threads = [threading.Thread(target=work, args=(5_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(c)
