# The recursion limit is CPython's default 1000, and it can be read back after setting it.
import sys

print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
