# Futures and tasks at their edges: an awaited coroutine awaited again, run() inside a running
# loop, the same task twice in gather, a plain future set by a timer, InvalidStateError, and
# 20 tasks taking 2000 turns each at sleep(0).
import asyncio

async def work(i):
    await asyncio.sleep(0)
    return i

async def main():
    c = work(1)
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    c2 = work(2)
    try:
        asyncio.run(c2)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c2.close()  # never run: closing it spares CPython's "never awaited" warning
    t = asyncio.create_task(work(3))
    print(await asyncio.gather(t, t, work(4)))
    print(await asyncio.sleep(-1, "neg"))
    async def waiter(t):
        return await t
    t2 = asyncio.create_task(work(5))
    print(await asyncio.gather(waiter(t2), waiter(t2)))
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, f.set_result, "future value")
    print(await f, f.result())
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError")
    f2 = asyncio.get_running_loop().create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    class A:
        async def __aenter__(self):
            return self
        async def __aexit__(self, *a):
            print("exit", a[0])
    async with A() as a:
        print(type(a).__name__)
    n = 0
    async def spin():
        nonlocal n
        for _ in range(2000):
            n += 1
            await asyncio.sleep(0)
    await asyncio.gather(*(spin() for _ in range(20)))
    print(n)

asyncio.run(main())
