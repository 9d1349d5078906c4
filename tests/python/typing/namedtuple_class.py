# typing.NamedTuple's class syntax: fields from the annotations, defaults from the values, a tuple
# with named fields, CPython's repr and _asdict/_replace/_make/_fields/_field_defaults, methods in
# the body, and CPython's argument errors.
from typing import NamedTuple, List


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Order(NamedTuple):
    item: str
    quantity: int
    tags: List[str] = []


p = Point(3, -4)
print(p, p.x, p.y, p[0], p.norm1(), len(p), p == (3, -4), isinstance(p, tuple))
x, y = p
print(x, y, Point(1), Point(y=2, x=1), Point._fields, Point._field_defaults)
print(p._asdict(), p._replace(y=1), Point._make([5, 6]), sorted([Point(2, 1), Point(1, 2)]))
print(Order("tea", 2), Order("tea", quantity=1, tags=["hot"]).tags, hash(Point(1, 2)) == hash((1, 2)))
for name in ("x", "z"):
    try:
        setattr(p, name, 5)
    except AttributeError as e:
        print("AttributeError:", e)
for bad in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
