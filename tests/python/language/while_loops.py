# while loops: a counter, a sentinel search, an infinite loop left with break, and Collatz steps.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)

items = [4, 8, 15, 16, 23, 42]
i = 0
while i < len(items) and items[i] != 16:
    i += 1
print(i)

total = 0
while True:
    total += 7
    if total > 50:
        break
print(total)
