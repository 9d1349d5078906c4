# A bounded queue: full() once maxsize items are in, put_nowait (or put with block=False, or a timeout)
# then raises queue.Full; maxsize 0 or less means unbounded.
import queue

q = queue.Queue(maxsize=2)
q.put("a")
q.put("b")
print(q.full(), q.qsize(), q.maxsize)
for attempt in (lambda: q.put_nowait("c"), lambda: q.put("c", block=False), lambda: q.put("c", timeout=0.02)):
    try:
        attempt()
    except queue.Full:
        print("Full")
print(q.get(), q.full())
q.put("c")
print([q.get() for _ in range(2)])
print(queue.Queue(maxsize=0).full(), queue.Queue(maxsize=-1).full())
