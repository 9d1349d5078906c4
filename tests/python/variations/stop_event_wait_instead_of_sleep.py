# The idiomatic §5 worker: stop_event.wait(0.1) instead of time.sleep(0.1), so the worker wakes as soon
# as the event is set rather than at the end of its sleep.
import threading
import time

stop_event = threading.Event()

def worker():
    while not stop_event.wait(0.1):
        do_work()

start = time.perf_counter()
t = threading.Thread(target=worker)
t.start()
time.sleep(0.2)
stop_event.set()
t.join()
print(time.perf_counter() - start < 0.6, stop_event.is_set())
