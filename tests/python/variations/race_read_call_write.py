# The race made visible: read the counter, call a function, write it back. A call is a point where
# the GIL can change hands, so another thread can run between the read and the write and its updates
# are overwritten. Over 1.2 million iterations (many switch intervals) some are always lost, with the
# GIL on, off, or simulated; how many depends on the schedule, so only the comparison is printed.
import threading

counter = 0

def nothing():
    pass

def increment(n: int):
    global counter
    for _ in range(n):
        tmp = counter
        nothing()
        counter = tmp + 1

threads = [threading.Thread(target=increment, args=(300_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter < 1_200_000)
print(counter > 0)
