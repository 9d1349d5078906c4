# Tuples and unpacking: swaps, starred targets, nested unpacking, unpacking in for loops, and the
# one-element tuple.
point = (3, 4)
x, y = point
x, y = y, x
print(x, y, point, len(point), point.count(3), point.index(4))
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (name, score) in enumerate([("ada", 90), ("alan", 85)]):
    print(i, name, score)
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__, single * 3, () == tuple())
print((1, 2) + (3,), (1, 2) < (1, 2, 0), tuple([1, 2]), max((1, "b"), (1, "a")))
coords = {(0, 0): "origin"}
print(coords[(0, 0)], hash((1, 2)) == hash((1, 2)))
