# An uncaught exception in a thread ends that thread only: "Exception in thread …" and the traceback go
# to stderr, the main thread carries on and the program exits with 0. The last stderr line is the
# thread's `ValueError: boom`.
import threading

def boom():
    raise ValueError("boom")

t = threading.Thread(target=boom)
t.start()
t.join()
print("main continues; thread alive:", t.is_alive())
