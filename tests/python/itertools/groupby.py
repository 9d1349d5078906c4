# groupby: consecutive runs (not a global grouping), key=, the usual sort-then-group, and CPython's
# sharing rule: once groupby moves on, an earlier group yields nothing more.
from itertools import groupby

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for k, g in groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])])
pairs = list(groupby("aabbbc"))
print([(k, list(g)) for k, g in pairs])
it = groupby([1, 2, 2, 3])
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g1), list(g2))
g = groupby([])
print(list(g))
k, grp = next(groupby([5, 5, 6]))
print(k, next(grp), next(grp))
try:
    next(grp)
except StopIteration:
    print("group over")
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 4)])
