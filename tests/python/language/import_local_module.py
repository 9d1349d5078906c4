# Importing a module of the program's own (language/_shapes.py, next to this file): its top level runs
# once, on the first import, and its names are reached through the module or imported directly.
import _shapes
from _shapes import Square, area_of
import _shapes as again

print(_shapes.UNIT, again is _shapes)
print(area_of(Square(3)), Square(2).area())
print(_shapes.__name__)
