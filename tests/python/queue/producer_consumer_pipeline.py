# A two-stage pipeline of threads joined by queues, stopped with one sentinel per stage: numbers are
# squared by one thread and summed by another, in order since each stage has a single thread.
import queue
import threading

STOP = object()
squares = queue.Queue()
sums = queue.Queue()

def square(numbers):
    for n in numbers:
        squares.put(n * n)
    squares.put(STOP)

def total():
    running = 0
    while True:
        item = squares.get()
        if item is STOP:
            break
        running += item
        sums.put(running)
    sums.put(STOP)

a = threading.Thread(target=square, args=(range(1, 8),))
b = threading.Thread(target=total)
a.start(); b.start()
out = []
while True:
    item = sums.get()
    if item is STOP:
        break
    out.append(item)
a.join(); b.join()
print(out)
