# asyncio's scheduling order: tasks start in creation order, sleep(0) yields one loop
# iteration, timers fire by deadline, gather returns results in argument order.
import asyncio


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return f"{name} done"


async def delayed(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} end")
    return delay


async def fails(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def main():
    # Interleaving at every sleep(0), in the order the tasks were created.
    results = await asyncio.gather(ticker("a", 3), ticker("b", 2), ticker("c", 4))
    print(results)

    # Timers: the shortest delay wakes first; results stay in argument order.
    log = []
    results = await asyncio.gather(delayed("slow", 0.06, log), delayed("fast", 0.01, log), delayed("mid", 0.03, log))
    print(log)
    print(results)

    # create_task starts only when the creator yields.
    t1 = asyncio.create_task(ticker("t1", 2))
    t2 = asyncio.create_task(ticker("t2", 2), name="second")
    print("tasks made", t1.get_name() != t2.get_name(), t2.get_name())
    print("first await")
    print(await t1)
    print(await t2)

    # return_exceptions keeps the exceptions as results.
    out = await asyncio.gather(delayed("x", 0.01, []), fails(0.02, ValueError("bad")), return_exceptions=True)
    print([type(r).__name__ for r in out], out[1])

    # Without it the first exception comes out of gather; the others go on running.
    log = []
    try:
        await asyncio.gather(fails(0.01, KeyError("k")), delayed("survivor", 0.03, log))
    except KeyError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.05)
    print(log)

    # Awaiting a finished task again gives its result; a failed one its exception.
    t = asyncio.create_task(fails(0, RuntimeError("again")))
    await asyncio.sleep(0.01)
    for _ in range(2):
        try:
            await t
        except RuntimeError as e:
            print("task raised", e)
    print(t.done(), t.cancelled(), type(t.exception()).__name__)

    # Callbacks run in the order they were scheduled.
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(0.02, order.append, "later 0.02")
    loop.call_later(0.01, order.append, "later 0.01")
    loop.call_soon(order.append, "soon 1")
    loop.call_soon(order.append, "soon 2")
    h = loop.call_soon(order.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.04)
    print(order)
    print(loop.time() > 0, asyncio.current_task().get_name())
    print(await asyncio.gather())
    return "main result"


print(asyncio.run(main()))
