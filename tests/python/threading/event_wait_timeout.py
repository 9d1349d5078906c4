# Event: wait(timeout) returns False if the event stays clear, True at once when it is set; clear()
# makes it wait again.
import threading
import time

e = threading.Event()
print(e.is_set())
start = time.perf_counter()
print(e.wait(0.05))
print(time.perf_counter() - start >= 0.045)
e.set()
print(e.is_set(), e.wait(), e.wait(10))
e.clear()
print(e.is_set(), e.wait(0.01))

threading.Thread(target=lambda: (time.sleep(0.05), e.set())).start()
print(e.wait(5))
