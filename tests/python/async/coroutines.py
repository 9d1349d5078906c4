# async def, await, and the coroutine protocol (send/throw/close) without asyncio.


class Step:
    """An awaitable: __await__ returns a generator that yields once to the driver."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        got = yield ("step", self.label)
        return f"{self.label}<-{got}"


async def leaf(n):
    r = await Step(f"leaf{n}")
    return r.upper()


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]


async def nothing():
    return 42


# A coroutine never awaited makes CPython warn on stderr; close() (or running it) avoids that.
c = nothing()
c2 = nothing()
print(type(c).__name__, type(c) is type(c2))
c2.close()
print(repr(c).startswith("<coroutine object nothing at 0x"))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Driving a coroutine by hand, as an event loop does.
m = middle()
print(m.send(None))
print(m.send("x"))
try:
    m.send("y")
except StopIteration as e:
    print("result", e.value)

# throw() passes through every await to the innermost suspension point; finally blocks run
# innermost first.
async def guarded(name, inner):
    try:
        return await inner
    finally:
        print("finally", name)


async def catcher():
    try:
        await guarded("a", guarded("b", Step("deep")))
    except KeyError as e:
        print("caught", repr(e))
        return await Step("after")


t = catcher()
print(t.send(None))
print(t.throw(KeyError("boom")))
try:
    t.send("z")
except StopIteration as e:
    print("result", e.value)

# An exception nobody catches comes out of throw().
u = guarded("u", Step("s"))
u.send(None)
try:
    u.throw(ValueError, ValueError("bad"))
except ValueError as e:
    print("ValueError out:", e)

# close() closes the innermost first.
v = guarded("outer", guarded("inner", Step("s")))
v.send(None)
v.close()
print("closed")

# Errors CPython gives.
for what in (1, "s", [1]):
    async def aw(x=what):
        await x
    try:
        aw().send(None)
    except TypeError as e:
        print("TypeError:", e)


def gen():
    yield 1


async def await_gen():
    await gen()


try:
    await_gen().send(None)
except TypeError as e:
    print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 5


async def bad():
    await BadAwait()


try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)

c3 = nothing()
try:
    for x in c3:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next(c3)
except TypeError as e:
    print("TypeError:", e)
c3.close()


# yield from now passes send() and throw() through as well.
def inner_gen():
    try:
        x = yield "first"
        print("inner got", x)
        y = yield "second"
        return ("done", y)
    except IndexError:
        print("inner caught IndexError")
        yield "recovered"
        return "after-recover"


def outer_gen():
    r = yield from inner_gen()
    print("outer got", r)
    yield "end"


g = outer_gen()
print(next(g), g.send(10), g.send(20))
g = outer_gen()
print(next(g), g.throw(IndexError), next(g))


# An awaited coroutine that raises: the traceback ends in it.
async def fails():
    await Step("f")
    raise ZeroDivisionError("inside")


async def top():
    return await fails()


z = top()
z.send(None)
try:
    z.send(None)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


async def method_user():
    class A:
        async def m(self, k):
            return k * 2

    return await A().m(21)


try:
    method_user().send(None)
except StopIteration as e:
    print("method", e.value)

# send() of a value into a coroutine that has not started.
c4 = nothing()
try:
    c4.send(1)
except TypeError as e:
    print("TypeError:", e)
c4.close()
