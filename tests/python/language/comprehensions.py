# List, dict and set comprehensions with conditions and nested loops, and their own scope.
print([x * x for x in range(10) if x % 2])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print({w: len(w) for w in ["a", "bb", "ccc"]})
print(sorted({x % 3 for x in range(10)}))
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
x = "outer"
print([x for x in range(3)], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix], [list(col) for col in zip(*matrix)])
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
