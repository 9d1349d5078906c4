# A thread fails (its traceback on stderr, the program goes on), then the main thread fails too: the
# exit code is 1 and the last stderr line is the main thread's error.
import threading

def worker():
    raise ValueError("in the worker")

t = threading.Thread(target=worker)
t.start()
t.join()
print("worker finished; main continues")
raise RuntimeError("in the main thread")
