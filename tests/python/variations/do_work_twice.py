# §5's worker with do_work() called twice per round, a learner's first edit: the loop still stops once
# the event is set; the rounds are counted with a margin since their timing varies.
import threading
import time

stop_event = threading.Event()
calls = 0

def worker():
    global calls
    while not stop_event.is_set():
        do_work()
        do_work()
        calls += 2
        time.sleep(0.1)

t = threading.Thread(target=worker, daemon=True)
t.start()
time.sleep(0.35)
stop_event.set()
t.join()
print(calls % 2 == 0, 4 <= calls <= 10)
print(do_work())
