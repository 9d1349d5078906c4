# §6 with non-daemon workers and no poison pills: task_queue.join() returns (every item was marked
# done), but the workers stay blocked in get() and, not being daemons, keep the program from exiting.
# Expected to run until killed.
# timeout: 2
import queue, threading

task_queue = queue.Queue()
results = []

def worker():
    while True:
        item = task_queue.get()
        results.append(process(item))
        task_queue.task_done()

threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads: t.start()
for item in data:
    task_queue.put(item)
task_queue.join()
print("joined:", len(results), sum(results))
