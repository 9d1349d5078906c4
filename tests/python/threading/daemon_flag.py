# The daemon flag: inherited from the creating thread by default, settable before start() only.
import threading

out = []

def child():
    out.append(threading.current_thread().daemon)

def parent():
    t = threading.Thread(target=child)
    out.append(t.daemon)
    t.start()
    t.join()

p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
q = threading.Thread(target=parent)
q.daemon = False
q.start()
q.join()
print(out)

r = threading.Thread(target=threading.Event().wait, args=(0.05,))
r.start()
try:
    r.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
r.join()
