# A syntax error near the end of an otherwise long, valid file: nothing runs, not even the prints
# before it, because CPython compiles the whole file first.
import threading

def worker():
    print("worker")

t = threading.Thread(target=worker)
t.start()
t.join()
print("done")
for i in range(3) print(i)
