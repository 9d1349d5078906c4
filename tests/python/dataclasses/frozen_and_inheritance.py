# frozen=True: assignment and deletion raise FrozenInstanceError (an AttributeError), instances
# hash by their fields; inheritance: a subclass's fields come after its base's, a redefined field
# keeps its place, and frozen and non-frozen dataclasses cannot inherit from each other.
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(p, hash(p) == hash(Point(1, 2)), len({p, Point(1, 2), Point(2, 1)}), issubclass(FrozenInstanceError, AttributeError))


@dataclass
class Animal:
    name: str
    sound: str = "..."


@dataclass
class Dog(Animal):
    tricks: list = field(default_factory=list)
    sound: str = "woof"


d = Dog("rex")
print(d, Dog("fido", "grr", ["sit"]))
print(Animal("cat") == Dog("cat"), isinstance(d, Animal))


class Plain(Animal):
    def speak(self):
        return f"{self.name} says {self.sound}"


print(Plain("cow", "moo").speak(), Plain("cow"))


@dataclass(frozen=True)
class Point3(Point):
    z: int = 0


print(Point3(1, 2, 3), Point3(1) == Point3(1, 0, 0))
try:

    @dataclass
    class Loose(Point):
        w: int = 0

except TypeError as e:
    print("TypeError:", e)
try:

    @dataclass(frozen=True)
    class Stiff(Animal):
        w: int = 0

except TypeError as e:
    print("TypeError:", e)
p.x = 9
