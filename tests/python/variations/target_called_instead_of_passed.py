# Another slip: target=worker() calls worker right away in the main thread and passes its return
# value (None) as the target, so the new thread has nothing to run.
import threading

def worker():
    print("worker runs in", threading.current_thread().name)

t = threading.Thread(target=worker())
t.start()
t.join()
print("thread finished:", not t.is_alive())
