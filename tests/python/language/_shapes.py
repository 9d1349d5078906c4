# A module imported by import_local_module.py (the leading underscore tells the harness that it is
# not a program of its own).
print("loading _shapes")

UNIT = "cm"


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


def area_of(shape):
    return f"{shape.area()} {UNIT}²"
