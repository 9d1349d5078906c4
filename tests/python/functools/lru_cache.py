# functools.lru_cache with and without arguments: hits, misses and currsize in cache_info() as
# CPython counts them (a recursive fib misses once per n), least-recently-used eviction at maxsize,
# maxsize=None and 0, typed=True, keyword arguments as separate keys, cache_clear(), cache_parameters(),
# the wrapper's metadata, methods, and the errors: an unhashable argument, a bad maxsize.
from functools import lru_cache, cache


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
print(fib(30), fib.cache_info(), fib.__name__, fib.__wrapped__(5))
fib.cache_clear()
print(fib.cache_info(), fib.cache_parameters())

calls = []


@lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 1, 3, 2, 1, 1]:
    square(x)
print(calls, square.cache_info())


@lru_cache(maxsize=None)
def add(a, b=0):
    calls.append((a, b))
    return a + b


calls.clear()
print(add(1, 2), add(1, 2), add(1, b=2), add(a=1, b=2), add(1.0, 2), calls, add.cache_info())


@lru_cache(maxsize=0)
def ident(x):
    return x


print(ident(1), ident(1), ident.cache_info())


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info())


@cache
def count_paths(r, c):
    """Lattice paths."""
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)


print(count_paths(10, 10), count_paths.cache_info(), count_paths.__doc__, count_paths.cache_parameters())


class Grid:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def total(self, k):
        return self.n * k


g = Grid(3)
print(g.total(4), g.total(4), Grid.total.cache_info())
try:
    add([1], 2)
except TypeError as e:
    print("TypeError:", e)
try:
    lru_cache("big")
except TypeError as e:
    print("TypeError:", e)
print(lru_cache(-5)(ident).cache_parameters())
