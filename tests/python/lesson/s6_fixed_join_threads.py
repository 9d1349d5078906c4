# §6 fixed another way: instead of task_queue.join(), join the worker threads, which end when they
# take their pill. The results are counted and summed, since their order depends on the schedule.
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

for t in threads: t.join()
print(result_queue.qsize(), task_queue.qsize(), task_queue.empty())
total = 0
while not result_queue.empty():
    total += result_queue.get_nowait()
print(total)
