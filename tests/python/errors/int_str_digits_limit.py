# CPython 3.11 refuses to turn an int of more than 4300 digits into a str (a guard against slow
# conversions): printing factorial(2000) raises ValueError, while arithmetic on it is fine.
import math

big = math.factorial(2000)
print(big % 1000, big.bit_length())
try:
    print(big)
except ValueError as e:
    print("ValueError:", e)
print(len(str(math.factorial(1000))))
