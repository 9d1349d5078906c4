# itertools' infinite iterators: count (ints, floats, negative steps), cycle (which saves what it
# read, and yields nothing for an empty input), repeat with and without times; each is cut with
# islice or zip, as a learner would.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, -3), 4)))
print(list(islice(count(0.5, 0.25), 4)))
c = count(7)
print(next(c), next(c), next(c))
for i, ch in zip(count(1), "abc"):
    print(i, ch)
print(list(islice(cycle("AB"), 5)))
print(list(cycle([])))
it = iter([1, 2])
cy = cycle(it)
print([next(cy) for _ in range(5)], list(it))
print(list(repeat("x", 3)), list(repeat(0, 0)), list(repeat(1, -2)))
print(list(map(pow, range(5), repeat(2))))
print(list(islice(repeat(None), 2)))
