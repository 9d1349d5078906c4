# §5's stop_event worker with half a second instead of five, and the prints a learner adds: the worker
# leaves its loop soon after the event is set, and it went round about five times (counted with a
# generous margin, since each round is do_work() plus a 0.1 s sleep).
import threading
import time

stop_event = threading.Event()
rounds = 0

def worker():
    global rounds
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)
        rounds += 1
    print("worker: stopping")

t = threading.Thread(target=worker, daemon=True)
t.start()
time.sleep(0.5)
stop_event.set()
t.join(timeout=2)
print("alive:", t.is_alive())
print("set:", stop_event.is_set())
print(2 <= rounds <= 6)
