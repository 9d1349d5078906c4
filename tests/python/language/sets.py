# Sets: unique elements, membership, the operators, and methods; small-int sets print in a fixed
# order, so they are printed as they are, other sets sorted.
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 not in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4, 5}, {1} < a)
s.add(10); s.discard(99); s.remove(1)
print(s, s.union([7]), s.intersection(range(3)), s.isdisjoint({0}))
words = set("hello world".split() + ["hello"])
print(sorted(words), len(words))
print(sorted({c for c in "banana"}), set(), set([1, 1]), set([2, 1]) == {1, 2})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
e = set()
e.update([5, 6], (7,))
print(e, e.pop() in {5, 6, 7}, len(e))
