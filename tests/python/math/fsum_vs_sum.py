# Summing floats: sum() accumulates rounding errors, math.fsum() rounds once.
import math

tenths = [0.1] * 10
print(sum(tenths), math.fsum(tenths))
print(sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
print(sum(math.sqrt(i) for i in range(1000)))
print(math.fsum(math.sqrt(i) for i in range(1000)))
