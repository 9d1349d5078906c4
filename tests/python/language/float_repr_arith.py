# Float repr (the shortest string that reads back the same) and arithmetic, with the surprises
# learners meet.
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 10 / 4, 7 / 7)
print(1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e22, 1.5e-7)
print(3.0, -0.0, 2.5e10, float(10 ** 16), 1 / 2 ** 30)
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(2.675, 2), round(1234.5678, -2))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(7.5, 2))
print(int(2.9), float("3.14"), float(" -1e3 "), float(7), 3 * 1.1)
print(0.1 + 0.7, 100 * 1.1, 1.1 + 2.2, 3.3 / 1.1)
print(2 ** 0.5, 10 ** -2, 2 ** -1, 4 ** 0.5, 2 ** 0.5 * 2 ** 0.5)
print(1.0 == 1, 0.1 + 0.2 > 0.3, 1e308 * 10, -1e308 * 10)
print((3.0).is_integer(), (2.5).is_integer(), float("-inf") < -1e308)
print(sum([0.1] * 10), max(0.1, 0.10000000000000001), 5e-324, 1.7976931348623157e308)
