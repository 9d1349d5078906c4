# §5 without stop_event.set() and with daemon=False: the program never ends, because the interpreter
# waits at exit for a worker that loops forever. Expected to run until killed.
# timeout: 2
import threading
import time

stop_event = threading.Event()

def worker():
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)

t = threading.Thread(target=worker, daemon=False)
t.start()
time.sleep(0.3)
print("main: done, but the worker is not")
