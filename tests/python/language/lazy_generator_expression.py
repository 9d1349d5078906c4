# A generator expression is lazy: the work happens as items are taken, so any() stops at the first
# match, and an infinite source is fine as long as only a few items are taken.
calls = []

def check(x):
    calls.append(x)
    return x > 2

print(any(check(x) for x in range(100)), calls)
calls.clear()
print(all(check(x) for x in [5, 1, 7]), calls)

def naturals():
    n = 0
    while True:
        yield n
        n += 1

big = (n * n for n in naturals())
print([next(big) for _ in range(5)])
print(sum(x for x in range(1_000_000) if x % 7 == 0))
