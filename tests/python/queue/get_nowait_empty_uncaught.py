# get_nowait() on an empty queue raises Empty, uncaught here: the traceback's last line spells it
# `_queue.Empty`, the C class queue.Empty is an alias of, and the exit code is 1.
import queue

q = queue.Queue()
q.put(1)
print(q.get_nowait())
print(queue.Empty.__name__, queue.Empty.__module__)
q.get_nowait()
