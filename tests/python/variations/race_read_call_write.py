# The race made visible: read the counter, call a function that does a little work, write it back.
# The GIL changes hands only at calls and loop back-edges, and here almost all of them fall between
# the read and the write, so whenever another thread runs in that window its updates are overwritten.
# Over many switch intervals some are always lost, with the GIL on, off, or simulated; how many
# depends on the schedule, so only the comparison is printed.
import threading

counter = 0

def validate(value):
    checks = 0
    for _ in range(20):
        checks += 1
    return value

def increment(n: int):
    global counter
    for _ in range(n):
        tmp = counter
        validate(tmp)
        counter = tmp + 1

threads = [threading.Thread(target=increment, args=(40_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter < 160_000)
print(counter > 0)
