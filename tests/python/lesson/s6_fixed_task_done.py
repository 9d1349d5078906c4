# §6 fixed the way a learner would: the poison pill is marked task_done() too, so
# task_queue.join() returns. The results arrive in whatever order the workers finish, so they are
# sorted before printing.
import queue, threading

task_queue = queue.Queue()
result_queue = queue.Queue()

def worker():
    while True:
        item = task_queue.get()
        if item is None:
            task_queue.task_done()
            break
        result = process(item)
        result_queue.put(result)
        task_queue.task_done()

threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
for t in threads: t.start()

for item in data:
    task_queue.put(item)
for _ in threads:
    task_queue.put(None)

task_queue.join()
results = []
while not result_queue.empty():
    results.append(result_queue.get())
print(len(results), sum(results))
print(sorted(results))
