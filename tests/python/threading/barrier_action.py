# A Barrier's action runs once per round, in one of the threads, before any is released; the barrier
# can be used for several rounds.
import threading

rounds = []
barrier = threading.Barrier(2, action=lambda: rounds.append(len(rounds)))
seen = []
lock = threading.Lock()

def party(name):
    for _ in range(3):
        barrier.wait()
        with lock:
            seen.append(len(rounds))

threads = [threading.Thread(target=party, args=(n,)) for n in "ab"]
for t in threads: t.start()
for t in threads: t.join()
print(rounds)
print(sorted(seen))
