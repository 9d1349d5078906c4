# join(timeout=...) returns when the time is up even if the thread is still running (it returns None
# either way); is_alive() tells which happened.
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.4,))
t.start()
print(t.join(timeout=0.05), t.is_alive())
t.join()
print(t.is_alive())
