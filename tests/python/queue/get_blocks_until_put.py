# get() blocks until another thread puts an item: the consumer is already waiting when the producer,
# 50 ms later, puts it.
import queue
import threading
import time

q = queue.Queue()
got = []

def consumer():
    got.append(q.get())

t = threading.Thread(target=consumer)
t.start()
time.sleep(0.05)
print(got, t.is_alive())
q.put("hello")
t.join()
print(got)
