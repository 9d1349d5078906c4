# Each process has its own interpreter state: a child that changes a global changes its own copy,
# and the parent's stays as it was.
import multiprocessing

counter = 0
items = [1, 2, 3]

def change():
    global counter
    counter += 100
    items.append(4)
    print("child sees", counter, items)

p = multiprocessing.Process(target=change)
p.start()
p.join()
print("parent sees", counter, items)
