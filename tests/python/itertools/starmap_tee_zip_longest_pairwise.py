# starmap, tee (independent copies of one iterator; the original should not be used after),
# zip_longest with and without fillvalue, and pairwise.
from itertools import starmap, tee, zip_longest, pairwise

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b: a + b, zip("abc", "xyz"))))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee(range(3), 3)
print(list(x), list(y), list(z))
print(tee([1], 0))
print(list(zip_longest("ABCD", "xy")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)))
print(list(zip_longest()), list(zip_longest([], [])))
print(list(pairwise("ABCDE")))
print(list(pairwise([1])), list(pairwise([])))
print([b - a for a, b in pairwise([1, 4, 9, 16])])
