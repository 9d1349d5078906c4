# bisect: left and right positions among equal items, lo/hi bounds, key= on records (3.10+), insort
# keeping a list sorted, a grade table, and the ValueError for a negative lo.
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect_left(a, 4), bisect_right(a, 4), bisect.bisect(a, 4), bisect_left(a, 0), bisect_right(a, 10))
print(bisect_left(a, 4, 4), bisect_right(a, 4, 0, 3), bisect_left(a, 5, hi=6))
for x in [5, 0, 4, 10]:
    insort(a, x)
insort_left(a, 4.0)
print(a, a.index(4.0))


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [("ann", 21), ("bob", 30), ("cy", 30), ("dee", 45)]
print(bisect_left(people, 30, key=lambda p: p[1]), bisect_right(people, 30, key=lambda p: p[1]))
insort(people, ("eve", 30), key=lambda p: p[1])
insort_left(people, ("fay", 30), key=lambda p: p[1])
print(people)
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
try:
    bisect_left([1, "a"], 2)
except TypeError as e:
    print("TypeError:", e)
