# §5's worker with daemon=False: stop_event.set() is what lets the program end, since the interpreter
# waits for the non-daemon worker, which leaves its loop at its next check of the event.
import threading
import time

stop_event = threading.Event()

def worker():
    rounds = 0
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)
        rounds += 1
    print("worker: saw the event after", "at least one round" if rounds >= 1 else "no round")

t = threading.Thread(target=worker, daemon=False)
t.start()
time.sleep(0.25)
print("main: setting the event")
stop_event.set()
