# time.sleep releases the GIL: a CPU-bound thread keeps counting while the main thread sleeps, so its
# count grows during the sleep (it would not if sleep held the GIL).
import threading
import time

count = 0
stop = False

def spin():
    global count
    while not stop:
        count += 1

t = threading.Thread(target=spin)
t.start()
time.sleep(0.02)
before = count
time.sleep(0.1)
after = count
stop = True
t.join()
print(after > before)
