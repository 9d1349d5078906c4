# add_done_callback: the callback gets the future when it finishes; added to a future already done,
# it runs at once in the calling thread.
import threading
from concurrent.futures import ThreadPoolExecutor

log = []
lock = threading.Lock()

def note(future):
    with lock:
        log.append(("done", future.result()))

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(pow, 2, n) for n in range(4)]
    for f in futures:
        f.add_done_callback(note)
print(sorted(log))

finished = futures[0]
ran_in = []
finished.add_done_callback(lambda f: ran_in.append(threading.current_thread().name))
print(ran_in)
