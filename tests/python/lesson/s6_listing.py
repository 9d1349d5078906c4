# §6 of the lesson exactly as written, expected to run until killed (see below).
#
# It never ends: each worker takes its poison pill (None) and breaks out of its loop without calling
# task_done(), so the queue counts 24 puts but only 20 task_done() calls, and task_queue.join() waits
# for the last 4 forever. CPython hangs here, and so must the interpreter (in every mode: a simulated
# run must not declare the deadlock and exit either). The harness kills both after 3 s and compares the
# output so far, which is empty.
#
# timeout: 3
# Thread-safe communication with Queue
import queue, threading

task_queue = queue.Queue()
result_queue = queue.Queue()

def worker():
    while True:
        item = task_queue.get()    # blocks until item available
        if item is None: break     # poison pill to stop
        result = process(item)
        result_queue.put(result)
        task_queue.task_done()

# Start workers
threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
for t in threads: t.start()

# Enqueue work
for item in data:
    task_queue.put(item)

# Signal workers to stop
for _ in threads:
    task_queue.put(None)

task_queue.join()  # wait for all tasks to complete
