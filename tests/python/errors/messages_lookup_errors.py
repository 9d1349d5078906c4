# IndexError and KeyError messages, and LookupError catching both.
cases = [
    lambda: [][0],
    lambda: [1, 2][5],
    lambda: (1,)[3],
    lambda: "ab"[9],
    lambda: [].pop(),
    lambda: [1].pop(4),
    lambda: {}["k"],
    lambda: {1: 2}[3],
    lambda: {"a": 1}.pop("b"),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: {(1, 2): 0}[(2, 1)],
    lambda: range(3)[3],
]
for case in cases:
    try:
        case()
    except LookupError as e:
        print(f"{type(e).__name__}: {e}")
