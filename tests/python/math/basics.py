# math's everyday functions and constants, printed with full float repr.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17))
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.fabs(-3), math.copysign(2, -0.0), math.hypot(3, 4))
print(math.factorial(10), math.gcd(48, 18), math.lcm(4, 6))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.degrees(math.pi), math.radians(180))
