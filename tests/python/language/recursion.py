# Plain recursion well inside the limit: factorial, Fibonacci with a dict memo, flattening nested
# lists, and a depth of 500 calls.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

memo = {}

def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(fact(20), fact(50))
print(fib(90))
print(flatten([1, [2, [3, [4, []]], 5]]))
print(depth(500))
