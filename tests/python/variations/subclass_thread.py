# A learner subclasses Thread and overrides run(), keeping the result on the object: start() calls
# run() in the new thread and join() waits for it.
import threading

class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)

workers = [Summer(range(i * 100, (i + 1) * 100)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])
print(sum(w.total for w in workers) == sum(range(400)))
print(isinstance(workers[0], threading.Thread), workers[0].is_alive())
