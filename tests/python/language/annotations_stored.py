# Module and class bodies evaluate annotations and keep those of plain names in __annotations__
# (what dataclasses and typing.NamedTuple read), with or without a value; annotations of a
# function's locals are not evaluated at all.
from typing import List, Optional

count: int = 3
label: str
names: List[str] = []


class Point:
    x: int
    y: float = 0.0
    tags: Optional[List[str]] = None
    z = 5


def f():
    undefined_local: NoSuchType = 1
    return undefined_local


print(__annotations__)
print(Point.__annotations__, Point.y, Point.z, hasattr(Point, "x"))
print(f(), count)
print("label" in globals(), "label" in __annotations__)


class Empty:
    pass


print(hasattr(Empty, "__annotations__") and Empty.__annotations__)
