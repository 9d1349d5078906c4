# math.sqrt of a negative number, uncaught: exit code 1, the last stderr line
# `ValueError: math domain error`.
import math

values = [4, 2, 0, -1]
for v in values:
    print(v, math.sqrt(v))
