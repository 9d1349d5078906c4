# namedtuple's errors are CPython's: invalid, keyword, underscore and duplicate field names, too
# many defaults, wrong argument counts to the class (named Point.__new__), _make with the wrong
# length and _replace with an unknown field.
from collections import namedtuple

for names in ["a _b", "a a", "a class", "a 1b", "ok"]:
    try:
        T = namedtuple("T", names)
        print("made", T._fields)
    except ValueError as e:
        print("ValueError:", e)
try:
    namedtuple("T", "a", defaults=[1, 2])
except TypeError as e:
    print("TypeError:", e)
Point = namedtuple("Point", "x y")
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1, 2), {"z": 3})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2)._replace(z=3)
except ValueError as e:
    print("ValueError:", e)
Point(1)
