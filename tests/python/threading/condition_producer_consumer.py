# A Condition guarding a list: one producer appends and notifies, one consumer waits while the list is
# empty. With one of each, the consumer sees the items in the order they were produced.
import threading

items = []
cond = threading.Condition()
got = []

def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            item = items.pop(0)
        if item is None:
            break
        got.append(item * 10)

c = threading.Thread(target=consumer)
c.start()
for i in list(range(8)) + [None]:
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got)
