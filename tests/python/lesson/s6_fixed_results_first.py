# §6 fixed by waiting for the results instead: the main thread takes exactly len(data) results from
# result_queue (get() blocks until each is there), then sends the pills. No join() is needed.
import queue, threading

task_queue = queue.Queue()
result_queue = queue.Queue()

def worker():
    while True:
        item = task_queue.get()
        if item is None: break
        result_queue.put((item, process(item)))
        task_queue.task_done()

threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
for t in threads: t.start()
for item in data:
    task_queue.put(item)

results = dict(result_queue.get() for _ in data)
for _ in threads:
    task_queue.put(None)
print(results == {i: i * i for i in data})
print(results[7], results[19])
