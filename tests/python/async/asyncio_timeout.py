# asyncio.timeout() (Python 3.11): a deadline around a block of awaits. Past it the task is
# cancelled inside the block and the block raises TimeoutError; in time, nothing happens.
import asyncio


async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        print("slow finally", name)


async def main():
    async with asyncio.timeout(1) as cm:
        print(await slow("in time", 0.05))
    print("expired?", cm.expired())

    try:
        async with asyncio.timeout(0.1) as cm:
            await slow("too slow", 5)
            print("never printed")
    except TimeoutError as e:
        print("TimeoutError", type(e.__context__).__name__, cm.expired())

    async with asyncio.timeout(None) as cm:
        print("no deadline", cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 0.05)
        try:
            await slow("rescheduled", 5)
        except asyncio.CancelledError:
            print("cancelled inside, re-raised")
            raise
    print("unreachable")


try:
    asyncio.run(main())
except TimeoutError:
    print("main timed out after the reschedule")

