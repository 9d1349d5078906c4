# Classes derived from tuple, int, float and str: the value is made by the builtin type (through
# __new__ when the arguments differ), arithmetic and comparisons give plain builtin results, and
# the subclass's own methods and __str__ apply.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(3, 4)
print(p, p.x, p.y, len(p), p + (5,), p == (3, 4), hash(p) == hash((3, 4)), sorted([Point(2, 1), p]))
x, y = p
print(x, y, isinstance(p, tuple), type(p).__name__, {p: "here"}[Point(3, 4)])


class Celsius(float):
    def __str__(self):
        return f"{float(self):.1f}°C"

    def to_fahrenheit(self):
        return self * 9 / 5 + 32


t = Celsius(21.5)
print(t, repr(t), t + 1, t * 2, t > 20, t.to_fahrenheit(), f"{t:.2f}", f"{t}", round(t), int(t))


class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"


m = Money(5)
print(m, repr(m), m + 3, type(m + 3).__name__, m * Money(2), -m, abs(Money(-4)), m == 5, m < 6, str(m))
print(Money("12"), sum([Money(1), Money(2)]), [1, 2, 3][Money(1)], f"{m:03d}", hex(m))


class Shout(str):
    def shout(self):
        return self.upper() + "!"


s = Shout("hello")
print(s, s.shout(), len(s), s + " world", s.split("l"), s == "hello", s[1:3], "ell" in s, repr(s))
print(type(s.upper()).__name__, type(s).__name__, isinstance(s, str), sorted(Shout("cab")))
