# Globals, builtins and module attributes read in a loop see every rebinding at once: a function
# redefined, a builtin shadowed by a global and unshadowed by del, globals() written as a dict,
# a module attribute set and deleted from outside, and a global another thread rebinds.
import math
import threading


def step():
    return 1


def run(n):
    total = 0
    for i in range(n):
        total += step()
        if i == 2:
            globals()["step"] = lambda: 10
    return total


print(run(5))


def lengths():
    out = []
    for _ in range(2):
        out.append(len("abc"))
        globals()["len"] = lambda s: -1
    del globals()["len"]
    out.append(len("abc"))
    return out


print(lengths())
roots = []
for k in range(3):
    roots.append(math.sqrt(16))
    math.sqrt = lambda x: "patched"
del math.sqrt
try:
    math.sqrt(4)
except AttributeError as e:
    print("AttributeError:", e)
print(roots)
limit = 3


def reader(seen):
    while limit > 0:
        pass
    seen.append(limit)


seen = []
t = threading.Thread(target=reader, args=(seen,))
t.start()
limit = 0
t.join()
print(seen)
try:
    print(gone)
except NameError as e:
    print("NameError:", e)
gone = "here"
print(gone)
