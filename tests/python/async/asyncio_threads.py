# asyncio.to_thread and loop.run_in_executor: blocking calls on real worker threads while the
# loop keeps running its tasks; results and exceptions come back to the awaiting task.
import asyncio
import threading
import time


def blocking(name, secs):
    time.sleep(secs)
    return f"{name} on a worker thread: {threading.current_thread() is not threading.main_thread()}"


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    t = asyncio.create_task(ticker())
    r = await asyncio.to_thread(blocking, "to_thread", 0.3)
    print(r)
    loop = asyncio.get_running_loop()
    r2 = await loop.run_in_executor(None, blocking, "executor", 0.01)
    print(r2)
    await t
    def boom():
        raise ValueError("in thread")
    try:
        await asyncio.to_thread(boom)
    except ValueError as e:
        print("ValueError:", e)
    print(await asyncio.gather(*(asyncio.to_thread(blocking, f"g{i}", 0.02) for i in range(3))))

asyncio.run(main())
