# time.sleep inside a coroutine blocks the whole loop: the other task cannot run until it returns
# (the lesson's reason to use asyncio.sleep or to_thread instead).
import asyncio
import time

async def blocker():
    print("blocking the loop")
    time.sleep(0.05)
    print("unblocked")

async def other():
    print("other start")
    await asyncio.sleep(0.01)
    print("other end")

async def main():
    await asyncio.gather(other(), blocker())

t0 = time.perf_counter()
asyncio.run(main())
print(round(time.perf_counter() - t0, 2) >= 0.05)
