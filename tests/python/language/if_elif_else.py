# if/elif/else chains, conditional expressions, truthiness of values, and chained comparisons.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(n) for n in (-5, 0, 3, 42)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
for value in (0, 1, "", "a", [], [0], {}, None, 0.0, set()):
    print(repr(value), "truthy" if value else "falsy")
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6)
print(None or "default", 0 and "never", "a" and "b", [] or {} or "last")
