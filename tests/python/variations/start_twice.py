# Starting a thread a second time raises RuntimeError, even after it finished.
import threading

t = threading.Thread(target=print, args=("ran once",))
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
