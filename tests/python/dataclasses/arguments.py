# @dataclass(...) arguments: init=False, repr=False, eq=False (identity and hashable), order=True
# (tuple comparison in field order, same class only), unsafe_hash=True, and a method of the class
# body kept over the generated one; order without eq is a ValueError.
from dataclasses import dataclass


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(eq=False)
class Node:
    value: int


a = Node(1)
print(a == Node(1), a == a, len({a, Node(1)}))


@dataclass(repr=False)
class Secret:
    key: str


print(repr(Secret("k")).startswith("<__main__.Secret object at"))


@dataclass(init=False)
class Manual:
    x: int

    def __init__(self, text):
        self.x = int(text)


print(Manual("42"))


@dataclass
class Custom:
    x: int

    def __repr__(self):
        return f"<Custom {self.x}>"

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == Custom(2))


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str


print(hash(Key(1, "x")) == hash(Key(1, "x")), len({Key(1, "x"), Key(1, "x"), Key(2, "x")}))


@dataclass
class Counter:
    n: int = 0

    def __post_init__(self):
        self.double = self.n * 2


print(Counter(4), Counter(4).double)
try:

    @dataclass(order=True, eq=False)
    class Bad:
        x: int

except ValueError as e:
    print("ValueError:", e)
