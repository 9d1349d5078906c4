# A daemon thread in an endless loop does not keep the program alive: the main thread finishes and
# the program exits with 0 while the daemon is still sleeping.
import threading
import time

def forever():
    while True:
        time.sleep(0.05)

t = threading.Thread(target=forever, daemon=True)
t.start()
time.sleep(0.1)
print("daemon alive:", t.is_alive(), t.daemon)
print("main done")
