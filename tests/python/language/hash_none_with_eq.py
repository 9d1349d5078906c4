# A class that defines __eq__ without __hash__ gets __hash__ = None in its own dict (CPython's
# type_new), so its instances are unhashable and code can test `cls.__hash__ is None`; one that
# defines both keeps its __hash__; a subclass that redefines __eq__ alone is unhashable again even
# if its base hashes. list, dict and set have __hash__ None; tuple, int and str do not.
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x


class Hashed(Point):
    def __hash__(self):
        return hash(self.x)


class EqAgain(Hashed):
    def __eq__(self, other):
        return False


class Plain:
    pass


print(Point.__hash__, "__hash__" in Point.__dict__, Hashed.__hash__ is None, EqAgain.__hash__)
print(Plain.__hash__ is None, "__hash__" in Plain.__dict__)
print(len({Hashed(1), Hashed(1), Hashed(2)}))
print(list.__hash__, dict.__hash__, set.__hash__)
print(tuple.__hash__ is None, int.__hash__ is None, str.__hash__ is None, frozenset.__hash__ is None)
for obj in (Point(1), EqAgain(1), [1], {}, set()):
    try:
        hash(obj)
        print("hashable", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)
