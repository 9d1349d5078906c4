# Arbitrary-size integers: powers, factorials, floor division and modulo with negatives, bit
# operations, and conversions to and from strings and other bases.
import math

print(2 ** 100, -(2 ** 64), 10 ** 30 + 1)
print(math.factorial(30))
print(2 ** 100 // 3, 2 ** 100 % 97, divmod(10 ** 20, 7))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, divmod(-7, 2))
print(pow(3, 200, 1000), pow(2, -1), pow(-2, 3))
print((1 << 70) | 1, (2 ** 70 - 1) & 0xFF, 2 ** 70 >> 60, ~5, -1 ^ 2 ** 65)
print(hex(2 ** 64), bin(10), oct(64), int("ff", 16), int("-0b101", 2), int("1_000_000"))
print(int(1e20), int(-3.99), int("  42 "), abs(-(10 ** 25)))
print(len(str(2 ** 1000)), str(2 ** 200)[:20], (2 ** 64).bit_length())
print(12345678901234567890 * 98765432109876543210)
print(sum(range(10 ** 6)), 10 ** 18 == 1e18, 10 ** 23 == 1e23)
