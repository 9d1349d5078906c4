# qsize(), empty() and full() through a queue's life, and the exceptions' classes.
import queue

q = queue.Queue(3)
print(q.qsize(), q.empty(), q.full())
for i in range(3):
    q.put(i)
    print(q.qsize(), q.empty(), q.full())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Full.__module__, queue.Empty.__name__)
