# §6 as written with the prints a learner adds to find out why it hangs: everything before
# task_queue.join() prints, the results all arrive, then join() waits forever for the 4 pills'
# missing task_done(). Killed after 3 s in both interpreters; the output so far must match.
# timeout: 3
import queue, threading

task_queue = queue.Queue()
result_queue = queue.Queue()

def worker():
    while True:
        item = task_queue.get()
        if item is None: break
        result = process(item)
        result_queue.put(result)
        task_queue.task_done()

threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
for t in threads: t.start()

for item in data:
    task_queue.put(item)
for _ in threads:
    task_queue.put(None)
print("enqueued", len(data), "items and", len(threads), "pills")

# The workers are gone once they took their pills: joining them shows the work is done.
for t in threads: t.join()
print("workers finished:", sum(t.is_alive() for t in threads) == 0)
print("results:", result_queue.qsize(), "tasks left in the queue:", task_queue.qsize())

print("waiting for task_queue.join() ...")
task_queue.join()
print("never printed")
