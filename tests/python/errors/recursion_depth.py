# RecursionError comes at CPython's default depth: with the limit at 1000 the deepest frame counted
# from a function called at the top level is just under 1000 (the module's frame takes one). The
# error is caught, so the program goes on.
import sys

deepest = 0

def dive(n):
    global deepest
    deepest = n
    dive(n + 1)

try:
    dive(1)
except RecursionError as e:
    print("RecursionError:", e)
print(990 <= deepest <= 1000, sys.getrecursionlimit())

def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)

print(fine(900))
