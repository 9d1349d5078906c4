# A Semaphore(2) lets at most two threads into the guarded block at a time: six threads that each stay
# 50 ms inside never overlap by more than two.
import threading
import time

sem = threading.Semaphore(2)
inside = 0
most = 0
count_lock = threading.Lock()

def visit():
    global inside, most
    with sem:
        with count_lock:
            inside += 1
            most = max(most, inside)
        time.sleep(0.05)
        with count_lock:
            inside -= 1

threads = [threading.Thread(target=visit) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
print(most, inside)
