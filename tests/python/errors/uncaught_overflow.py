# A float power too large for a float: OverflowError, uncaught (ints would just grow).
print(2 ** 10000 > 0)
print(2.0 ** 10000)
