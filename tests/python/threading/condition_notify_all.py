# notify(n) wakes at most n waiters, notify_all() the rest.
import threading
import time

cond = threading.Condition()
woken = []
waiting = 0

def waiter(i):
    global waiting
    with cond:
        waiting += 1
        cond.wait()
        woken.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads: t.start()
while True:
    with cond:
        if waiting == 4:
            break
    time.sleep(0.001)
with cond:
    cond.notify(1)
time.sleep(0.1)
print(len(woken))
with cond:
    cond.notify_all()
for t in threads: t.join()
print(sorted(woken))
