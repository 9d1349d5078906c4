# functools.total_ordering fills in the comparisons a class lacks from __eq__ and one ordering method
# (whichever it defines, as CPython picks), answers NotImplemented through to the other operand, and
# refuses a class with none; cached_property computes once per instance, stores the value on the
# instance, returns itself from the class, and checks its name; cmp_to_key sorts with a comparison.
from functools import total_ordering, cached_property, cmp_to_key


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), a >= Version(1, 2), a == Version(1, 2))
print(sorted([Version(2, 0), a, b]), max(a, b), Version.__gt__.__name__)


@total_ordering
class Score:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __ge__(self, other):
        return self.v >= other.v


print(Score(1) < Score(2), Score(3) > Score(2), Score(2) <= Score(2), Score(1) >= Score(1))
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)


class Circle:
    computed = 0

    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        Circle.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, Circle.computed, "area" in vars(c), type(Circle.area).__name__)
c.area = 99
print(c.area, Circle(1).area, Circle.computed)
del c.area
print(c.area, Circle.computed)
try:
    class Twice:
        p = cached_property(lambda self: 1)
        q = p
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
loose = cached_property(lambda self: 1)
try:
    loose.__get__(Circle(1), Circle)
except TypeError as e:
    print("TypeError:", e)


def by_length_then_reverse(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x < y) - (x > y)


print(sorted(["pear", "fig", "apple", "kiwi", "date"], key=cmp_to_key(by_length_then_reverse)))
