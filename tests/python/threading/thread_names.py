# Default thread names: "MainThread" for the main thread, and "Thread-N (target)" for threads made
# without a name (N counts from 1 in a fresh program; the target's name is added since 3.10), plain
# "Thread-N" without a target, and the given name when there is one.
import threading

def worker():
    pass

print(threading.current_thread().name)
print(threading.main_thread().name)
a = threading.Thread(target=worker)
b = threading.Thread(target=worker)
c = threading.Thread()
d = threading.Thread(target=worker, name="downloader")
print(a.name, "|", b.name, "|", c.name, "|", d.name)
d.name = "renamed"
print(d.name)

seen = []

def whoami():
    seen.append(threading.current_thread().name)

t = threading.Thread(target=whoami)
t.start()
t.join()
print(seen)
