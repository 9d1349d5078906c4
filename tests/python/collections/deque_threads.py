# deque's append and popleft are thread-safe (atomic in CPython's C under the GIL, native here):
# producers append from several threads while consumers popleft until they have seen everything,
# and nothing is lost or duplicated, with the GIL on or off. A bounded deque stays within maxlen.
import threading
from collections import deque

jobs = deque()
done = []
done_lock = threading.Lock()
N = 4000


def produce(start):
    for i in range(start, start + N):
        jobs.append(i)


def consume():
    got = []
    while len(got) < N:
        try:
            got.append(jobs.popleft())
        except IndexError:
            pass
    with done_lock:
        done.extend(got)


threads = [threading.Thread(target=produce, args=(k * N,)) for k in range(2)]
threads += [threading.Thread(target=consume) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(done), len(set(done)), sorted(done) == list(range(2 * N)), len(jobs))
window = deque(maxlen=10)
writers = [threading.Thread(target=lambda: [window.append(i) for i in range(3000)]) for _ in range(3)]
for t in writers:
    t.start()
for t in writers:
    t.join()
print(len(window), window.maxlen)
