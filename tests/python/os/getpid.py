# os.getpid() is a positive int, the same in every thread of a process.
import os
import threading

pid = os.getpid()
seen = []
t = threading.Thread(target=lambda: seen.append(os.getpid()))
t.start()
t.join()
print(isinstance(pid, int), pid > 0, seen == [pid])
