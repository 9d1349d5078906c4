# sum() over a generator: natively its frame stays on the stack between items (Exhaust::Drive);
# items that are not ints or floats, errors, handlers and generators resumed meanwhile must behave as in CPython.
import math
def g1():
    yield 1
    yield 2.5
    yield 3
print(sum(g1()), sum(x for x in range(10)), sum((x * x for x in range(5)), 10))
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    __radd__ = __add__
def mixed():
    yield 1
    yield V(2)
    yield 3
    yield 4.5
print(sum(mixed()).v)
class Peek:
    def __radd__(self, o):
        return o + next(pg) * 100   # resumes the very generator sum is consuming
def peeky():
    yield 1
    yield Peek()
    yield 5
    yield 7
pg = peeky()
print(sum(pg))
it = (x for x in [1, 2, 3])
print(next(it), sum(it))
def boom():
    yield 1
    raise ValueError("inside")
try:
    sum(boom())
except ValueError as e:
    print("ValueError", e)
def handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        yield 2
        import sys
        print(sys.exc_info()[0].__name__)
print(sum(handler()))
g = (i for i in range(5))
print(sum(g), list(g), sum(g))
def strs():
    yield "a"
try:
    sum(strs())
except TypeError as e:
    print("TypeError", e)
print(sum(math.sqrt(i) for i in range(100)))
def nested():
    yield sum(j for j in range(4))
    yield sum(j for j in range(3))
print(sum(nested()))
gg = (x for x in range(3))
def self_ref():
    yield 1
    yield sum(gg)
print(sum(self_ref()))
