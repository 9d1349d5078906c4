# §6 with daemon workers and no pills at all: task_queue.join() returns once every item is done, and
# the workers still blocked in get() die with the program.
import queue, threading

task_queue = queue.Queue()
results = []

def worker():
    while True:
        item = task_queue.get()
        results.append(process(item))
        task_queue.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for item in data:
    task_queue.put(item)
task_queue.join()
print(len(results), sum(results), sorted(results)[:5])
