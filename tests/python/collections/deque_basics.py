# deque: appends and pops at both ends, extend/extendleft (which reverses), rotate both ways,
# indexing, insert/remove/index/count, reverse, equality only with deques, the repr, and the
# errors CPython gives.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.insert(1, "x")
d.remove("x")
print(d.index(5), d.count(1), d)
d.reverse()
d[0] = 99
del d[1]
print(d, bool(d), bool(deque()), deque("abc"))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([2]))
print(deque([1]) + deque([2]), deque([1, 2]) * 2, d.copy() == d, d.copy() is d)
for name, call in [("pop", lambda: deque().pop()), ("popleft", lambda: deque().popleft()),
                   ("index", lambda: deque([1])[5]), ("remove", lambda: deque([1]).remove(2)),
                   ("slice", lambda: deque([1])[0:1]), ("concat", lambda: deque() + [1])]:
    try:
        call()
    except (IndexError, ValueError, TypeError) as e:
        print(name, type(e).__name__, e)
try:
    for item in d:
        d.append(item)
except RuntimeError as e:
    print("RuntimeError:", e)
