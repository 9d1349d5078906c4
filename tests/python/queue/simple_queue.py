# SimpleQueue: an unbounded FIFO without task_done()/join(); get(timeout) on an empty one raises Empty.
import queue

q = queue.SimpleQueue()
for word in "the quick brown fox".split():
    q.put(word)
print(q.qsize(), q.empty())
print([q.get() for _ in range(4)])
print(q.empty(), hasattr(q, "task_done"), hasattr(q, "join"))
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty")
q.put_nowait(1)
print(q.get_nowait())
