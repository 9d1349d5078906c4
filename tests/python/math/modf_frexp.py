# Splitting floats: modf gives (fraction, whole), frexp (mantissa, exponent), and divmod-style helpers.
import math

print(math.modf(3.75), math.modf(-3.75))
print(math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.floor(1e20), math.ceil(-1e20), type(math.floor(2.0)).__name__)
