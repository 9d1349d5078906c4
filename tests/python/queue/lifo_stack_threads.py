# A LifoQueue used as a shared stack by threads: every pushed item is popped once.
import queue
import threading

stack = queue.LifoQueue()
for i in range(30):
    stack.put(i)
popped = []
lock = threading.Lock()

def pop_all():
    while True:
        try:
            item = stack.get_nowait()
        except queue.Empty:
            return
        with lock:
            popped.append(item)

threads = [threading.Thread(target=pop_all) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(len(popped), sorted(popped) == list(range(30)), stack.empty())
