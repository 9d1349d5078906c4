# join() waits until every item put was marked task_done(); calling task_done() once more than there
# were items raises ValueError.
import queue
import threading

q = queue.Queue()
done = []

def worker():
    while True:
        item = q.get()
        done.append(item)
        q.task_done()

threading.Thread(target=worker, daemon=True).start()
for i in range(10):
    q.put(i)
q.join()
print(sorted(done))
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
