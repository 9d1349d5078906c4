# A thread's life: not alive before start(), alive while it runs, not alive after; join() can be
# called again on a finished thread; joining before start() or joining yourself is an error.
import threading

release = threading.Event()
t = threading.Thread(target=release.wait)
print(t.is_alive())
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
print(t.is_alive())
release.set()
t.join()
t.join()
print(t.is_alive())

def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("RuntimeError:", e)

s = threading.Thread(target=join_self)
s.start()
s.join()
