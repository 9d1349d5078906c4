# A bare `raise` re-raises the exception being handled; exception objects carry args.
def risky():
    raise ValueError("first", 42)

try:
    try:
        risky()
    except ValueError as e:
        print("logging", e.args)
        raise
except ValueError as e:
    print("re-raised", e, e.args[1])

e = KeyError("key")
print(repr(e), str(e), e.args)
print(repr(ValueError()), str(ValueError()), repr(Exception("a", 1)))
