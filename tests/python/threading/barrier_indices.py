# A Barrier(3): each of three threads gets a distinct index from wait() (0, 1, 2 in an order the
# schedule decides, so they are sorted), and nobody passes until all three arrived.
import threading

barrier = threading.Barrier(3)
indices = []
before = []
lock = threading.Lock()

def party(i):
    with lock:
        before.append(i)
    index = barrier.wait()
    with lock:
        indices.append((index, len(before)))

threads = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(indices))
print(barrier.parties, barrier.n_waiting, barrier.broken)
