# namedtuple: a tuple subclass with named fields from a string or a list, keyword arguments,
# defaults, _make/_replace/_asdict/_fields, the repr, indexing and unpacking, comparisons and
# hashing as a tuple, read-only fields, and a subclass adding a method.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), p < Point(1, 3), hash(p) == hash((1, 2)), {p: "a"}[(1, 2)])
print(p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]), Point._field_defaults)
print(isinstance(p, tuple), type(p).__name__, Point.__name__, Point.__doc__, repr(Point.x))
Car = namedtuple("Car", ["make", "model", "year"], defaults=[2020])
print(Car("VW", "Golf"), Car("VW", "Up", year=2013), Car._field_defaults)
Row = namedtuple("Row", "id, name, score")
rows = [Row(2, "b", 9.5), Row(1, "a", 7.0)]
print(sorted(rows), max(rows, key=lambda r: r.score).name)


class Vector(namedtuple("Vector", "x y")):
    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)


v = Vector(3, 4)
print(v, v.length(), v + Vector(1, 1), type(v + v).__name__)
for field in ("x", "z"):
    try:
        setattr(p, field, 5)
    except AttributeError as e:
        print("AttributeError:", e)
Renamed = namedtuple("Renamed", ["ok", "class", "_hidden", "ok"], rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4))
