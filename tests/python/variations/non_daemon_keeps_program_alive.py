# A non-daemon thread keeps the program alive after the main thread's last line: "main done" prints
# first, the worker's line 0.3 s later, and only then does the program exit.
import threading
import time

def worker():
    time.sleep(0.3)
    print("worker done")

t = threading.Thread(target=worker)
t.start()
print("main done", t.daemon)
