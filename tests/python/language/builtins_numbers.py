# The numeric built-ins: abs, round, min, max (with key and default), sum (with start), divmod, pow,
# int/float/str conversions, and bin/hex/oct/chr/ord.
print(abs(-3), abs(-2.5), abs(0), abs(-10 ** 20))
print(round(3.14159, 2), round(7), round(-2.5), round(1.5), type(round(2.0)).__name__)
print(min(3, 1, 2), max([3, 1, 2]), min("banana", "apple"), max([], default="empty"))
print(max(["a", "abc", "ab"], key=len), min([(2, "b"), (1, "z")]), max(1, 2.5))
print(sum([1, 2, 3]), sum([[1], [2]], []), sum(range(101)), sum([0.5, 0.25], 1))
print(divmod(17, 5), divmod(-17, 5), pow(2, 8), pow(2, 8, 10))
print(int("42"), int(3.99), float("1.5"), str(42), str(1.0), int("z", 36))
print(bin(5), hex(255), oct(8), chr(65), ord("a"), chr(0x1F40D), ord("€"))
