# asyncio.wait, as_completed, shield, sleep's result, and a second asyncio.run in one program.
# Deadlines are 0.1 s apart or more, so a loaded machine waking the loop late keeps the order.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("a", 0.2), ("b", 0.05), ("c", 0.4)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed", names(done), names(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print("after timeout", names(done), names(pending))
    done, pending = await asyncio.wait(tasks)
    print("all", names(done), names(pending))

    tasks = [asyncio.create_task(job(n, d, fail=(n == "y")), name=n) for n, d in [("x", 0.05), ("y", 0.15), ("z", 0.4)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception", names(done), names(pending))
    await asyncio.wait(pending)

    order = []
    for fut in asyncio.as_completed([job("slow", 0.3), job("fast", 0.05), job("mid", 0.15)]):
        order.append(await fut)
    print("as_completed", order)

    try:
        for fut in asyncio.as_completed([job("never", 1)], timeout=0.05):
            await fut
    except asyncio.TimeoutError:
        print("as_completed timed out")

    print(await asyncio.sleep(0.01, result="slept"))
    print(await asyncio.shield(job("shielded", 0.01)))

    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())


async def second():
    return asyncio.current_task().get_name().startswith("Task-")


print("second run", asyncio.run(second()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(job)
except ValueError as e:
    print("ValueError")
