# An exception inside a generator surfaces where it is iterated: the values before it were already
# printed.
def readings():
    yield 1.5
    yield 2.5
    raise ValueError("sensor disconnected")

for r in readings():
    print(r)
