# put_nowait() on a full queue raises Full, uncaught: unlike Empty, Full is defined in Python in
# queue.py, so the last stderr line says `queue.Full`.
import queue

q = queue.Queue(maxsize=1)
q.put_nowait("only")
print(q.full())
q.put_nowait("one too many")
