# Generators: yield, laziness (nothing runs until asked), send-free iteration, return ends them,
# StopIteration from next(), generator expressions consumed once, and yield from.
def countdown(n):
    print("  starting")
    while n > 0:
        yield n
        n -= 1
    return "done"

g = countdown(3)
print("created")
print(next(g), next(g), list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))

def evens():
    n = 0
    while True:
        yield n
        n += 2

gen = evens()
print([next(gen) for _ in range(5)])

squares = (x * x for x in range(5))
print(sum(squares), sum(squares))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(3))))

def inner():
    yield 1
    return "inner result"

def outer():
    result = yield from inner()
    yield result

print(list(outer()))
print(next(iter([]), "default"), next(x for x in range(10) if x > 6))
