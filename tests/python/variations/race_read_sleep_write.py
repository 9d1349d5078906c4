# The same race with a sleep between the read and the write, as if the thread waited for I/O: every
# thread reads the same value while the others sleep, so most updates are lost, in every mode.
import threading
import time

counter = 0

def increment(n: int):
    global counter
    for _ in range(n):
        tmp = counter
        time.sleep(0.001)
        counter = tmp + 1

threads = [threading.Thread(target=increment, args=(40,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter < 160)
print(counter > 0)
