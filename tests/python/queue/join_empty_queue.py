# join() on a queue that never had an item returns at once, and so does join() after every task was
# marked done.
import queue

q = queue.Queue()
q.join()
print("joined an empty queue")
q.put("x")
q.get()
q.task_done()
q.join()
print("joined after task_done", q.empty())
