# with: a class with __enter__/__exit__, several items in one statement (entered left to right,
# exited right to left), `as` targets, and an exception suppressed by __exit__ returning True.
class Tag:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress

with Tag("a") as a, Tag("b") as b:
    print("inside", a, b)

with Tag("quiet", suppress=True):
    raise ValueError("swallowed")
print("after the suppressed error")

try:
    with Tag("outer"), Tag("inner"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
