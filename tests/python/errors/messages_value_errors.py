# ValueError messages, exactly as CPython 3.11 words them.
import math

def unpack_two():
    a, b = [1, 2, 3]

def unpack_three():
    a, b, c = [1, 2]

cases = [
    lambda: int("abc"),
    lambda: int("1.5"),
    lambda: int(""),
    lambda: float("one"),
    lambda: [1, 2].remove(5),
    lambda: [1, 2].index(5),
    lambda: "abc".index("z"),
    unpack_two,
    unpack_three,
    lambda: math.sqrt(-1),
    lambda: range(1, 10, 0),
    lambda: int("12", 1),
    lambda: chr(-1),
    lambda: "a,b".split(""),
    lambda: max([]),
    lambda: min([]),
]
for case in cases:
    try:
        case()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
