# islice with stop, start/stop, a step and None; it never reads past `stop` from a shared
# iterator; and CPython's ValueErrors for negative indices and a zero step.
from itertools import islice, count

print(list(islice("ABCDEFG", 2)))
print(list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)))
print(list(islice("ABCDEFG", None)))
print(list(islice(count(), 3, 20, 5)))
print(list(islice("AB", 5, 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 7, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 5, 3)), next(it))
for args in [(-1,), (1, -2), (0, 5, 0), (0, 5, -1), ("a",)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError:", e)
