# The division-by-zero messages differ by operator and type.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0,
    lambda: 1.0 % 0,
    lambda: divmod(1, 0),
    lambda: 0 ** -1,
    lambda: pow(0.0, -1),
]
for case in cases:
    try:
        case()
    except ZeroDivisionError as e:
        print(f"ZeroDivisionError: {e}")
