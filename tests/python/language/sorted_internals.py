# The places the interpreter sorts for itself rather than for sorted(): deleting an extended slice
# (its positions, any step), dir()'s names, and a closure's cells and free variables in order.
for step in (2, 3, -1, -2, -3):
    for start, stop in ((None, None), (1, 8), (8, 1), (-2, None)):
        n = list(range(10))
        del n[start:stop:step]
        print(step, start, stop, n)


class Point:
    zeta = 1
    alpha = 2

    def middle(self):
        return self.alpha


print([name for name in dir(Point) if not name.startswith("_")])
p = Point()
p.beta = 3
print([name for name in dir(p) if not name.startswith("_")])


def outer(z, a, m):
    y, b = z + 1, a + 1

    def inner():
        return z, a, m, y, b

    return inner


print(outer(1, 2, 3)())
