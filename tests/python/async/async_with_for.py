# async with and async for, driven by hand (no asyncio): the order of __aenter__/__aexit__,
# exceptions passed to __aexit__ and suppressed, StopAsyncIteration ending the loop.


class Tick:
    def __await__(self):
        yield "tick"


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await Tick()
        return self.name.upper()

    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None, exc)
        await Tick()
        return self.suppress


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        print("ticks", ticks, "result", e.value)


async def main():
    async with Manager("a") as a, Manager("b") as b:
        print("body", a, b)
    async with Manager("s", suppress=True):
        raise KeyError("swallowed")
    try:
        async with Manager("p"):
            raise ValueError("passes")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with Manager(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    out = []
    async for x in Countdown(3):
        out.append(x)
    else:
        out.append("else")
    async for x in Countdown(5):
        if x == 2:
            break
        out.append(x)
    else:
        out.append("no else")
    return out


run(main())


async def early():
    async with Manager("r"):
        return "returned"


run(early())
