# The iteration built-ins: range, enumerate (with start), zip (shortest wins), map/filter (lazy),
# reversed, sorted, any/all, iter/next, len.
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(0, 100, 7)), range(3))
print(list(enumerate("abc")), list(enumerate("ab", start=1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), dict(zip(["k1", "k2"], [1, 2])))
m = map(str, [1, 2])
print(type(m).__name__, list(m), list(m))
print(list(filter(None, [0, 1, "", "a", None])), list(map(pow, [2, 3], [3, 2])))
print(list(reversed([1, 2, 3])), sorted("hello"), sorted({3: "c", 1: "a"}))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]))
it = iter([10, 20])
print(next(it), next(it), next(it, "end"))
print(len("four"), len([1, 2]), len({"a": 1}), len(set()), len(()))
print(5 in range(10), range(0, 10, 2)[3], list(range(0)))
