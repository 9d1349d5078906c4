# Threads hand results back through a list indexed by worker number (the target's return value is
# thrown away); the order is the list's, not the schedule's.
import threading

def square_into(out, i):
    out[i] = i * i

out = [None] * 8
threads = [threading.Thread(target=square_into, args=(out, i)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(out)
