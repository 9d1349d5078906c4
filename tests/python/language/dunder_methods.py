# The dunder methods the built-ins call: __str__/__repr__, __eq__/__lt__ (sorting), __hash__ (set and
# dict keys), __len__, __bool__, __contains__, __getitem__, __iter__, __add__, __call__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __len__(self):
        return 2

    def __bool__(self):
        return bool(self.x or self.y)

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __contains__(self, value):
        return value in (self.x, self.y)

    def __call__(self, scale):
        return self * scale

v, w = Vec(1, 2), Vec(3, -1)
print(v, repr(v), [v, w], f"{v} {v!r}")
print(v + w, v * 3, v == Vec(1, 2), v != w, v == "x")
print(sorted([w, v, Vec(0, 9)]), min(v, w), max([v, w]))
print(len(v), bool(Vec(0, 0)), 2 in v, 5 in v, v[1], list(v), v(10))
print(len({v, Vec(1, 2), w}), {v: "first"}[Vec(1, 2)])
x, y = w
print(x, y)
