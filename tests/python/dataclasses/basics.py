# @dataclass without arguments: fields from the annotations in order, defaults, the generated
# __init__ (with CPython's TypeErrors), repr by __qualname__, eq (same class only), unhashable,
# and class attributes that stay the defaults.
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    n: int = 3
    done: bool = False


j = Job("a")
print(j, Job("b", 5, True), repr(Job(name="c", n=0)))
print(j == Job("a", 3), j == Job("a", 4), j != Job("a"), j == ("a", 3, False))
print(Job.n, Job.done, hasattr(Job, "name"))
print(j.name, j.n)
j.n += 1
print(j)
try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    Job("a", 1, False, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    Job("a", size=2)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(j)
except TypeError as e:
    print("TypeError:", e)
print(Job.__hash__, Job.__match_args__)


def make():
    @dataclass
    class Point:
        x: float
        y: float = 0.0

    return Point(1.5)


print(make(), [Job("x", 1)], {"k": Job("y")})


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty())


@dataclass
class Nested:
    job: Job
    tags: list


print(Nested(Job("z"), ["a", "b"]))
