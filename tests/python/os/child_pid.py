# A multiprocessing child reports a pid different from its parent's.
import multiprocessing
import os

def report(q):
    q.put(os.getpid())

q = multiprocessing.Queue()
p = multiprocessing.Process(target=report, args=(q,))
p.start()
child = q.get(timeout=5)
p.join()
print(child != os.getpid(), child == p.pid)
