# contextlib: @contextmanager runs the code before and after the yield (the after part in finally
# or except blocks sees the with-body's exception, may swallow it or let it through), its errors
# ("generator didn't yield"/"didn't stop"); suppress, closing, nullcontext; ExitStack closing in
# reverse order, callbacks with arguments, pop_all, a callback's exception seen by the ones below.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow", tag.__name__)
try:
    with swallow(KeyError):
        1 / 0
except ZeroDivisionError:
    print("let through")


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        int("x")
except ValueError:
    print("not suppressed")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


with closing(Resource("file")) as r:
    print("using", r.name)
with nullcontext(42) as v:
    print("null", v)
with ExitStack() as stack:
    rs = [stack.enter_context(Resource(n)) for n in ("a", "b")]
    stack.callback(print, "callback", "with", "args")
    print("body", [r.name for r in rs])
with ExitStack() as stack:
    stack.enter_context(Resource("kept"))
    later = stack.pop_all()
print("stack left")
later.close()
try:
    with ExitStack() as stack:
        stack.enter_context(Resource("outer"))
        stack.callback(lambda: 1 / 0)
        raise KeyError("k")
except ZeroDivisionError as e:
    print("ZeroDivisionError, context", type(e.__context__).__name__)
try:
    ExitStack().enter_context(5)
except TypeError as e:
    print("TypeError:", e)
