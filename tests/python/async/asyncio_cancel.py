# Cancellation: Task.cancel() throws CancelledError at the innermost await, finally blocks
# run innermost first, wait_for raises TimeoutError, and asyncio.run cancels what is left.
import asyncio


async def inner(name):
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally", name)


async def worker(name):
    try:
        await inner(name)
    except asyncio.CancelledError:
        print("worker cancelled", name)
        raise
    finally:
        print("worker finally", name)


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallows it")
    return "stubborn result"


async def slow(value, delay):
    await asyncio.sleep(delay)
    return value


async def forever(name):
    try:
        while True:
            await asyncio.sleep(0.01)
    finally:
        print("cleanup at exit", name)


async def main():
    t = asyncio.create_task(worker("w1"))
    await asyncio.sleep(0.01)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print(t.cancelled(), t.done(), t.cancel())

    # Cancelled before it ever ran: the coroutine never starts.
    t = asyncio.create_task(worker("never"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before starting")

    # A task that catches the cancellation and returns finishes normally.
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())

    # Cancel with a message.
    t = asyncio.create_task(slow(1, 10))
    await asyncio.sleep(0)
    t.cancel("because")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message", e.args)

    # wait_for: in time, and too late.
    print(await asyncio.wait_for(slow("quick", 0.01), timeout=1))
    try:
        await asyncio.wait_for(worker("timed"), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, TimeoutError))

    # gather: one child cancelled with return_exceptions.
    a = asyncio.create_task(slow("a", 0.01))
    b = asyncio.create_task(slow("b", 10))
    asyncio.get_running_loop().call_later(0.02, b.cancel)
    res = await asyncio.gather(a, b, return_exceptions=True)
    print(res[0], type(res[1]).__name__)

    # Cancelling the gather cancels its children.
    g = asyncio.gather(worker("g1"), worker("g2"))
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")

    # CancelledError is not an Exception.
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))

    # Left running at the end: asyncio.run cancels it. (Only one: CPython cancels the ones left
    # in the order of a set of tasks, which is not deterministic.)
    asyncio.create_task(forever("left"))
    await asyncio.sleep(0.015)
    print("main returns")


asyncio.run(main())
print("after run")
