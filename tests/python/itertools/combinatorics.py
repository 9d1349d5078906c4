# product (with repeat=), permutations (with r), combinations and
# combinations_with_replacement: CPython's lexicographic order, r larger than the pool, r = 0.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("AB", "xy")))
print(list(product([0, 1], repeat=3)))
print(list(product("ab", [1], repeat=2)))
print(list(product()), list(product("ab", [])))
print(list(permutations("ABC")))
print(list(permutations(range(4), 2)))
print(list(permutations("AB", 3)), list(permutations("AB", 0)))
print(list(combinations("ABCD", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("AB", 3)), list(combinations("AB", 0)))
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(sum(1 for p in product(range(3), repeat=4) if sum(p) == 4))
