# bool is an int subclass (True + True == 2); None is a singleton compared with `is`.
print(True + True, True * 10, int(False), bool(0), bool(-1), bool("False"))
print(isinstance(True, int), type(True).__name__, str(True), repr(None))
x = None
print(x is None, x == None, x is not None, type(None).__name__)
print(sum([True, False, True]), [True, False].count(True), max(False, True))
print(not 0, not "x", not None, 1 == True, 0 == False, "" == False)
