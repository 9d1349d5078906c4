# accumulate (running sums, a function, initial=), chain and chain.from_iterable (lazy: a
# non-iterable argument fails only when chain reaches it), compress (stops at the shorter input).
from itertools import accumulate, chain, compress

print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))
print(list(chain("ab", [1, 2], (3,))))
print(list(chain()), list(chain([], [])))
print(list(chain.from_iterable(["xy", "z"])))
print(list(chain.from_iterable([[i] * i for i in range(4)])))
c = chain([1], 5)
print(next(c))
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress(range(10), [True, False, True])))
print(list(compress("abc", [0, 1, 1, 1, 1])))
