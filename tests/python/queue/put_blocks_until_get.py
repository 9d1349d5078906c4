# put() on a full bounded queue blocks until a get() makes room: with maxsize=1 the producer of three
# items is still stuck 50 ms later, and finishes only once the main thread has taken them.
import queue
import threading
import time

q = queue.Queue(maxsize=1)

def producer():
    for i in range(3):
        q.put(i)

t = threading.Thread(target=producer)
t.start()
time.sleep(0.05)
print(t.is_alive(), q.qsize(), q.full())
print([q.get() for _ in range(3)])
t.join()
print(t.is_alive(), q.empty())
