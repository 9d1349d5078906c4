# §5 without stop_event.set(), but with daemon=True: the worker never learns to stop, and it does not
# matter, because a daemon thread dies with the main thread.
import threading
import time

stop_event = threading.Event()

def worker():
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)

t = threading.Thread(target=worker, daemon=True)
t.start()
time.sleep(0.3)
print("main: leaving without set(); worker alive:", t.is_alive())
