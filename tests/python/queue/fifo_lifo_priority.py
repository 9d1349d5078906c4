# The three orders: Queue is first in first out, LifoQueue last in first out, PriorityQueue smallest
# first (tuples compare element by element, so (priority, item) pairs work).
import queue

for q in (queue.Queue(), queue.LifoQueue(), queue.PriorityQueue()):
    for x in [3, 1, 4, 1, 5, 9, 2, 6]:
        q.put(x)
    print(type(q).__name__, [q.get() for _ in range(q.qsize())])

pq = queue.PriorityQueue()
for job in [(2, "write"), (1, "read"), (3, "close"), (1, "open")]:
    pq.put(job)
while not pq.empty():
    print(pq.get())
