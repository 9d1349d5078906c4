# lambda: small anonymous functions as sort keys, in map/filter, stored in dicts, and with defaults.
people = [("ada", 36), ("alan", 41), ("grace", 85), ("linus", 21)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-len(p[0]), p[0])))
print(list(map(lambda x: x * x, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(10))))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
f = lambda x, y=10, *rest: (x, y, rest)
print(f(1), f(1, 2, 3, 4))
print((lambda: "called at once")())
print(f.__name__)
