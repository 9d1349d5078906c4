# *args and **kwargs: collecting extra arguments, and unpacking sequences and dicts into a call.
def describe(first, *rest, sep=", ", **options):
    parts = [str(first)] + [str(r) for r in rest]
    extra = " ".join(f"{k}={v}" for k, v in sorted(options.items()))
    return sep.join(parts) + (" | " + extra if extra else "")

print(describe(1))
print(describe(1, 2, 3))
print(describe(1, 2, sep="-", color="red", size=3))
args = (4, 5, 6)
opts = {"sep": "/", "flag": True}
print(describe(*args, **opts))
print(describe(0, *[1, 2], *(3,), **{"a": 1}, b=2))

def count(*args, **kwargs):
    return len(args), len(kwargs), type(args).__name__, type(kwargs).__name__

print(count(), count(1, 2, x=3))
