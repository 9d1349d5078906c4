# heapq: the list after each push/pop/heapify is CPython's exactly (same sift algorithm), tuples as
# (priority, item), heapreplace/heappushpop, nlargest/nsmallest with key=, merge (lazy, stable, key=,
# reverse=), and the errors: an empty heap, a non-list, items that do not compare.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
tasks = []
for prio, name in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nsmallest(0, [1]))
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(3, words, key=len), heapq.nlargest(10, [1, 2]))
m = heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])
print(type(m).__name__, next(m), list(m))
print(list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)), list(heapq.merge([7, 3], [9, 1], reverse=True)))
print(list(heapq.merge()), list(heapq.merge([], [1])))
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heapify({}), lambda: heapq.heappush([{}], {})):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
