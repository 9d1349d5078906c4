# active_count() and enumerate(): the main thread alone, then three workers blocked on an event, then
# the main thread alone again once they were released and joined.
import threading

print(threading.active_count(), len(threading.enumerate()))
go = threading.Event()
threads = [threading.Thread(target=go.wait, name=f"waiter-{i}") for i in range(3)]
for t in threads: t.start()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
go.set()
for t in threads: t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
