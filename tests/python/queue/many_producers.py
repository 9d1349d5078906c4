# Four producers and two consumers on one queue: every item arrives exactly once, whatever the
# interleaving, which sorting and counting show.
import queue
import threading

q = queue.Queue(maxsize=5)
received = []
lock = threading.Lock()

def produce(base):
    for i in range(25):
        q.put(base + i)

def consume():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            received.append(item)
        q.task_done()

producers = [threading.Thread(target=produce, args=(b * 100,)) for b in range(4)]
consumers = [threading.Thread(target=consume) for _ in range(2)]
for t in producers + consumers: t.start()
for t in producers: t.join()
for _ in consumers: q.put(None)
q.join()
for t in consumers: t.join()
print(len(received), len(set(received)), sum(received))
print(sorted(received)[:5], sorted(received)[-5:])
