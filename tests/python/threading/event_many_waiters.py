# One set() wakes every thread waiting on the Event.
import threading

go = threading.Event()
woke = []
lock = threading.Lock()

def waiter(i):
    go.wait()
    with lock:
        woke.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads: t.start()
print(len(woke))
go.set()
for t in threads: t.join()
print(sorted(woke))
