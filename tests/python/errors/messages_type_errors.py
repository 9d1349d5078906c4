# TypeError messages a learner meets, printed exactly as CPython 3.11 words them.
def f(a, b=1):
    return a

# Values kept in variables, so that CPython's compiler does not warn about the literal cases.
five, nothing, half, key = 5, None, 1.5, "1"

cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: None + 1,
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: five(),
    lambda: nothing[0],
    lambda: len(5),
    lambda: {[1]: 2},
    lambda: {1, [2]},
    lambda: iter(42),
    lambda: 1 < "a",
    lambda: sorted([3, "a", 1]),
    lambda: int(None),
    lambda: "abc"[half],
    lambda: "x" * 2.0,
    lambda: sum(["a", "b"]),
    lambda: abs("x"),
    lambda: max(),
    lambda: "a".join([1, 2]),
    lambda: [1, 2, 3][key],
    lambda: (1, 2).append(3),
]
for case in cases:
    try:
        case()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
