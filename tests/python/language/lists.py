# Lists: building, indexing, mutating methods, sorting (stable, with key and reverse), copying and the
# aliasing surprise.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a[0], a[-1], len(a), a.index(4), a.count(1), 9 in a)
a.append(10); a.extend([0, 0]); a.insert(1, 99); a.remove(0)
print(a, a.pop(), a.pop(0), a)
b = sorted(a)
a.sort(reverse=True)
print(b, a)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(list(reversed(b)), b[::-1] == list(reversed(b)))
alias = b
copy = b[:]
alias.append(100)
print(b[-1], copy[-1], b is alias, copy == b[:-1])
grid = [[0] * 3 for _ in range(2)]
bad = [[0] * 3] * 2
grid[0][0] = bad[0][0] = 1
print(grid, bad)
print([1, 2] + [3], [0] * 4, [1, 2] < [1, 3], [[1], [2]] == [[1], [2]])
del a[0]
del a[1:3]
print(a, a.clear(), a)
