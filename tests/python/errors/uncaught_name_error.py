# A typo in a variable name: NameError, uncaught (CPython 3.11 adds "Did you mean: 'counter'?" to the
# last line; only the type is compared).
counter = 0
for i in range(3):
    counter += i
print(counter)
print(countr)
