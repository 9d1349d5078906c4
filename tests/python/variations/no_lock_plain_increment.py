# §5 without the lock, `counter += 1` alone: with CPython 3.11's GIL no update is lost in practice,
# because the GIL is only handed over at calls and loop back-edges, never inside `counter += 1`.
# Without the GIL the threads really overlap and updates are lost, so this program's output depends on
# the GIL being on: it runs only with the GIL on and in the simulator (which models it).
# modes: gil-on simulate
import threading

counter = 0

def increment(n: int):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=increment, args=(100_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
