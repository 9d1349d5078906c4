# Logarithms and powers, including the classic floating-point surprise log(1000, 10) == 2.9999999999999996.
import math

print(math.log(math.e), math.log(8, 2), math.log(1000, 10), math.log10(1000), math.log2(1024))
print(math.log(1), math.log1p(1e-10), math.exp(1), math.exp(0), math.expm1(1e-10))
print(math.pow(2, 10), math.pow(2, 0.5), 2 ** 0.5, math.sqrt(2) ** 2)
print(math.log(2 ** 100), math.log2(2 ** 100))
