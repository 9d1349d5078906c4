# The plain `counter += 1` race again with the switch interval at a microsecond, a learner's attempt
# to force a lost update: with the GIL on, CPython 3.11 still loses none, since the hand-over points
# are between iterations, not inside the statement. Depends on the GIL being on (updates are lost
# without it), hence the modes.
# modes: gil-on simulate
import sys
import threading

sys.setswitchinterval(1e-6)
counter = 0

def increment(n: int):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=increment, args=(50_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
print(sys.getswitchinterval())
