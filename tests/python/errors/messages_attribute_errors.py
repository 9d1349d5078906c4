# AttributeError messages on built-in types, modules, classes and instances.
import math

class Point:
    def __init__(self):
        self.x = 1

cases = [
    lambda: [].push(1),
    lambda: "s".size,
    lambda: (5).real.foo,
    lambda: None.get("k"),
    lambda: {}.has_key("k"),
    lambda: math.tau_2,
    lambda: Point().y,
    lambda: Point.z,
]
for case in cases:
    try:
        case()
    except AttributeError as e:
        print(f"AttributeError: {e}")
