# dropwhile, takewhile and filterfalse, and how many items each reads from a shared iterator:
# takewhile consumes the first failing item, dropwhile yields it.
from itertools import dropwhile, takewhile, filterfalse

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
it = iter(range(10))
print(list(takewhile(lambda x: x < 3, it)), list(it))
it = iter(range(10))
print(list(dropwhile(lambda x: x < 3, it)), list(it))
print(list(takewhile(bool, [])), list(dropwhile(bool, [])))
words = ["#a", "#b", "c", "#d"]
print(list(dropwhile(lambda w: w.startswith("#"), words)))
